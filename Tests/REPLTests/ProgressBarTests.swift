import Testing
import REPL

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
