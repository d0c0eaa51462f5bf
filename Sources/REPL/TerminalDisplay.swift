import Console
import Lang
import Plots
import Support

/// Draws a console session on a terminal: text and echoes on standard output,
/// plots as Unicode, the progress bar and errors on standard error.
public final class TerminalDisplay: ConsoleDisplay {
    /// Whether to write ANSI colour.
    public let color: Bool
    /// Whether to draw the progress bar (standard error is a terminal).
    public let drawsProgress: Bool
    private var progressBar: ProgressBar
    private let standardOutput: (String) -> Void
    private let standardError: (String) -> Void

    /// A display on the process's streams; tests pass `output` and `error` to collect
    /// both in one transcript and see what ends up on the bar's line.
    public init(color: Bool, drawsProgress: Bool,
         output: @escaping (String) -> Void = { print($0) },
         error: @escaping (String) -> Void = writeToStandardError) {
        self.color = color
        self.drawsProgress = drawsProgress
        standardOutput = output
        standardError = error
        // Measured per draw: the window may be resized while a fit runs.
        progressBar = ProgressBar(write: error, columns: { Terminal.columns(of: 2) })
    }

    /// Text on standard output, a plot drawn in braille; an open bar is ended first.
    public func show(_ output: Output) {
        // A builtin that ends early (fit stopping, minimize converging) leaves its bar
        // short of the total; what follows must not print on the bar's line.
        progressBar.finish()
        switch output {
        case .text(let text): standardOutput(text)
        case .plot(let spec):
            // Measured per plot: the window may have been resized since the last one.
            standardOutput(Terminal.drawnPlot(spec, color: color))
        }
    }

    /// Redraws the bar, when bars are drawn.
    public func progress(_ progress: Progress) {
        guard drawsProgress else { return }
        progressBar.draw(done: progress.done, total: progress.total, message: progress.message)
    }

    /// A meta-command's answer, on its own line.
    public func note(_ text: String) {
        progressBar.finish()
        standardOutput(text)
    }

    /// The rendered error (span, traceback) on standard error, on its own line.
    public func failure(_ report: ErrorReport) {
        progressBar.finish()
        flushStandardOutput()
        let text = report.rendered(color: color)
        standardError(text.hasSuffix("\n") ? text : text + "\n")
    }

    /// Ends a bar the entry left open, however it ended.
    public func entryFinished() { progressBar.finish() }
}
