import Glibc
import Testing
import Console
import Lang
import Notebook

/// A display that presses Ctrl-C (requests the interpreter's token) at the first printed line.
final class InterruptingDisplay: ConsoleDisplay {
    let token: InterruptToken
    var notes: [String] = []
    var failures: [ErrorReport] = []
    init(_ token: InterruptToken) { self.token = token }
    func show(_ output: Output) { token.request() }
    func note(_ text: String) { notes.append(text) }
    func failure(_ report: ErrorReport) { failures.append(report) }
}

/// The saved transcript, parsed back and replayed in a fresh interpreter.
func replaySaved(_ console: Console) throws -> Replay.Report {
    let text = NotebookWriter.serialize(console.transcript)
    return Replay.run(try NotebookParser.parse(text), origin: "saved")
}

@Suite struct SavedSessionReplays {
    @Test func aResetIsWrittenSoTheReplayResetsToo() throws {
        let console = Console()
        let display = RecordingDisplay()
        console.submit("f(x) = x + 1", display: display)
        console.submit(":reset", display: display)
        console.submit("y = 1", display: display)
        #expect(console.submit("f(2)", display: display) == .failed)
        let text = NotebookWriter.serialize(console.transcript)
        #expect(text.contains("#+ reset\ny = 1\n#> 1\n#+ error\nf(2)\n#> error: unknown name 'f'"))
        let report = try replaySaved(console)
        #expect(report.passed == 3 && report.failed == 0)
    }

    @Test func anInterruptedLoopIsASkippedCellWithProse() throws {
        let console = Console()
        let display = InterruptingDisplay(console.interpreter.interruption)
        console.submit("for i in range(1000000)\n    print(i)\nend", display: display)
        let text = NotebookWriter.serialize(console.transcript)
        #expect(text.contains("#' Interrupted (Ctrl-C) at the prompt; kept for reading, not replayed:\n#+ skip\nfor i in range(1000000)"))
        let report = try replaySaved(console)
        #expect(report.skipped == 1 && report.failed == 0 && report.passed == 0)
    }

    @Test func aPasteOfSeveralStatementsGivesOneCellEach() throws {
        let console = Console()
        let display = RecordingDisplay()
        #expect(console.submit("a = 1\n# a comment\nb = a + 1\n\n\n", display: display) == .succeeded)
        #expect(console.transcript.cells.map(\.source) == ["a = 1", "b = a + 1"])
        #expect(console.transcript.cells.map(\.outputs) == [["1"], ["2"]])
        #expect(NotebookWriter.serialize(console.transcript) == "a = 1\n#> 1\n# a comment\nb = a + 1\n#> 2\n")
        #expect(try replaySaved(console).passed == 2)
    }

    @Test func aBlockThatDoesNotParseIsKeptAsProse() throws {
        let console = Console()
        let display = RecordingDisplay()
        #expect(console.submit("for i in range(3)\n    print(i))", display: display) == .failed)
        console.submit("z = 4", display: display)
        #expect(console.transcript.cells.map(\.source) == ["z = 4"])
        let text = NotebookWriter.serialize(console.transcript)
        #expect(text.hasPrefix("#' An entry that does not read back as one cell, kept as text and not run:\n#'     for i in range(3)\n"))
        #expect(try replaySaved(console).passed == 1)
    }

    @Test func saveRefusesAFileItDidNotWriteUnlessForced() throws {
        let directory = try temporaryDirectory("save")
        let path = directory + "/notes.gbook"
        try FileSystem.writeAtomically(path, "precious = 1\n")
        let console = Console()
        let display = RecordingDisplay()
        console.submit("x = 2", display: display)
        #expect(console.submit(":save \(path)", display: display) == .failed)
        #expect(display.failures.last?.message == "\(path) exists and this session did not write it; :save! \(path) replaces it")
        #expect(try FileSystem.read(path) == "precious = 1\n")
        #expect(console.submit(":save! \(path)", display: display) == .succeeded)
        #expect(try FileSystem.read(path) == "x = 2\n#> 2\n")
        console.submit("x + 1", display: display)
        // Written by this session, so a plain :save replaces it now.
        #expect(console.submit(":save \(path)", display: display) == .succeeded)
        #expect(try FileSystem.read(path) == "x = 2\n#> 2\nx + 1\n#> 3\n")
    }

    @Test func checkNamesTheFirstCellThatReplaysDifferently() throws {
        let console = Console()
        let display = InterruptingDisplay(console.interpreter.interruption)
        console.submit("z = 5; for i in range(1000000)\n    print(i)\nend", display: display)
        console.interpreter.interruption.clear()
        let quiet = RecordingDisplay()
        #expect(console.submit("z + 1", display: quiet) == .succeeded)
        #expect(console.submit(":check", display: quiet) == .failed)
        let message = try #require(quiet.failures.last?.message)
        #expect(message.contains("    z + 1"))
        #expect(message.contains("unknown name 'z'"))
        #expect(message.hasSuffix("0 passed, 1 failed (1 skipped)"))
    }

    @Test func aRestoredJournalKeepsItsReset() throws {
        let console = Console()
        let display = RecordingDisplay()
        let ran = console.restore(["f(x) = x + 1", ":reset", "y = 2"], display: display, shouldStop: { false })
        #expect(ran == 2)
        #expect(console.transcript.cells.map(\.options.reset) == [false, true])
        #expect(console.interpreter.variables.map(\.name) == ["y"])
        #expect(try replaySaved(console).passed == 2)
    }

    @Test func checkPassesOnAFaithfulSession() {
        let console = Console()
        let display = RecordingDisplay()
        console.submit("f(x) = x^2", display: display)
        console.submit("f(3)", display: display)
        #expect(console.submit(":check", display: display) == .succeeded)
        #expect(display.notes.last == "check: the session replays as shown (2 passed, 0 failed)")
    }
}

@Suite struct LanguageTopics {
    @Test(arguments: ["for", "if", "function", "list", "while"])
    func aTopicShowsHelpWithAnExample(topic: String) throws {
        let console = Console()
        let display = RecordingDisplay()
        #expect(console.submit("?" + topic, display: display) == .succeeded)
        let text = try #require(display.notes.last)
        #expect(text.hasPrefix(topic == "list" ? "[a, b]" : topic))
        // The example lines are indented and run as written.
        #expect(text.splitLines().contains { $0.hasPrefix("  ") })
        #expect(display.failures.isEmpty)
    }
}

extension String {
    func splitLines() -> [String] { split(separator: "\n").map(String.init) }
}
