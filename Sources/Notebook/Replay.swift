#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang
import Support

/// Runs a notebook top to bottom in a fresh `Interpreter` and checks every cell's
/// output against its recorded `#>` lines (see `OutputMatch` for the rules).
///
/// A cell passes when its output matches and it fails only if marked `#+ error`
/// (its error's first line, `error: ...`, is then part of the recorded output).
/// A `#+ skip` cell is not run and keeps its record. A cell that runs past its time
/// limit (`timeout=`, default 600 s) fails, and the cells after it are not run.
public enum Replay {
    /// What went wrong in one cell.
    public struct Failure: Sendable {
        /// Notebook line of the cell's first source line.
        public var cellLine: Int
        /// Notebook line of the first difference.
        public var line: Int
        /// The cell's first source line, to name it.
        public var source: String
        /// The diff, when outputs differ.
        public var mismatch: OutputMismatch?
        /// The rendered error (with the caret) when the cell failed unexpectedly,
        /// or a note such as "expected an error, but the cell ran".
        public var note: String?
        /// The limit in seconds when the cell ran past it (the note then says so).
        public var timeLimit: Double?
        /// The relative tolerance the cell's numbers were compared with.
        public var tolerance = CellOptions.defaultTolerance
    }

    /// The outcome of replaying one notebook.
    public struct Report: Sendable {
        /// The origin (path) the notebook was run as.
        public var origin: String
        /// Cells whose output matched.
        public var passed = 0
        /// Cells that differed or failed unexpectedly.
        public var failed = 0
        /// Cells marked `#+ skip`.
        public var skipped = 0
        /// Cells after one that exceeded its time limit, left unrun.
        public var notRun = 0
        /// The failures in file order.
        public var failures: [Failure] = []
        /// The notebook with every run cell's output re-recorded (for `--update`).
        public var updated: Notebook
        /// Wall time of the replay, in seconds.
        public var seconds = 0.0

        /// The failures as text: `FAIL path:line`, the cell, the diff, the largest errors.
        public var text: String {
            var lines: [String] = []
            for failure in failures {
                if failure.timeLimit != nil, let note = failure.note {
                    lines.append("FAIL \(origin):\(failure.line): \(note)")
                    lines.append("    \(failure.source)")
                    if notRun > 0 { lines.append("the \(notRun) cell\(notRun == 1 ? "" : "s") after it did not run") }
                    lines.append("")
                    continue
                }
                // The code line names the cell; the diff below gives the `#>` lines.
                lines.append("FAIL \(origin):\(failure.cellLine): \(failure.source)")
                if let note = failure.note { lines.append(note) }
                if let mismatch = failure.mismatch {
                    lines.append("--- \(origin) (recorded)")
                    lines.append("+++ \(origin) (replayed)")
                    lines.append(mismatch.diff)
                    if let error = mismatch.numericError {
                        lines.append(error.description)
                        if error.isProbablyRounding(tolerance: failure.tolerance) { lines.append(error.roundingNote) }
                    }
                }
                lines.append("")
            }
            lines.append("\(origin): " + Replay.summary(passed: passed, failed: failed, skipped: skipped, notRun: notRun))
            return lines.joined(separator: "\n")
        }
    }

    /// `N passed, N failed`, then `(N skipped, N not run)` naming those that are not zero.
    public static func summary(passed: Int, failed: Int, skipped: Int, notRun: Int = 0) -> String {
        var extra: [String] = []
        if skipped > 0 { extra.append("\(skipped) skipped") }
        if notRun > 0 { extra.append("\(notRun) not run") }
        return "\(passed) passed, \(failed) failed" + (extra.isEmpty ? "" : " (" + extra.joined(separator: ", ") + ")")
    }

    /// Replays `notebook` in a fresh interpreter.
    /// - Parameters:
    ///   - origin: the name errors and reports use (normally the path).
    ///   - timeout: the time limit in seconds of cells that neither they nor the
    ///     notebook's header limit (nil: `CellOptions.defaultTimeout`).
    ///   - interruption: the token that stops the replay's interpreter (a REPL passes
    ///     its session's, so Ctrl-C stops a `:run`); a fresh one by default.
    ///   - fileAccess: what its file builtins may open (unconfined by default).
    ///   - memoryLimit: the most bytes of live tensor memory (nil: `MemoryBudget.defaultByteLimit`).
    public static func run(_ notebook: Notebook, origin: String, timeout: Double? = nil,
                           interruption: InterruptToken = InterruptToken(),
                           fileAccess: FileAccess = .unconfined, memoryLimit: Int? = nil) -> Report {
        let start = monotonicSeconds()
        let outcome = NotebookRun.outcome(notebook, origin: origin, timeout: timeout, interruption: interruption,
                                          fileAccess: fileAccess, memoryLimit: memoryLimit)
        let results = outcome.results
        let defaults = notebook.defaults
        var report = Report(origin: origin, updated: notebook)
        report.notRun = outcome.notRun.count
        let notRun = Set(outcome.notRun)
        for (index, first) in zip(notebook.items.indices, notebook.firstLines) {
            guard case .code(var cell) = notebook.items[index] else { continue }
            if notRun.contains(index) { continue }
            guard let result = results[index] else {
                report.skipped += 1
                continue
            }
            let options = defaults.overridden(by: cell.options)
            let sourceLine = first + cell.optionLines.count
            if let limit = result.timeLimit {
                // Not compared and not re-recorded: what a stopped cell printed is partial.
                report.failed += 1
                report.failures.append(Failure(cellLine: sourceLine, line: sourceLine, source: cell.sourceLines.first ?? "",
                                               mismatch: nil, note: result.error, timeLimit: limit))
                continue
            }
            var note: String? = nil
            if let error = result.error, !options.expectError {
                note = error
            } else if result.error == nil && options.expectError {
                note = "expected an error (#+ error), but the cell ran"
            }
            let actual = canonicalised(recorded: cell.outputs, actual: result.lines, symbolic: result.symbolic)
            let mismatch = OutputMatch.compare(recorded: cell.outputs, actual: actual,
                                               tolerance: options.tolerance ?? CellOptions.defaultTolerance,
                                               absoluteTolerance: options.absoluteTolerance ?? 0,
                                               firstLine: sourceLine + cell.sourceLines.count)
            if mismatch == nil && note == nil {
                report.passed += 1
            } else {
                report.failed += 1
                report.failures.append(Failure(cellLine: sourceLine, line: mismatch?.line ?? sourceLine,
                                               source: cell.sourceLines.first ?? "", mismatch: mismatch, note: note,
                                               tolerance: options.tolerance ?? CellOptions.defaultTolerance))
            }
            // A matching cell keeps its bytes, so --update touches only what changed; a symbolic
            // output that matched only canonically is re-recorded in its new form.
            if mismatch != nil || actual != result.lines {
                cell.outputs = result.lines
                report.updated.items[index] = .code(cell)
            }
        }
        report.seconds = monotonicSeconds() - start
        return report
    }

    /// `actual` with each symbolic echo that differs from the recorded lines in its place
    /// only in form (term order, say) replaced by those recorded lines, so it compares equal.
    static func canonicalised(recorded: [String], actual: [String], symbolic: [Int: SymbolicEcho]) -> [String] {
        var out = actual
        for (start, echo) in symbolic {
            let end = start + echo.lineCount
            guard end <= recorded.count, end <= actual.count, recorded[start..<end] != actual[start..<end] else { continue }
            if echo.matches(recorded: recorded[start..<end].joined(separator: "\n")) {
                out.replaceSubrange(start..<end, with: recorded[start..<end])
            }
        }
        return out
    }

    /// Reads, parses and replays the notebook at `path`; with `update`, writes the
    /// re-recorded outputs back atomically (only when something changed). `timeout` and
    /// `interruption` and `memoryLimit` are as in `run(_:origin:timeout:interruption:fileAccess:memoryLimit:)`; `fileAccess`
    /// defaults to the notebook's own folder and below, where relative paths start.
    /// - Throws: `TextFile.Failure` or `NotebookError` (the report needs a parsed file).
    public static func run(file path: String, update: Bool = false, timeout: Double? = nil,
                           interruption: InterruptToken = InterruptToken(),
                           fileAccess: FileAccess? = nil, memoryLimit: Int? = nil) throws -> Report {
        let text = try TextFile.read(path)
        let notebook = try NotebookParser.parse(text)
        let access = fileAccess ?? .confined(to: PathResolution.folder(of: path))
        let report = run(notebook, origin: path, timeout: timeout, interruption: interruption,
                         fileAccess: access, memoryLimit: memoryLimit)
        if update {
            let newText = NotebookWriter.serialize(report.updated)
            if newText != text { try TextFile.writeAtomically(newText, to: path) }
        }
        return report
    }
}
