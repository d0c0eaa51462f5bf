import Lang
import Plots
import Tensor

/// What one code cell printed when run, as notebook lines, with the plots behind
/// their summary lines.
struct CellResult {
    /// Output lines as they would be recorded after `#>`.
    var lines: [String] = []
    /// The plot drawn at each summary line's index in `lines`.
    var plots: [Int: PlotSpec] = [:]
    /// The full rendered error (with caret) when the cell failed.
    var error: String?
    /// The index of the `error: ...` line in `lines`.
    var errorLine: Int?
    /// The limit in seconds, when the cell ran past it and was stopped.
    var timeLimit: Double?
    /// The expression or symbolic matrix echoed at each first line's index in `lines`.
    var symbolic: [Int: SymbolicEcho] = [:]
}

/// A notebook's run: each run cell's result, and the cells left unrun after a time-out.
struct NotebookOutcome {
    /// The result of each run code cell, keyed by item index.
    var results: [Int: CellResult] = [:]
    /// Item indices of the cells after a timed-out one, which were not run.
    var notRun: [Int] = []
}

/// Runs a notebook's cells top to bottom in one fresh interpreter.
///
/// Each cell has a time limit (its `timeout=`, else the header's, else `timeout`, else
/// `CellOptions.defaultTimeout`). A cell past it is stopped and the run ends there: the
/// cells after it would meet a half-built state, and one hang must not cost a limit per cell.
enum NotebookRun {
    /// The result of each run code cell, keyed by item index; `#+ skip` cells and the
    /// cells after a time-out are absent.
    static func run(_ notebook: Notebook, origin: String, interruption: InterruptToken = InterruptToken(),
                    fileAccess: FileAccess = .unconfined, memoryLimit: Int? = nil) -> [Int: CellResult] {
        outcome(notebook, origin: origin, interruption: interruption, fileAccess: fileAccess,
                memoryLimit: memoryLimit).results
    }

    /// Runs the notebook; `timeout` is the limit for cells that neither they nor the
    /// header limit; `interruption` is the interpreter's token, which the time limit requests too;
    /// `fileAccess` is what its file builtins may open; `memoryLimit` bounds its live tensor
    /// bytes (nil: `MemoryBudget.defaultByteLimit`).
    static func outcome(_ notebook: Notebook, origin: String, timeout: Double? = nil,
                        interruption: InterruptToken = InterruptToken(),
                        fileAccess: FileAccess = .unconfined, memoryLimit: Int? = nil) -> NotebookOutcome {
        let budget = MemoryBudget(byteLimit: memoryLimit ?? MemoryBudget.defaultByteLimit)
        let interpreter = Interpreter(interruption: interruption, memoryBudget: budget)
        interpreter.fileAccess = fileAccess
        var current = CellResult()
        interpreter.outputHandler = { output in
            switch output {
            case .text(let text): current.lines.append(contentsOf: lines(of: text))
            case .plot(let plot):
                current.plots[current.lines.count] = plot
                current.lines.append(plot.summary)
            }
        }
        // Echoes arrive here rather than as text so a symbolic result keeps its value.
        interpreter.echoHandler = { echo in
            if let s = echo.symbolic { current.symbolic[current.lines.count] = s }
            current.lines.append(contentsOf: lines(of: echo.text))
        }
        let defaults = notebook.defaults
        let watchdog = CellWatchdog(stopping: interruption)
        defer { watchdog.close() }
        var outcome = NotebookOutcome()
        var timedOut = false
        for (index, first) in zip(notebook.items.indices, notebook.firstLines) {
            guard case .code(let cell) = notebook.items[index] else { continue }
            let options = defaults.overridden(by: cell.options)
            // A reset happened at the prompt before this cell whether or not the cell runs.
            if options.reset { interpreter.reset() }
            if options.skip { continue }
            if timedOut {
                outcome.notRun.append(index)
                continue
            }
            let sourceLine = first + cell.optionLines.count
            current = CellResult()
            // Leading newlines put the cell at its notebook line, so error spans
            // name the file's line numbers.
            let padded = String(repeating: "\n", count: sourceLine - 1) + cell.source
            let limit = options.timeout ?? timeout ?? CellOptions.defaultTimeout
            watchdog.arm(seconds: limit)
            let diagnostic = interpreter.run(padded, origin: origin)
            if watchdog.disarm() {
                // Whatever the cell printed or threw after the stop (a fit ends quietly,
                // a loop with `interrupted`), the limit is the reason it ended.
                interruption.clear()
                let message = "cell exceeded its \(CellOptions.secondsText(limit)) s time limit"
                current.errorLine = current.lines.count
                current.lines.append("error: " + message)
                current.error = message
                current.timeLimit = limit
                outcome.results[index] = current
                timedOut = true
                continue
            }
            if let diagnostic {
                current.errorLine = current.lines.count
                current.lines.append("error: " + diagnostic.message)
                current.error = diagnostic.render(source: padded, origin: origin, color: false)
            }
            outcome.results[index] = current
        }
        return outcome
    }

    /// The lines of one output: a final newline ends the last line rather than adding an empty one.
    static func lines(of text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 && parts.last == "" { parts.removeLast() }
        return parts
    }
}
