import Testing
import Glibc
import Console


@Suite struct JournalRecovery {
    @Test func entriesSurviveAnUncleanEndAndAreOfferedOnce() throws {
        let directory = try temporaryDirectory("journal")
        let deadPID: Int32 = 999_999
        do {
            let journal = try Journal(directory: directory, pid: deadPID)
            journal.append(source: "x = 3", outputs: ["3"])
            journal.append(source: "function f(a)\n    return a + 1\nend", outputs: [])
            journal.append(source: "#> looks like output\n#@ entry", outputs: ["multi\nline"])
            // No close(): the session died here.
        }
        let found = Journal.abandoned(in: directory, isAlive: { _ in false })
        #expect(found.count == 1)
        let contents = Journal.parse(try FileSystem.read(found[0]))
        #expect(contents.pid == deadPID)
        #expect(!contents.closed)
        #expect(contents.entries == ["x = 3", "function f(a)\n    return a + 1\nend", "#> looks like output\n#@ entry"])

        Journal.markClosed(found[0])
        #expect(Journal.abandoned(in: directory, isAlive: { _ in false }).isEmpty)
    }

    @Test func aCleanQuitIsNotOffered() throws {
        let directory = try temporaryDirectory("closed")
        let journal = try Journal(directory: directory, pid: 999_998)
        journal.append(source: "y = 1", outputs: ["1"])
        journal.close()
        #expect(Journal.abandoned(in: directory, isAlive: { _ in false }).isEmpty)
        #expect(Journal.parse(try FileSystem.read(journal.path)) == Journal.Contents(pid: 999_998, entries: ["y = 1"], closed: true))
    }

    @Test func aLiveSessionsJournalIsLeftAlone() throws {
        let directory = try temporaryDirectory("live")
        let journal = try Journal(directory: directory, pid: 999_997)
        journal.append(source: "z = 2", outputs: [])
        #expect(Journal.abandoned(in: directory, isAlive: { $0 == 999_997 }).isEmpty)
    }

    @Test func theFileIsWrittenAsEachEntryEnds() throws {
        let directory = try temporaryDirectory("flush")
        let journal = try Journal(directory: directory, pid: 999_996)
        journal.append(source: "a = 1", outputs: ["1"])
        // Read back while the journal is still open: flushed per entry, not at close.
        let text = try FileSystem.read(journal.path)
        #expect(text == "#@ gradbook journal 1 pid=999996\n#@ entry\na = 1\n#> 1\n")
    }

    @Test func pruningKeepsTheNewestClosedJournals() throws {
        let directory = try temporaryDirectory("prune")
        for pid: Int32 in 1...4 {
            let journal = try Journal(directory: directory, pid: 900_000 + pid)
            journal.close()
        }
        let open = try Journal(directory: directory, pid: 900_010)
        open.append(source: "kept = 1", outputs: [])
        Journal.prune(directory, keep: 2)
        let names = FileSystem.list(directory)
        // Two closed ones and the unclosed one remain.
        #expect(names.count == 3)
        #expect(names.contains { $0.hasSuffix("-900010.gbj") })
    }
}

@Suite struct AtomicWrites {
    @Test func replacesTheWholeFileAndLeavesNoTemporary() throws {
        let directory = try temporaryDirectory("atomic")
        let path = directory + "/out.gbook"
        try FileSystem.writeAtomically(path, "first version, longer\n")
        try FileSystem.writeAtomically(path, "second\n")
        #expect(try FileSystem.read(path) == "second\n")
        #expect(FileSystem.list(directory) == ["out.gbook"])
    }

    @Test func aMissingFolderIsAnErrorNamingThePath() {
        #expect(throws: FileError.self) { try FileSystem.writeAtomically("/nonexistent-dir/x.gbook", "x") }
    }

    @Test func makeDirectoriesCreatesParents() throws {
        let directory = try temporaryDirectory("mkdir")
        try FileSystem.makeDirectories(directory + "/a/b/c")
        #expect(FileSystem.exists(directory + "/a/b/c"))
    }
}
