import Support
import Testing

@Suite struct Clocks {
    @Test func monotonicSecondsNeverGoBack() {
        let a = monotonicSeconds()
        let b = monotonicSeconds()
        #expect(b >= a)
    }

    @Test func wallClockDateHasJupytersShape() {
        let date = WallClock.iso8601()
        // 2026-11-24T22:00:00.123456Z
        #expect(date.count == 27)
        #expect(date.hasSuffix("Z"))
        #expect(WallClock.seconds() > 1_700_000_000)
    }
}
