import Support

extension PlotSpec {
    /// The one line a notebook records for a plot, e.g.
    /// `<plot: line, 2 series, 200 points, x=[0, 6.283], y=[-1, 1], hash=3f9a01c2>`.
    ///
    /// The hash covers every number rounded to 6 significant digits and every label,
    /// so replay notices a changed plot but not float noise in the last bits.
    public var summary: String {
        var parts = [kind.rawValue]
        switch kind {
        case .line, .scatter:
            parts.append("\(series.count) series")
            parts.append("\(series.reduce(0) { $0 + $1.x.count }) points")
            parts.append("x=" + Self.range(series.flatMap(\.x)))
            parts.append("y=" + Self.range(series.flatMap(\.y)))
        case .hist:
            parts.append("\(bars.count) series")
            parts.append("\(bars.first.map { $0.counts.count } ?? 0) bins")
            parts.append("x=" + Self.range(bars.flatMap(\.edges)))
            parts.append("n=" + Self.short(bars.first.map { $0.counts.reduce(0, +) } ?? 0))
        case .contour, .heatmap:
            let grid = self.grid ?? Grid(xs: [], ys: [], z: [])
            parts.append("\(grid.ys.count)x\(grid.xs.count) grid")
            if kind == .contour { parts.append("\(grid.levels.count) levels") }
            parts.append("x=" + Self.range(grid.xs))
            parts.append("y=" + Self.range(grid.ys))
            parts.append("z=" + Self.range(grid.z))
        }
        parts.append("hash=" + dataHash)
        return "<plot: " + parts.joined(separator: ", ") + ">"
    }

    /// Eight hex digits of a 32-bit FNV-1a hash over the rounded data and labels.
    public var dataHash: String {
        var hash: UInt32 = 0x811C_9DC5
        func mix(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt32(byte)
                hash = hash &* 0x0100_0193
            }
            hash ^= 0x1F  // a separator, so ["ab","c"] and ["a","bc"] differ
            hash = hash &* 0x0100_0193
        }
        func mix(_ values: [Double]) {
            mix("#\(values.count)")
            for value in values { mix(Self.rounded(value)) }
        }
        mix(kind.rawValue)
        for s in series { mix(s.x); mix(s.y); mix(s.label ?? "") }
        for b in bars { mix(b.edges); mix(b.counts); mix(b.label ?? "") }
        if let grid { mix(grid.xs); mix(grid.ys); mix(grid.z); mix(grid.levels) }
        for label in [title, xlabel, ylabel] { mix(label ?? "") }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `%.6g`, with -0 written as 0 so the sign of a zero never changes a hash.
    static func rounded(_ x: Double) -> String {
        let text = printfFormat(x, "%.6g")
        return text == "-0" ? "0" : text
    }

    /// `%.4g`, for the ranges in the summary.
    static func short(_ x: Double) -> String {
        let text = printfFormat(x, "%.4g")
        return text == "-0" ? "0" : text
    }

    /// `[min, max]` of the finite values, `[]` when there are none.
    static func range(_ values: [Double]) -> String {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return "[]" }
        return "[" + short(low) + ", " + short(high) + "]"
    }
}
