import Console
import Foundation
import Lang
import REPL
import Testing

@Suite struct ProgressBarDrawing {
    @Test func halfwayFillsHalfTheCells() {
        let bar = ProgressBar(width: 10)
        // 5 of 10 steps in 2 s: 5 filled cells, then the head, a rate of 2.5 per second.
        #expect(bar.render(done: 5, total: 10, message: "loss 0.25", elapsed: 2) == "[=====>    ] 5/10  loss 0.25  2.50/s")
    }

    @Test func finishedBarIsFull() {
        let bar = ProgressBar(width: 4)
        // 8 steps in 0.5 s is 16 per second.
        #expect(bar.render(done: 8, total: 8, message: "", elapsed: 0.5) == "[====] 8/8  16.00/s")
    }

    @Test func startIsEmptyWithoutARate() {
        let bar = ProgressBar(width: 3)
        #expect(bar.render(done: 0, total: 100, message: "", elapsed: 0) == "[   ] 0/100")
    }

    @Test func overshootAndNegativeTotalsAreClamped() {
        let bar = ProgressBar(width: 2)
        #expect(bar.render(done: 12, total: 10, message: "", elapsed: 0) == "[==] 10/10")
        #expect(bar.render(done: 3, total: -1, message: "", elapsed: 0) == "[  ] 0/0")
    }

    @Test func fastRatesAreWholeNumbers() {
        let bar = ProgressBar(width: 1)
        // 1000 steps in 0.08 s is 12500 per second.
        #expect(bar.render(done: 1000, total: 1000, message: "", elapsed: 0.08).hasSuffix("  12500/s"))
    }
}

/// The bar's line is ended on every way out: the last step, or `finish()` when the
/// run stopped short; and only once.
@Suite struct ProgressBarLineEnds {
    /// A bar writing into `log`, on a clock that advances 1 s per reading (every draw shows).
    private func bar(_ log: Log) -> ProgressBar {
        var t = 0.0
        return ProgressBar(width: 4, write: { log.text += $0 }, clock: { t += 1; return t })
    }

    @Test func theLastStepEndsTheLine() {
        let log = Log()
        var b = bar(log)
        b.draw(done: 1, total: 2, message: "")
        b.draw(done: 2, total: 2, message: "")
        #expect(log.text.hasSuffix("\u{1B}[K\n"))
        #expect(!b.isOpen)
        b.finish()
        // Already ended: no blank line.
        #expect(!log.text.hasSuffix("\n\n"))
    }

    @Test func finishEndsABarLeftShort() {
        let log = Log()
        var b = bar(log)
        b.draw(done: 3, total: 10, message: "loss 1")
        #expect(b.isOpen && !log.text.hasSuffix("\n"))
        b.finish()
        #expect(log.text.hasSuffix("\u{1B}[K\n") && !b.isOpen)
    }

    @Test func finishWithoutABarWritesNothing() {
        let log = Log()
        var b = bar(log)
        b.finish()
        #expect(log.text.isEmpty)
    }

    @Test func redrawsWithin50msAreSkippedButTheLastStepDraws() {
        let log = Log()
        var t = 0.0
        var b = ProgressBar(width: 4, write: { log.text += $0 }, clock: { t += 0.0001; return t })
        for k in 1...100 { b.draw(done: k, total: 100, message: "") }
        // 100 reports 0.1 ms apart: the first draws, then only the last step.
        #expect(log.text.components(separatedBy: "\r").count - 1 == 2)
        #expect(log.text.contains("] 100/100"))
        #expect(log.text.hasSuffix("\u{1B}[K\n"))
    }
}

/// Collects what a display writes to both streams, in order.
final class Log { var text = "" }

/// A terminal display over a console: whatever way a loop ends, what follows starts
/// on its own line, never on the bar's.
@Suite struct ProgressThroughTheConsole {
    /// Forwards to a terminal display; asks the interpreter to stop at the `stopAt`-th report.
    final class StoppingDisplay: ConsoleDisplay {
        let inner: TerminalDisplay
        let interpreter: Interpreter
        let stopAt: Int?
        var reports = 0
        init(_ inner: TerminalDisplay, _ interpreter: Interpreter, stopAt: Int?) {
            self.inner = inner
            self.interpreter = interpreter
            self.stopAt = stopAt
        }
        func show(_ output: Output) { inner.show(output) }
        func note(_ text: String) { inner.note(text) }
        func failure(_ report: ErrorReport) { inner.failure(report) }
        func entryFinished() { inner.entryFinished() }
        func progress(_ progress: Lang.Progress) {
            reports += 1
            inner.progress(progress)
            if reports == stopAt { interpreter.interruption.request() }
        }
    }

    /// Runs the entries; the screen's text, stdout lines and stderr interleaved.
    private func screen(_ entries: [String], stopAt: Int? = nil) -> String {
        let log = Log()
        let interpreter = Interpreter()
        let console = Console(interpreter: interpreter)
        let display = TerminalDisplay(color: false, drawsProgress: true,
                                      output: { log.text += $0 + "\n" }, error: { log.text += $0 })
        let stopping = StoppingDisplay(display, interpreter, stopAt: stopAt)
        for e in entries { _ = console.submit(e, display: stopping) }
        return log.text
    }

    /// True when a bar was drawn and every line that holds one holds only the bar.
    private func barsStandAlone(_ text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let barLines = lines.filter { $0.contains("\r") }
        return !barLines.isEmpty && barLines.allSatisfy { $0.hasPrefix("\r") && $0.hasSuffix("\u{1B}[K") }
    }

    @Test func minimizeConvergingEarlyEndsTheBar() {
        // Newton lands on the minimum of a quadratic in one step; the zero gradient then
        // ends the run at 1 of 100 steps, and the point is printed on a line of its own.
        let text = screen(["minimize(x -> sum((x - [1, 2])^2), [0.0, 0.0], Newton(), steps=100)"])
        #expect(barsStandAlone(text), "\(text.debugDescription)")
        #expect(text.split(separator: "\n").last == "[1, 2]")
    }

    @Test func minimizeConvergingWithoutAnEchoEndsTheBarBeforeThePrompt() {
        let text = screen(["p = minimize(x -> sum((x - [1, 2])^2), [0.0, 0.0], Newton(), steps=100);"])
        #expect(barsStandAlone(text) && text.hasSuffix("\n"), "\(text.debugDescription)")
    }

    @Test func fitStoppingEarlyEndsTheBar() {
        // Ten epochs of validation loss that never improves on the first (the validation
        // targets are far off and the learning rate 0): early_stopping=2 stops at epoch 3.
        let text = screen(["""
        seed(1); m = Dense(2, 1); X = randn(16, 2); Y = zeros(16, 1);
        h = fit(m, X, Y, opt=SGD(lr=0), epochs=10, batch_size=16, val_X=X, val_Y=Y + 5, early_stopping=2);
        len(h.train)
        """])
        #expect(barsStandAlone(text), "\(text.debugDescription)")
        #expect(text.split(separator: "\n").last == "3")
    }

    @Test func anErrorInsideTheLoopEndsTheBarBeforeTheError() {
        let text = screen([
            "calls = []",
            "function f(x)\n    calls.append(1)\n    assert(len(calls) < 4, \"stop here\")\n    return sum(x^2)\nend",
            "minimize(f, [1.0, 1.0], SGD(lr=0.1), steps=100)",
        ])
        #expect(barsStandAlone(text), "\(text.debugDescription)")
        #expect(text.contains("\u{1B}[K\nerror: stop here"), "\(text.debugDescription)")
    }

    @Test func ctrlCInFitEndsTheBarBeforeTheHistory() {
        let text = screen([
            "seed(2); m = Dense(2, 1); X = randn(64, 2); Y = zeros(64, 1);",
            "h = fit(m, X, Y, epochs=1000, batch_size=8)",
            "1 + 1",
        ], stopAt: 3)
        #expect(barsStandAlone(text), "\(text.debugDescription)")
        #expect(text.hasSuffix("\n2\n"), "\(text.debugDescription)")
    }
}

@Suite struct ProgressBarWidth {
    @Test func aBarLongerThanTheWindowIsCutSoItNeverWraps() {
        let log = Log()
        var t = 0.0
        var b = ProgressBar(width: 30, write: { log.text += $0 }, clock: { t += 1; return t }, columns: { 40 })
        b.draw(done: 5, total: 5000, message: "epoch 1/1000  loss 0.5139  84882 rows/s  ETA 1h18m")
        // 39 characters between the carriage return and the clear-to-end: one short of the window.
        #expect(log.text == "\r" + "[>                             ] 5/5000" + "\u{1B}[K")
    }
}
