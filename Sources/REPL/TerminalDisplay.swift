import Console
import Lang
import Plots
import Support

/// Draws a console session on a terminal: text and echoes on standard output,
/// plots as Unicode, the progress bar and errors on standard error.
final class TerminalDisplay: ConsoleDisplay {
    let color: Bool
    let drawsProgress: Bool
    private var progressBar = ProgressBar()

    init(color: Bool, drawsProgress: Bool) {
        self.color = color
        self.drawsProgress = drawsProgress
    }

    func show(_ output: Output) {
        // A builtin that ends early (fit stopping, minimize converging) leaves its bar
        // short of the total; what follows must not print on the bar's line.
        progressBar.finish()
        switch output {
        case .text(let text): print(text)
        case .plot(let spec):
            // Measured per plot: the window may have been resized since the last one.
            print(TerminalPlot.render(spec, width: Terminal.plotWidth(), height: 18, color: color))
        }
    }

    func progress(_ progress: Progress) {
        guard drawsProgress else { return }
        progressBar.draw(done: progress.done, total: progress.total, message: progress.message)
    }

    func note(_ text: String) {
        progressBar.finish()
        print(text)
    }

    func failure(_ report: ErrorReport) {
        progressBar.finish()
        flushStandardOutput()
        let text = report.rendered(color: color)
        writeToStandardError(text.hasSuffix("\n") ? text : text + "\n")
    }

    func entryFinished() { progressBar.finish() }
}
