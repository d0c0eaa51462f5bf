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
