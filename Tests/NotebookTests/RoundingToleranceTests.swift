import Testing
import Notebook

/// Replays notebook text in a fresh interpreter.
private func replay(_ text: String) throws -> Replay.Report {
    try Replay.run(NotebookParser.parse(text), origin: "test.gbook")
}

// The case from the study notebook E: 6.182896e-08 replayed where 6.181987e-08 was
// recorded (another CPU's BLAS kernels): absolute error 9.09e-12, relative 1.47e-4.
@Test(arguments: [
    ("6.181987e-08", "6.182896e-08", 0.0, false),     // relative 1.5e-4 > 1e-9, no atol
    ("6.181987e-08", "6.182896e-08", 1e-10, true),    // |a - r| = 9.09e-12 <= 1e-10
    ("6.181987e-08", "6.182896e-08", 1e-12, false),   // 9.09e-12 > 1e-12
    ("1", "1.001", 1e-10, false),                     // atol does not hide a real change
])
func absoluteToleranceAcceptsSmallAbsoluteErrors(recorded: String, actual: String, atol: Double, expected: Bool) {
    #expect(OutputMatch.lineMatches(recorded: recorded, actual: actual, tolerance: 1e-9,
                                    absoluteTolerance: atol) == expected)
}

@Test func absoluteToleranceComesFromCellThenHeader() throws {
    // 1e-8 + 1e-12 prints 1.0001e-08; recorded 1.0000e-08: absolute 1e-12, relative 1e-4.
    let cell = "1e-8 + 1e-12\n#> 1.0000e-08\n"
    #expect(try replay(cell).failed == 1)
    #expect(try replay("#+ atol=1e-11\n" + cell).passed == 1)
    #expect(try replay("#+ notebook atol=1e-11\n\n" + cell).passed == 1)
    #expect(try replay("#+ notebook atol=1e-11\n#+ atol=1e-13\n" + cell).failed == 1)
    #expect(throws: NotebookError.self) { try NotebookParser.parse("#+ atol=-1\n1\n") }
}

@Test func atolSurvivesARoundTrip() throws {
    let text = "#+ atol=1e-10 tol=1e-06\nx = 1\n#> 1\n"
    let notebook = try NotebookParser.parse(text)
    #expect(NotebookWriter.serialize(notebook) == text)
    guard case .code(let cell) = notebook.items.first(where: { if case .code = $0 { true } else { false } }) else {
        Issue.record("no cell"); return
    }
    #expect(cell.options == CellOptions(tolerance: 1e-6, absoluteTolerance: 1e-10))
}

@Test func roundingSizedFailureIsCalledProbablyRounding() throws {
    // Absolute error 9.09e-12 on outputs no larger than 1: near rounding.
    let report = try replay("x = [6.166820e-04, 6.182896e-08]\n#> [6.166820e-04, 6.181987e-08]\n")
    #expect(report.failed == 1)
    let error = try #require(report.failures.first?.mismatch?.numericError)
    #expect(error.isProbablyRounding(tolerance: 1e-9))
    #expect(report.text.contains("probably rounding: no number moved by more than 9.09e-12"))
    #expect(report.text.contains("'#+ atol=1e-10'"))
}

@Test func realChangeIsNotCalledRounding() throws {
    // 2.5 against 2: absolute 0.5, far above rounding.
    let report = try replay("x = [1, 2.5]\n#> [1, 2]\n")
    #expect(report.failed == 1)
    #expect(!report.text.contains("probably rounding"))
    // A small number that moved by 1e-6 absolute is not rounding either.
    let small = try replay("x = 3e-6\n#> 2e-06\n")
    #expect(!small.text.contains("probably rounding"))
}
