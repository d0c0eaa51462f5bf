import Support
import Testing

@Suite struct TimeFormatting {
    @Test(arguments: [
        (0.000_85, "850 µs"),
        (0.012_34, "12.3 ms"),
        (0.001_5, "1.50 ms"),     // a trailing zero is kept: three figures
        (0.000_999_4, "999 µs"),
        (0.5, "500 ms"),
        (2.414, "2.41 s"),
        (61.0, "61.0 s"),
    ])
    func threeSignificantFigures(seconds: Double, expected: String) {
        #expect(DurationFormat.string(seconds: seconds) == expected)
    }
}
