import Glibc
import Support
import Testing

/// A fresh folder under /tmp for one test.
private func scratchFolder(_ name: String) throws -> String {
    let path = "/tmp/gradbook-support-\(getpid())-\(name)"
    try Directory.create(path, mode: 0o700)
    return path
}

@Suite struct TextFileBehaviour {
    @Test func writesAtomicallyAndReadsBack() throws {
        let folder = try scratchFolder("roundtrip")
        let path = folder + "/a.txt"
        try TextFile.writeAtomically("first\n", to: path)
        try TextFile.writeAtomically("second é\n", to: path)
        #expect(try TextFile.read(path) == "second é\n")
        #expect(try TextFile.readBytes(path) == Array("second é\n".utf8))
        // Only the file itself is left: the temporary one was renamed over it.
        #expect(Directory.entries(folder) == ["a.txt"])
        TextFile.remove(path)
        #expect(!TextFile.exists(path))
    }

    @Test func aMissingFileSaysWhichStepFailed() throws {
        #expect {
            try TextFile.read("/tmp/gradbook-no-such-folder/x.gbook")
        } throws: { error in
            (error as? TextFile.Failure)?.step == .openForReading
        }
        #expect {
            try TextFile.writeAtomically("x", to: "/tmp/gradbook-no-such-folder/x.gbook")
        } throws: { error in
            (error as? TextFile.Failure)?.step == .openForWriting
        }
    }

    @Test func createsMissingParents() throws {
        let folder = try scratchFolder("parents")
        try Directory.create(folder + "/a/b/c", mode: 0o700)
        #expect(Directory.entries(folder + "/a/b") == ["c"])
    }
}

@Suite struct FailedAtomicWrites {
    @Test func aFolderThatCannotBeWrittenLeavesTheOldFileAndNoTemporary() throws {
        let folder = try scratchFolder("readonly")
        let path = folder + "/a.txt"
        try TextFile.writeAtomically("old\n", to: path)
        // Root ignores folder permissions, so make the target a folder's child that is a file.
        #expect {
            try TextFile.writeAtomically("new\n", to: path + "/inside")
        } throws: { error in
            let failure = error as? TextFile.Failure
            return failure?.step == .openForWriting && failure?.description.contains("unchanged") == true
        }
        #expect(try TextFile.read(path) == "old\n")
        #expect(Directory.entries(folder) == ["a.txt"])
    }

    @Test func aRenameThatFailsRemovesTheTemporaryFile() throws {
        let folder = try scratchFolder("rename")
        // A folder where the file should be: the write succeeds, the rename cannot.
        try Directory.create(folder + "/target/x", mode: 0o700)
        #expect {
            try TextFile.writeAtomically("new\n", to: folder + "/target")
        } throws: { error in
            (error as? TextFile.Failure)?.step == .rename
        }
        #expect(Directory.entries(folder) == ["target"])
        #expect(Directory.entries(folder + "/target") == ["x"])
    }

    @Test func keepsTheOldFilesPermissions() throws {
        let folder = try scratchFolder("mode")
        let path = folder + "/a.txt"
        try TextFile.writeAtomically("old\n", to: path)
        chmod(path, 0o640)
        try TextFile.writeAtomically("new\n", to: path)
        var status = stat()
        stat(path, &status)
        #expect(status.st_mode & 0o777 == 0o640)
    }

    @Test(arguments: [
        // (bytes, line, column, byte): a lone continuation byte, a truncated sequence before
        // a newline, an overlong encoding of "/", a surrogate; each located at its first bad byte.
        ([0x78, 0x0A, 0x61, 0x80, 0x0A] as [UInt8], 2, 2, 0x80 as UInt8),
        ([0xC3, 0xA9, 0xE2, 0x82, 0x0A], 1, 3, 0xE2),
        ([0x61, 0x0A, 0x0A, 0x20, 0xC0, 0xAF], 3, 2, 0xC0),
        ([0xED, 0xA0, 0x80], 1, 1, 0xED),
    ])
    func bytesThatAreNotUTF8AreRefusedAtTheirLine(_ bytes: [UInt8], _ line: Int, _ column: Int, _ byte: UInt8) throws {
        // One folder per case: parameterized cases run in parallel.
        let folder = try scratchFolder("utf8-\(line)-\(column)")
        let path = folder + "/bad.txt"
        let file = fopen(path, "wb")
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        #expect {
            try TextFile.read(path)
        } throws: { error in
            (error as? TextFile.NotUTF8) == TextFile.NotUTF8(line: line, column: column, byte: byte)
        }
    }
}
