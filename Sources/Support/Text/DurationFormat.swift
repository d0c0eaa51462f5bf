/// Formats the wall time `:time` reports, to three significant figures.
public enum DurationFormat {
    /// "850 µs" below a millisecond, "12.3 ms" below a second, else "2.41 s".
    public static func string(seconds: Double) -> String {
        if seconds < 1e-3 { return "\(Int((seconds * 1e6).rounded())) µs" }
        if seconds < 1 { return threeFigures(seconds * 1e3) + " ms" }
        return threeFigures(seconds) + " s"
    }

    /// A value in [1, 1000) with three significant figures: 1.23, 12.3, 123.
    static func threeFigures(_ value: Double) -> String {
        if value >= 100 { return String(Int(value.rounded())) }
        let decimals = value >= 10 ? 1 : 2
        let scale = decimals == 1 ? 10 : 100
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(scaled / scale).\(padded)"
    }
}
