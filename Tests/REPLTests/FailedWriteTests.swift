import Testing
import Glibc
import Console

/// Runs `command` in a child shell whose files may not grow past 1 KiB
/// (`ulimit -f 1`), so a write fails midway as on a full disk; returns the exit status.
private func underFileSizeLimit(_ command: String, in directory: String) -> Int32 {
    let line = "cd '\(directory)' && HOME='\(directory)' XDG_STATE_HOME='\(directory)/state' "
        + "bash -c 'ulimit -f 1; \(command)' >out 2>err </dev/null"
    return (system(line) >> 8) & 0xff
}

/// A notebook whose re-recorded outputs pass 1 KiB while the file itself is small.
private let growingNotebook = "x = 3\n#> 4\nfor i in range(300)\n    print(i)\nend\n"

@Suite struct FailedWrites {
    @Test func runUpdatePastTheFileSizeLimitKeepsTheOldNotebook() throws {
        let directory = try temporaryDirectory("fsize-update")
        try FileSystem.writeAtomically(directory + "/a.gbook", growingNotebook)
        let binary = try gradbookBinary()
        let status = underFileSizeLimit("exec \(binary) run --update a.gbook", in: directory)
        // Killed by SIGXFSZ would be 128+25 from bash; a reported failure is 1.
        #expect(status == 1)
        #expect(try FileSystem.read(directory + "/a.gbook") == growingNotebook)
        #expect(FileSystem.list(directory).filter { $0.contains(".tmp") }.isEmpty)
        let said = try FileSystem.read(directory + "/out") + FileSystem.read(directory + "/err")
        #expect(said.contains("File too large"))
    }

    @Test func saveAtThePromptPastTheFileSizeLimitKeepsTheOldFile() throws {
        let directory = try temporaryDirectory("fsize-save")
        try FileSystem.writeAtomically(directory + "/keep.gbook", "old = 1\n")
        try FileSystem.writeAtomically(directory + "/typed",
                                       "for i in range(300)\n    print(i)\nend\n:save keep.gbook\n:quit\n")
        let binary = try gradbookBinary()
        // `script` gives the REPL a terminal, so `:save` is a meta-command and not script input;
        // its screen goes through a pipe (not limited) and only its end is kept, under 1 KiB.
        let status = underFileSizeLimit("script -qec \(binary) /dev/null <typed | tail -c 600 >screen", in: directory)
        #expect(status == 0)
        #expect(try FileSystem.read(directory + "/keep.gbook") == "old = 1\n")
        #expect(FileSystem.list(directory).filter { $0.contains(".tmp") }.isEmpty)
        let screen = try FileSystem.read(directory + "/screen")
        #expect(screen.contains("File too large"))
        // The journal could not take the loop's long entry: it was cut back, not left half-written.
        let journals = FileSystem.list(directory + "/state/gradbook").filter { $0.hasSuffix(".gbj") }
        #expect(journals.count == 1)
        for name in journals {
            let text = try FileSystem.read(directory + "/state/gradbook/" + name)
            #expect(text.hasPrefix("#@ gradbook journal 1") && text.hasSuffix("\n"))
            #expect(!text.contains("#> 299"), "the failed entry was left in the journal")
        }
    }
}
