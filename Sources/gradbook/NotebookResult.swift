import Lang
import Notebook
import Support

/// One notebook's replay as `gradbook run` reports it. The same value comes from a
/// replay in this process or, as one JSON line, from a worker process (`run -j`), so
/// both paths print, count and write JUnit the same way.
struct NotebookResult: Equatable {
    /// The path as given on the command line.
    var file: String
    var passed = 0, failed = 0, skipped = 0, notRun = 0
    /// Cells that failed with an error or a note rather than a difference (`--update` fails on these).
    var unexpected = 0
    /// Cells whose outputs `--update` re-recorded.
    var changed = 0
    /// Wall time of the replay.
    var seconds = 0.0
    /// What the command prints for the notebook, uncoloured (the printer colours it).
    var text = ""
    /// Why the notebook could not be replayed at all (unreadable, unparsable, its worker died).
    var error: String?
    /// `FAIL path:line: source` of each failed cell: the JUnit failure's message.
    var failureHeads: [String] = []

    /// Replays `file` in this process. Never throws: a file that cannot be read
    /// becomes a result with `error`, so one bad path does not stop the others.
    static func replay(file: String, update: Bool, timeout: Double?, time: Bool,
                       fileAccess: FileAccess, memoryLimit: Int?) -> NotebookResult {
        var result = NotebookResult(file: file)
        let report: Replay.Report
        do {
            report = try Replay.run(file: file, update: update, timeout: timeout,
                                    fileAccess: fileAccess, memoryLimit: memoryLimit)
        } catch {
            result.error = "\(error)"
            result.text = "error: \(file): \(error)"
            return result
        }
        result.passed = report.passed
        result.failed = report.failed
        result.skipped = report.skipped
        result.notRun = report.notRun
        result.seconds = report.seconds
        result.unexpected = report.failures.filter { $0.note != nil }.count
        result.failureHeads = report.failures.map { "FAIL \(file):\($0.line): \($0.source)" }
        var lines: [String] = []
        if update {
            result.changed = report.failures.filter { $0.mismatch != nil }.count
            lines.append("\(file): re-recorded \(result.changed) cell\(result.changed == 1 ? "" : "s")")
            for failure in report.failures {
                if failure.timeLimit != nil, let note = failure.note {
                    lines.append("FAIL \(file):\(failure.cellLine): \(note)\n    \(failure.source)")
                } else if let note = failure.note {
                    lines.append("FAIL \(file):\(failure.cellLine): \(failure.source)\n\(note)")
                }
            }
        } else {
            lines.append(report.text)
        }
        if time { lines.append("\(file): \(OutputTiming.milliseconds(report.seconds)) ms") }
        result.text = lines.joined(separator: "\n")
        return result
    }

    /// The result a notebook gets when the process replaying it died.
    static func lost(file: String, reason: String) -> NotebookResult {
        let message = "the worker replaying it \(reason)"
        return NotebookResult(file: file, text: "error: \(file): \(message)", error: message)
    }

    /// The JUnit test case for this notebook; with `update`, only unexpected failures fail it.
    func junitCase(update: Bool) -> JUnitReport.Case {
        let summary = "\(file): " + Replay.summary(passed: passed, failed: failed, skipped: skipped, notRun: notRun)
        let outcome: JUnitReport.Outcome
        if let error {
            outcome = .error(message: error, details: text)
        } else if update ? unexpected > 0 : failed > 0 {
            let count = update ? unexpected : failed
            let first = failureHeads.first ?? file
            outcome = .failed(message: "\(count) cell\(count == 1 ? "" : "s") failed; first: \(first)", details: text)
        } else if passed == 0 && failed == 0 && skipped > 0 {
            outcome = .skipped(message: "every cell is #+ skip")
        } else {
            outcome = .passed
        }
        return JUnitReport.Case(name: file, seconds: seconds, outcome: outcome, output: summary)
    }

    /// The line a worker writes back (JSON has no raw newlines, so one result is one line).
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "file": .string(file), "passed": .number(Double(passed)), "failed": .number(Double(failed)),
            "skipped": .number(Double(skipped)), "notRun": .number(Double(notRun)),
            "unexpected": .number(Double(unexpected)), "changed": .number(Double(changed)),
            "seconds": .number(seconds), "text": .string(text),
            "failureHeads": .array(failureHeads.map { .string($0) }),
        ]
        if let error { object["error"] = .string(error) }
        return .object(object)
    }

    /// Reads a worker's line back.
    /// - Throws: `RecordError` when a field is missing or of the wrong type.
    init(json: JSONValue) throws {
        func int(_ key: String) throws -> Int {
            guard let value = json[key]?.intValue else { throw RecordError(field: key) }
            return value
        }
        guard let file = json["file"]?.stringValue, let text = json["text"]?.stringValue,
              let seconds = json["seconds"]?.numberValue, let heads = json["failureHeads"]?.arrayValue
        else { throw RecordError(field: "file, text, seconds or failureHeads") }
        self.init(file: file, passed: try int("passed"), failed: try int("failed"), skipped: try int("skipped"),
                  notRun: try int("notRun"), unexpected: try int("unexpected"), changed: try int("changed"),
                  seconds: seconds, text: text, error: json["error"]?.stringValue,
                  failureHeads: heads.compactMap(\.stringValue))
    }

    init(file: String, passed: Int = 0, failed: Int = 0, skipped: Int = 0, notRun: Int = 0, unexpected: Int = 0,
         changed: Int = 0, seconds: Double = 0, text: String = "", error: String? = nil, failureHeads: [String] = []) {
        self.file = file
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
        self.notRun = notRun
        self.unexpected = unexpected
        self.changed = changed
        self.seconds = seconds
        self.text = text
        self.error = error
        self.failureHeads = failureHeads
    }

    /// A worker's line that is not a result (a version mismatch or a stray write to stdout).
    struct RecordError: Error, CustomStringConvertible {
        var field: String
        var description: String { "a worker's result lacks \(field)" }
    }
}

/// The counts over every notebook of a run, for the summary line and the exit status.
struct RunTotals {
    var passed = 0, failed = 0, skipped = 0, notRun = 0
    /// Notebooks that could not be replayed.
    var unreadable = 0
    /// Cells that failed unexpectedly (what `--update` reports).
    var unexpected = 0

    mutating func add(_ result: NotebookResult) {
        passed += result.passed
        failed += result.failed
        skipped += result.skipped
        notRun += result.notRun
        unexpected += result.unexpected
        if result.error != nil { unreadable += 1 }
    }
}
