import Foundation
import Support
import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

// A time-out requests the interruption token of the replay's own interpreter, so cells
// that time out run here beside other tests; the command line's `--timeout` is tested
// through a `gradbook run` child process.

@Test func timeoutIsACellAndANotebookOption() throws {
    let notebook = try NotebookParser.parse("#+ notebook timeout=60 tol=1e-6\n#+ timeout=0.2\nx = 1\n#> 1\n")
    #expect(notebook.defaults.timeout == 60)
    #expect(notebook.cells.first?.options.timeout == 0.2)
    #expect(notebook.defaults.overridden(by: try #require(notebook.cells.first).options).timeout == 0.2)
    #expect(CellOptions(timeout: 5).line == "#+ timeout=5")
    #expect(CellOptions(timeout: 0.25).line == "#+ timeout=0.25")
}

@Test(arguments: ["#+ timeout=0\nx = 1\n", "#+ timeout=-1\nx = 1\n", "#+ timeout=soon\nx = 1\n", "#+ timeout=inf\nx = 1\n"])
func badTimeoutsAreRejected(text: String) {
    #expect(throws: NotebookError.self) { try NotebookParser.parse(text) }
}

@Test func aFastCellUnderItsLimitPasses() throws {
    // 2^10 = 1024 by hand; a loop of ten steps is far inside 5 s.
    let text = "#+ timeout=5\ny = 1; for i in range(10) y = 2 * y end\n#+ timeout=5\ny\n#> 1024\n"
    let report = Replay.run(try NotebookParser.parse(text), origin: "fast.gbook", timeout: 30)
    #expect(report.passed == 2)
    #expect(report.failed == 0)
    #expect(report.notRun == 0)
}

@Test func summaryNamesCellsNotRun() {
    #expect(Replay.summary(passed: 1, failed: 1, skipped: 0, notRun: 2) == "1 passed, 1 failed (2 not run)")
    #expect(Replay.summary(passed: 1, failed: 1, skipped: 3, notRun: 2) == "1 passed, 1 failed (3 skipped, 2 not run)")
}

/// The result of `gradbook run ARGUMENTS FILE` on `text` written to a fresh file.
private func replayInChild(_ text: String, _ arguments: [String] = [])
    throws -> (status: Int32, stdout: String, seconds: Double, path: String) {
    var template = Array("/tmp/gradbook-timeout-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw TimeoutTestError("mkdtemp failed") }
    let directory = String(cString: made)
    let path = directory + "/slow.gbook", outPath = directory + "/out"
    try TextFile.writeAtomically(text, to: path)
    let command = ([try gradbookBinary(), "run"] + arguments + [path]).map { "'\($0)'" }.joined(separator: " ")
    let start = monotonicNow()
    let raw = system(command + " >'\(outPath)' 2>&1")
    let seconds = monotonicNow() - start
    let output = try TextFile.read(outPath)
    _ = system("rm -rf '\(directory)'")
    // system() returns a wait status; the exit code is its second byte.
    return ((raw >> 8) & 0xff, output, seconds, path)
}

@Test func aCellLoopingForeverFailsAtItsLimitAndTheRestIsNotRun() throws {
    let text = "x = 1\n#> 1\n#+ timeout=0.2\nwhile true end\nx + 1\n#> 2\n"
    let start = monotonicNow()
    let report = Replay.run(try NotebookParser.parse(text), origin: "slow.gbook")
    #expect(report.text.contains("FAIL slow.gbook:4: cell exceeded its 0.2 s time limit"), "\(report.text)")
    #expect((report.passed, report.failed, report.notRun) == (1, 1, 1))
    // 0.2 s of loop; 600 s if the limit were ignored.
    #expect(monotonicNow() - start < 5)
}

@Test func theHeaderLimitAppliesToEveryCell() throws {
    let report = Replay.run(try NotebookParser.parse("#+ notebook timeout=0.3\n\ni = 0\n#> 0\nwhile true i += 1 end\n"),
                            origin: "slow.gbook")
    #expect(report.text.contains("FAIL slow.gbook:5: cell exceeded its 0.3 s time limit"), "\(report.text)")
    #expect(report.failed == 1)
}

@Test func aTimeLimitStopsOnlyItsOwnNotebook() throws {
    // 0 + 1 + … + (2e7 - 1) = (2e7 - 1) · 2e7 / 2, exact in a double; long enough to be
    // running when the other notebook's limit fires.
    let long = try NotebookParser.parse("s = 0; for k in range(20000000) s = s + k end; s == 199999990000000\n#> true\n")
    let slow = try NotebookParser.parse("#+ timeout=0.2\nwhile true end\n")
    let finished = DispatchSemaphore(value: 0)
    let box = ReportBox()
    Thread.detachNewThread {
        box.report = Replay.run(long, origin: "long.gbook", timeout: 60)
        finished.signal()
    }
    let stopped = Replay.run(slow, origin: "slow.gbook")
    #expect(stopped.failures.first?.timeLimit == 0.2)
    #expect(finished.wait(timeout: .now() + 120) == .success)
    let report = try #require(box.report)
    #expect((report.passed, report.failed) == (1, 0), "\(report.text)")
}

private final class ReportBox: @unchecked Sendable {
    var report: Replay.Report?
}

@Test func theCommandLineSetsTheDefaultAndTheNotebookOverridesIt() throws {
    let plain = try replayInChild("while true end\n", ["--timeout", "0.25"])
    #expect(plain.stdout.contains("FAIL \(plain.path):1: cell exceeded its 0.25 s time limit"), "\(plain.stdout)")
    let cellWins = try replayInChild("#+ notebook timeout=100\n#+ timeout=0.2\nwhile true end\n", ["--timeout", "50"])
    #expect(cellWins.stdout.contains("cell exceeded its 0.2 s time limit"), "\(cellWins.stdout)")
    #expect(cellWins.seconds < 5)
}

private struct TimeoutTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Seconds on the monotonic clock.
private func monotonicNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The `gradbook` built beside this test bundle (the same build folder).
private func gradbookBinary() throws -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard readlink("/proc/self/exe", &buffer, buffer.count - 1) > 0 else { throw TimeoutTestError("/proc/self/exe unreadable") }
    var path = String(cString: buffer)
    while !path.isEmpty && path != "/" {
        path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if access(path + "/gradbook", X_OK) == 0 { return path + "/gradbook" }
    }
    throw TimeoutTestError("gradbook is not built beside the tests (swift build first)")
}
