#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// One axis of a plot: its data interval and ticks at "nice" numbers (1, 2, 2.5 or 5 times a power of ten).
struct AxisScale {
    /// Lower end of the axis.
    var low: Double
    /// Upper end of the axis.
    var high: Double
    /// Tick positions, inside `low...high`.
    var ticks: [Double]
    /// Distance between ticks.
    var step: Double

    /// An axis over the finite values' range, widened by `padding` (a fraction of the span)
    /// on each side; a single value gets a unit-wide axis around it.
    init(values: [Double], padding: Double = 0, targetTicks: Int = 6) {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = Swift.min(low, v)
            high = Swift.max(high, v)
        }
        if low > high { low = 0; high = 1 }
        if high - low <= 1e-12 * Swift.max(abs(low), abs(high), 1e-300) {
            let half = low == 0 ? 1 : abs(low) * 0.1
            low -= half
            high += half
        }
        let span = high - low
        self.init(low: low - padding * span, high: high + padding * span, targetTicks: targetTicks)
    }

    /// An axis over `low...high` exactly.
    init(low: Double, high: Double, targetTicks: Int = 6) {
        self.low = low
        self.high = high
        let rough = (high - low) / Double(Swift.max(targetTicks - 1, 1))
        let magnitude = pow(10, floor(log10(rough)))
        let residual = rough / magnitude
        let factor: Double = residual < 1.5 ? 1 : residual < 2.25 ? 2 : residual < 3.5 ? 2.5 : residual < 7.5 ? 5 : 10
        step = factor * magnitude
        var ticks: [Double] = []
        var k = ceil(low / step - 1e-9)
        while k * step <= high + 1e-9 * step && ticks.count < 50 {
            let t = k * step
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            k += 1
        }
        self.ticks = ticks
    }

    /// Where `value` falls, 0 at `low` and 1 at `high`.
    func fraction(_ value: Double) -> Double { (value - low) / (high - low) }

    /// A tick label: as many decimals as the step needs, or `%.3g` for huge or tiny scales.
    func label(_ value: Double, minus: String = "-") -> String {
        let magnitude = Swift.max(abs(low), abs(high))
        var text: String
        if magnitude >= 1e6 || (step < 1e-4 && magnitude < 1e-3) {
            text = printfFormat(value, "%.3g")
        } else {
            var decimals = 0
            while decimals < 10 {
                let scaled = step * pow(10, Double(decimals))
                if abs(scaled - scaled.rounded()) < 1e-6 * scaled { break }
                decimals += 1
            }
            text = printfFormat(value, "%.\(decimals)f")
        }
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy({ $0 == "0" || $0 == "." }) ? String(digits) : minus + digits
        }
        return text
    }
}
