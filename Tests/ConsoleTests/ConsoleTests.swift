import Testing
import Console
import Lang
import Notebook

/// Keeps what a console session shows, in order, as a front end would draw it.
final class RecordingDisplay: ConsoleDisplay {
    var shown: [String] = []
    var echoes: [String] = []
    var notes: [String] = []
    var tables: [VariableTable] = []
    var failures: [ErrorReport] = []
    var finished = 0

    func show(_ output: Output) {
        switch output {
        case .text(let text): shown.append(text)
        case .plot(let spec): shown.append(spec.summary)
        }
    }
    func echo(_ echo: Echo) { echoes.append(echo.text) }
    func note(_ text: String) { notes.append(text) }
    func variables(_ table: VariableTable) { tables.append(table) }
    func failure(_ report: ErrorReport) { failures.append(report) }
    func entryFinished() { finished += 1 }
}

@Suite struct ConsoleSession {
    @Test func sourceEchoesAndBecomesACell() {
        let console = Console()
        let display = RecordingDisplay()
        #expect(console.submit("x = 3", display: display) == .succeeded)
        #expect(console.submit("print(x * 2); x + 1", display: display) == .succeeded)
        // 3, then print(6) as text and the echo 4: values by hand.
        #expect(display.echoes == ["3", "4"])
        #expect(display.shown == ["6"])
        #expect(console.transcript.cells.map(\.outputs) == [["3"], ["6", "4"]])
        #expect(display.finished == 2)
    }

    @Test func anErrorIsAValueWithItsSourceAndIsRecordedForReplay() throws {
        let console = Console()
        let display = RecordingDisplay()
        #expect(console.submit("a = 1", display: display) == .succeeded)
        #expect(console.submit("b = a + nope", display: display) == .failed)
        let report = try #require(display.failures.first)
        #expect(report.diagnostic?.kind == .name)
        #expect(report.kindName == "NameError")
        #expect(report.message == "unknown name 'nope'")
        #expect(report.recordedLine == "error: unknown name 'nope'")
        #expect(report.rendered(color: false).contains("b = a + nope"))
        let saved = NotebookWriter.serialize(console.transcript)
        #expect(saved.contains("#+ error\nb = a + nope\n#> error: unknown name 'nope'"))
        #expect(Replay.run(try NotebookParser.parse(saved), origin: "s").failed == 0)
    }

    @Test func metaCommandsAnswerOnTheDisplayAndAreNotCells() {
        let console = Console()
        let display = RecordingDisplay()
        console.submit("w = [1, 2]", display: display)
        #expect(console.submit(":vars", display: display) == .succeeded)
        #expect(display.tables.first?.rows.map(\.name) == ["w"])
        #expect(display.tables.first?.text.contains("(2,)") == true)
        #expect(console.submit("?zeros", display: display) == .succeeded)
        #expect(console.submit("zeros?", display: display) == .succeeded)
        #expect(display.notes.count == 2 && display.notes[0] == display.notes[1])
        #expect(display.notes[0].contains("zeros("))
        #expect(console.submit(":frob", display: display) == .failed)
        #expect(display.failures.last?.kindName == "CommandError")
        #expect(console.submit(":quit", display: display) == .quit)
        #expect(console.transcript.cells.map(\.source) == ["w = [1, 2]"])
        #expect(console.entries == ["w = [1, 2]", ":vars", "?zeros", "zeros?", ":frob", ":quit"])
    }

    @Test func resetForgetsVariablesAndTimeReportsADuration() {
        let console = Console()
        let display = RecordingDisplay()
        console.submit("k = 10", display: display)
        console.submit(":reset", display: display)
        #expect(console.interpreter.variables.isEmpty)
        #expect(console.submit(":time 2 + 2", display: display) == .succeeded)
        #expect(display.echoes.last == "4")
        #expect(display.notes.last?.hasPrefix("time: ") == true)
    }

    @Test func completenessKnowsCommandsProseAndOpenBlocks() {
        let console = Console()
        #expect(console.completeness(":save x.gbook") == .complete)
        #expect(console.completeness("#' some prose") == .complete)
        #expect(console.completeness("function f(x)") == .incomplete)
        #expect(console.completeness("[1, 2") == .incomplete)
        #expect(console.completeness("1 + 2") == .complete)
    }

    @Test func saveWritesANotebookThatReplays() throws {
        let directory = try temporaryDirectory("console-save")
        let path = directory + "/s.gbook"
        let console = Console()
        let display = RecordingDisplay()
        for entry in ["#' # A session", "m = [[1, 2], [3, 4]]", "m @ m", "function sq(v)\n    return v^2\nend", "sq(3)"] {
            console.submit(entry, display: display)
        }
        #expect(console.submit(":save " + path, display: display) == .succeeded)
        #expect(display.notes.last == "saved 4 cells to \(path)")
        let report = try Replay.run(file: path)
        // m @ m = [[7, 10], [15, 22]] and sq(3) = 9 by hand; replay checks every record.
        #expect(report.failed == 0)
        #expect(report.passed == 4)
        #expect(console.transcript.cells[1].outputs == ["[[ 7, 10],", " [15, 22]]"])
    }

    @Test func completionsCoverCommandsHelpAndNames() {
        let console = Console()
        #expect(console.completions(for: ":sa") == [":save"])
        #expect(console.completions(for: "?hessi").contains("?hessian"))
        #expect(console.completions(for: "hessi").contains("hessian"))
    }
}
