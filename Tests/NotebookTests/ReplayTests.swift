import Testing
import Notebook

/// Replays notebook text in a fresh interpreter.
private func replay(_ text: String) throws -> Replay.Report {
    try Replay.run(NotebookParser.parse(text), origin: "test.gbook")
}

@Test func matchingNotebookPasses() throws {
    // 0.5 * 3 = 1.5 and 2 + 2 = 4 by hand; the tensor is [[1,2],[3,4]] doubled.
    let report = try replay("""
    #' prose is not a cell
    x = 0.5 * 3
    #> 1.5
    M = [[1, 2], [3, 4]] * 2
    #> [[2, 4],
    #>  [6, 8]]
    y = 2 + 2;
    print("hello")
    #> hello

    """)
    #expect(report.passed == 4)
    #expect(report.failed == 0)
    #expect(report.text.hasSuffix("test.gbook: 4 passed, 0 failed"))
}

@Test func changedNumberIsCaughtAtItsLine() throws {
    let report = try replay("x = 0.5\n#> 0.5\ny = x * 3\n#> 1.6\n")
    #expect(report.passed == 1)
    #expect(report.failed == 1)
    let failure = try #require(report.failures.first)
    #expect(failure.line == 4)
    #expect(failure.mismatch?.diff == "@@ -4,1 +4,1 @@\n-#> 1.6\n+#> 1.5")
    #expect(report.text.contains("FAIL test.gbook:3: y = x * 3"))
}

@Test func changedTensorEntryReportsLargestErrorAndWhere() throws {
    // Recorded 9 where 4*2 = 8 is printed: absolute error 1, relative 1/9, at row 1, column 1.
    let report = try replay("M = [[1, 2], [3, 4]] * 2\n#> [[2, 4],\n#>  [6, 9]]\n")
    let error = try #require(report.failures.first?.mismatch?.numericError)
    #expect(report.failures.first?.line == 3)
    #expect(error.maxAbsolute == 1)
    #expect(abs(error.maxRelative - 1.0 / 9.0) < 1e-15)
    #expect(error.absoluteAt == "index [1, 1], line 3")
}

@Test func changedTextIsCaughtAtItsLine() throws {
    let report = try replay("print(\"a\")\n#> a\nprint(\"hello\")\n#> hullo\n")
    #expect(report.failures.map(\.line) == [4])
}

@Test func missingOutputIsCaught() throws {
    // The cell prints a, b, c; the record lacks b: the diff adds it after line 2.
    let report = try replay("print(\"a\"); print(\"b\"); print(\"c\")\n#> a\n#> c\n")
    let failure = try #require(report.failures.first)
    #expect(failure.line == 3)
    #expect(failure.mismatch?.diff == "@@ -2,2 +2,3 @@\n #> a\n+#> b\n #> c")
}

@Test func extraRecordedOutputIsCaught() throws {
    // `x = 1;` prints nothing, so the recorded line 3 is extra.
    let report = try replay("print(\"a\")\n#> a\nx = 1;\n#> 1\n")
    let failure = try #require(report.failures.first)
    #expect(failure.line == 4)
    #expect(failure.mismatch?.diff == "@@ -4,1 +3,0 @@\n-#> 1")
}

@Test func unrecordedOutputIsCaught() throws {
    let report = try replay("x = 7\ny = 1\n#> 1\n")
    #expect(report.failures.map(\.line) == [2])
}

@Test func toleranceComesFromCellThenHeaderThenDefault() throws {
    // 1.0001 against 1: relative difference 1e-4.
    #expect(try replay("1.0001\n#> 1\n").failed == 1)
    #expect(try replay("#+ tol=1e-3\n1.0001\n#> 1\n").passed == 1)
    #expect(try replay("#+ tol=1e-5\n1.0001\n#> 1\n").failed == 1)
    #expect(try replay("#+ notebook tol=1e-3\n\n1.0001\n#> 1\n").passed == 1)
    #expect(try replay("#+ notebook tol=1e-3\n#+ tol=1e-6\n1.0001\n#> 1\n").failed == 1)
    // A recorded 0.3333 stands for [0.33325, 0.33335]: 1/3 rounds to it, 0.3334 does not.
    #expect(try replay("1 / 3\n#> 0.3333\n").passed == 1)
    #expect(try replay("0.3334 + 0\n#> 0.3333\n").failed == 1)
}

@Test func expectedErrorsAreChecked() throws {
    let failing = "1 + \"a\""
    let ok = try replay("#+ error\n\(failing)\n#> error: unsupported operand types for +: number and string\n")
    #expect(ok.passed == 1)
    let unmarked = try replay("\(failing)\n#> error: unsupported operand types for +: number and string\n")
    #expect(unmarked.failed == 1)
    // The rendered error names the notebook's line, not the cell's.
    #expect(unmarked.failures.first?.note?.contains("test.gbook:1:") == true)
    let ran = try replay("x = 1;\n#+ error\ny = 2;\n")
    #expect(ran.failures.first?.note?.contains("expected an error") == true)
    #expect(ran.failures.first?.cellLine == 3)
}

@Test func skippedCellsAreNotRun() throws {
    let report = try replay("#+ skip\nundefined_name\n#> anything\nx = 2\n#> 2\n")
    #expect(report.skipped == 1)
    #expect(report.passed == 1)
    #expect(report.text.hasSuffix("1 passed, 0 failed (1 skipped)"))
}

@Test func plotsAreCheckedByTheirSummary() throws {
    let report = try replay("plot([1, 4, 9])\n#> <plot: line, 1 series, 3 points, x=[0, 2], y=[1, 9], hash=00000000>\n")
    #expect(report.failed == 1)
    #expect(report.failures.first?.mismatch?.diff.contains("+#> <plot: line, 1 series, 3 points, x=[0, 2], y=[1, 9], hash=") == true)
}

@Test func stateNeverLeaksBetweenNotebooks() throws {
    _ = try replay("leak = 5;\n")
    #expect(try replay("leak\n#> 5\n").failed == 1)
}

@Test func fitHistoryNamesTheStopAndTheRestoredEpoch() throws {
    // Dense(1, 1) from zeros on x = 1, y = 2, validated on y = 1: by SGD(lr=0.1) the
    // prediction is p_t = 2(1 − 0.8^t), so the train loss of epoch t is (p_{t−1} − 2)²/2
    // (2 → 0.335544 at t = 5), the validation loss (p_t − 1)²/2 (0.18 → 0.059388) is least
    // at t = 3, and W_3 = 1 − 0.8³ = 0.488, W_5 = 1 − 0.8⁵ = 0.67232.
    let fitCall = "[[1]], [[2]], epochs=50, batch_size=1, shuffle=false, val_X=[[1]], val_Y=[[1]], early_stopping=2"
    let report = try replay("""
    m = Dense(1, 1, init="zeros");
    h = fit(m, \(fitCall))
    #> History(epochs=5, train loss 2 -> 0.335544, val loss 0.18 -> 0.059388, stopped at epoch 5, restored epoch 3)
    [h.best_epoch, h.restored_epoch]
    #> [3, 3]
    m.W
    #> [[0.488]]
    k = Dense(1, 1, init="zeros");
    fit(k, \(fitCall), restore_best=false)
    #> History(epochs=5, train loss 2 -> 0.335544, val loss 0.18 -> 0.059388, stopped at epoch 5)
    k.W
    #> [[0.67232]]

    """)
    #expect(report.failed == 0, "\(report.text)")
    #expect(report.passed == 7)
}

@Test func aFailureInsideAnEarlierCellsFunctionIsDrawnAtThatCellsLine() throws {
    // `scaled` is written on lines 2-5 (its `@` on line 4, column 12); the failing call is on line 8.
    let report = try replay("""
    #' a function, then a call that fails inside it
    function scaled(v)
        w = v * 2
        return w @ [1, 2, 3]
    end
    x = 1
    #> 1
    scaled([1, 2])
    #> 0

    """)
    #expect(report.failed == 1)
    let note = try #require(report.failures.first?.note)
    #expect(note.hasPrefix("error: shape mismatch in @: (2,) and (3,)\n --> test.gbook:4:12\n"))
    #expect(note.contains("4 |     return w @ [1, 2, 3]"))
    #expect(note.hasSuffix("""
    Traceback (most recent call last):
      File "test.gbook", line 8, in <module>
        scaled([1, 2])
      File "test.gbook", line 4, in scaled
        return w @ [1, 2, 3]
    """))
    #expect(report.text.contains("FAIL test.gbook:8: scaled([1, 2])"))
}
