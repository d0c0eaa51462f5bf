import Testing
import Lang
import Notebook
import Console
import REPL

/// Feeds a session fixed input, as a person would type it.
final class TypedLines: LineReader {
    private var pending: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    private(set) var saves = 0

    init(_ inputs: [LineInput]) { pending = inputs.reversed() }
    convenience init(lines: [String]) { self.init(lines.map { .line($0) }) }

    func read(prompt: String) -> LineInput {
        prompts.append(prompt)
        return pending.popLast() ?? .endOfInput
    }
    func addHistory(_ entry: String) { history.append(entry) }
    func saveHistory() { saves += 1 }
}

private let noTerminal = Terminal(inputIsTTY: false, outputIsTTY: false, errorIsTTY: false)

@Suite struct SessionBehaviour {
    @Test func anOpenBlockContinuesWithTheSecondPrompt() {
        let reader = TypedLines(lines: ["function f(x)", "return x + 1", "end", "y = f(41)"])
        let session = Session(reader: reader, terminal: noTerminal, color: false, journal: nil)
        #expect(session.run() == 0)
        #expect(reader.prompts == ["gb> ", "..> ", "..> ", "gb> ", "gb> "])
        // The block is one history item and one cell.
        #expect(reader.history == ["function f(x)\nreturn x + 1\nend", "y = f(41)"])
        #expect(session.transcript.cells.map(\.outputs) == [[], ["42"]])
        #expect(reader.saves == 1)
    }

    @Test func ctrlCDropsAContinuedEntry() {
        let reader = TypedLines([.line("if true"), .interrupted, .line("z = 5")])
        let session = Session(reader: reader, terminal: noTerminal, color: false, journal: nil)
        session.run()
        #expect(reader.prompts == ["gb> ", "..> ", "gb> ", "gb> "])
        #expect(session.transcript.cells.map(\.source) == ["z = 5"])
    }

    @Test func proseAndErrorsAreRecordedAsANotebookWouldHaveThem() throws {
        let reader = TypedLines(lines: ["#' # Squares", "a = 3", "b = a + nope", "a^2"])
        let session = Session(reader: reader, terminal: noTerminal, color: false, journal: nil)
        session.run()
        let text = NotebookWriter.serialize(session.transcript)
        #expect(text.hasPrefix("#' # Squares\na = 3\n#> 3\n#+ error\nb = a + nope\n#> error: unknown name 'nope'"))
        // Replaying the saved session in a fresh interpreter reproduces every output.
        let report = Replay.run(try NotebookParser.parse(text), origin: "saved")
        #expect(report.failed == 0)
        #expect(report.passed == 3)
    }

    @Test func metaCommandsDoNotBecomeCells() {
        let reader = TypedLines(lines: [":vars", "?zeros", ":frob", ":reset", "w = 2", ":quit", "never = 1"])
        let session = Session(reader: reader, terminal: noTerminal, color: false, journal: nil)
        #expect(session.run() == 0)
        #expect(session.transcript.cells.map(\.source) == ["w = 2"])
        // :quit ends the session before the line after it is read.
        #expect(session.interpreter.variables.map(\.name) == ["w"])
        #expect(!reader.history.contains(":quit"))
    }

    @Test func saveThenLoadRestoresTheVariables() throws {
        let directory = try temporaryDirectory("session")
        let path = directory + "/s.gbook"
        let first = Session(reader: TypedLines(lines: ["m = [1, 2, 3]", "s = sum(m)", ":save " + path]),
                            terminal: noTerminal, color: false, journal: nil)
        first.run()
        let second = Session(reader: TypedLines(lines: [":load " + path]),
                             terminal: noTerminal, color: false, journal: nil)
        second.run()
        let names = second.interpreter.variables.map { "\($0.name):\($0.type)" }
        #expect(names == ["m:tensor", "s:number"])
    }

    @Test func theJournalRecordsEntriesAndACleanEndClosesIt() throws {
        let directory = try temporaryDirectory("sessionjournal")
        let journal = try Journal(directory: directory, pid: 999_990)
        let session = Session(reader: TypedLines(lines: ["k = 10", "k * 2"]), terminal: noTerminal,
                              color: false, journal: journal)
        session.run()
        let contents = Journal.parse(try FileSystem.read(journal.path))
        #expect(contents == Journal.Contents(pid: 999_990, entries: ["k = 10", "k * 2"], closed: true))
    }

    @Test func aDeadSessionsEntriesAreRestoredOnYes() throws {
        let directory = try temporaryDirectory("restore")
        let dead = try Journal(directory: directory, pid: 999_989)
        dead.append(source: "restored = 6 * 7", outputs: ["42"])
        // A pid with no running process stands for the dead session: Journal.abandoned
        // asks the kernel, and 999989 is above this machine's pid_max (32768).
        let tty = Terminal(inputIsTTY: true, outputIsTTY: false, errorIsTTY: false)
        let reader = TypedLines(lines: ["y"])
        let session = Session(reader: reader, terminal: tty, color: false, journal: nil)
        session.offerRestore(from: directory)
        #expect(session.interpreter.variables.map(\.name) == ["restored"])
        #expect(Journal.abandoned(in: directory).isEmpty)
    }
}
