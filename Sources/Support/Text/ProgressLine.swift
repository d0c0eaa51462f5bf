/// The text of a progress report, the same at the prompt and in Jupyter:
/// `[=====>    ] 30/100  epoch 3  12.5/s`.
public enum ProgressLine {
    /// The bar, counts, message and rate.
    /// - Parameters:
    ///   - done: steps finished; clamped to `0...total`.
    ///   - total: all steps; a total of 0 or less draws an empty bar.
    ///   - message: the builtin's note (e.g. the current loss).
    ///   - elapsed: seconds since the first report, for the rate; rate is left out below 1 ms.
    ///   - width: cells inside the brackets.
    public static func render(done: Int, total: Int, message: String, elapsed: Double, width: Int) -> String {
        let width = max(1, width)
        let clamped = total > 0 ? min(max(done, 0), total) : 0
        let filled = total > 0 ? clamped * width / total : 0
        var bar = String(repeating: "=", count: filled)
        if filled < width {
            bar += clamped > 0 ? ">" : " "
            bar += String(repeating: " ", count: width - filled - 1)
        }
        var line = "[\(bar)] \(clamped)/\(max(total, 0))"
        if !message.isEmpty { line += "  " + message }
        if elapsed >= 0.001 && clamped > 0 {
            line += "  " + formatRate(Double(clamped) / elapsed) + "/s"
        }
        return line
    }

    /// A rate with three significant figures at most, e.g. `1.25e+04` → "12500", `3.333` → "3.33".
    static func formatRate(_ rate: Double) -> String {
        if rate >= 100 { return String(Int(rate.rounded())) }
        let hundredths = Int((rate * 100).rounded())
        let whole = hundredths / 100, fraction = hundredths % 100
        return "\(whole)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
