import Support

/// Draws a `PlotSpec` in the terminal with Unicode braille (2 × 4 dots per character),
/// with the y range on the left, the x range below and a legend line.
public enum TerminalPlot {
    /// ANSI colours for series when `color` is on.
    static let colours = ["\u{1B}[34m", "\u{1B}[33m", "\u{1B}[32m", "\u{1B}[31m", "\u{1B}[35m", "\u{1B}[36m"]
    static let reset = "\u{1B}[0m"

    /// The plot as lines of text `width` characters of canvas by `height` rows
    /// (plus axis labels); `color` adds ANSI colours per series.
    public static func render(_ plot: PlotSpec, width: Int = 60, height: Int = 15, color: Bool = false) -> String {
        let cols = max(width, 8), rows = max(height, 3)
        var canvas = BrailleCanvas(cols: cols, rows: rows)
        var xAxis = AxisScale(low: 0, high: 1), yAxis = AxisScale(low: 0, high: 1)
        var legend: [(String, Int)] = []
        func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
            guard x.isFinite, y.isFinite else { return nil }
            let fx = xAxis.fraction(x), fy = yAxis.fraction(y)
            guard fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
            return (Int((fx * Double(cols * 2 - 1)).rounded()), Int(((1 - fy) * Double(rows * 4 - 1)).rounded()))
        }
        switch plot.kind {
        case .line, .scatter:
            xAxis = AxisScale(values: plot.series.flatMap(\.x))
            yAxis = AxisScale(values: plot.series.flatMap(\.y))
            for (k, s) in plot.series.enumerated() {
                var previous: (Int, Int)? = nil
                for i in 0..<min(s.x.count, s.y.count) {
                    let p = dot(s.x[i], s.y[i])
                    if let p {
                        if plot.kind == .line, let q = previous { canvas.line(q, p, colour: k) } else { canvas.set(p.0, p.1, colour: k) }
                    }
                    previous = p
                }
                if let label = s.label { legend.append((label, k)) }
            }
        case .hist:
            xAxis = AxisScale(values: plot.bars.flatMap(\.edges))
            yAxis = AxisScale(values: [0] + plot.bars.flatMap(\.counts))
            for (k, b) in plot.bars.enumerated() {
                for i in 0..<min(b.counts.count, max(b.edges.count - 1, 0)) where b.counts[i] > 0 {
                    guard let a = dot(b.edges[i], b.counts[i]), let c = dot(b.edges[i + 1], 0) else { continue }
                    // Leave one dot column between bars so they read as bars.
                    for x in a.0..<max(c.0, a.0 + 1) { canvas.line((x, a.1), (x, c.1), colour: k) }
                }
                if let label = b.label { legend.append((label, k)) }
            }
        case .contour:
            guard let grid = plot.grid else { break }
            xAxis = AxisScale(values: grid.xs)
            yAxis = AxisScale(values: grid.ys)
            for (k, level) in grid.levels.enumerated() {
                for s in ContourLines.segments(grid, level: level) {
                    if let p = dot(s.x0, s.y0), let q = dot(s.x1, s.y1) { canvas.line(p, q, colour: k) }
                }
            }
            for (k, s) in plot.series.enumerated() {
                for i in 0..<min(s.x.count, s.y.count) { if let p = dot(s.x[i], s.y[i]) { canvas.set(p.0, p.1, colour: k) } }
            }
        case .heatmap:
            guard let grid = plot.grid, grid.z.count == grid.xs.count * grid.ys.count, !grid.z.isEmpty else { break }
            xAxis = AxisScale(values: grid.xs)
            yAxis = AxisScale(values: grid.ys)
            canvas.shade(grid)
        }
        return layout(canvas, xAxis: xAxis, yAxis: yAxis, plot: plot, legend: legend, color: color)
    }

    static func layout(_ canvas: BrailleCanvas, xAxis: AxisScale, yAxis: AxisScale, plot: PlotSpec,
                       legend: [(String, Int)], color: Bool) -> String {
        let top = printfFormat(yAxis.high, "%.4g"), bottom = printfFormat(yAxis.low, "%.4g")
        let margin = max(top.count, bottom.count)
        func pad(_ s: String) -> String { String(repeating: " ", count: margin - s.count) + s }
        var lines: [String] = []
        if let title = plot.title { lines.append(String(repeating: " ", count: margin + 1) + title) }
        for r in 0..<canvas.rows {
            let label = r == 0 ? pad(top) : r == canvas.rows - 1 ? pad(bottom) : String(repeating: " ", count: margin)
            lines.append(label + (r == 0 || r == canvas.rows - 1 ? "┤" : "│") + canvas.row(r, color: color))
        }
        lines.append(String(repeating: " ", count: margin) + "└" + String(repeating: "─", count: canvas.cols))
        let low = printfFormat(xAxis.low, "%.4g"), high = printfFormat(xAxis.high, "%.4g")
        let gap = max(canvas.cols - low.count - high.count, 1)
        var axisLine = String(repeating: " ", count: margin + 1) + low + String(repeating: " ", count: gap) + high
        if let xlabel = plot.xlabel { axisLine += "  " + xlabel }
        lines.append(axisLine)
        if let ylabel = plot.ylabel { lines.insert(String(repeating: " ", count: margin + 1) + ylabel, at: plot.title == nil ? 0 : 1) }
        if !legend.isEmpty {
            lines.append(String(repeating: " ", count: margin + 1) + legend.map { label, k in
                color ? colours[k % colours.count] + "⣿" + reset + " " + label : "⣿ " + label
            }.joined(separator: "   "))
        }
        return lines.joined(separator: "\n")
    }
}

/// A grid of braille characters addressed by dot: `cols * 2` dots across, `rows * 4` down.
struct BrailleCanvas {
    let cols: Int
    let rows: Int
    private var bits: [UInt8]
    private var colour: [Int]
    private var shades: [Character?]

    init(cols: Int, rows: Int) {
        self.cols = cols
        self.rows = rows
        bits = [UInt8](repeating: 0, count: cols * rows)
        colour = [Int](repeating: -1, count: cols * rows)
        shades = [Character?](repeating: nil, count: cols * rows)
    }

    /// Braille dot numbering: column 0 holds dots 1,2,3,7; column 1 holds 4,5,6,8.
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    mutating func set(_ x: Int, _ y: Int, colour c: Int) {
        guard x >= 0, y >= 0, x < cols * 2, y < rows * 4 else { return }
        let cell = (y / 4) * cols + x / 2
        bits[cell] |= Self.dotBits[x % 2][y % 4]
        colour[cell] = c
    }

    /// A straight run of dots from `p` to `q` (Bresenham).
    mutating func line(_ p: (Int, Int), _ q: (Int, Int), colour c: Int) {
        var (x, y) = p
        let dx = abs(q.0 - x), dy = -abs(q.1 - y)
        let sx = x < q.0 ? 1 : -1, sy = y < q.1 ? 1 : -1
        var err = dx + dy
        while true {
            set(x, y, colour: c)
            if x == q.0 && y == q.1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// Fills each character cell with a shade for the nearest grid value.
    mutating func shade(_ grid: PlotSpec.Grid) {
        let finite = grid.z.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        let ramp: [Character] = [" ", "░", "▒", "▓", "█"]
        let nx = grid.xs.count, ny = grid.ys.count
        for r in 0..<rows {
            for c in 0..<cols {
                let j = min(nx - 1, c * nx / cols)
                var i = min(ny - 1, (rows - 1 - r) * ny / rows)
                if grid.isMatrix { i = ny - 1 - i }
                let z = grid.z[i * nx + j]
                var t = high > low && z.isFinite ? (z - low) / (high - low) : 0.5
                if !t.isFinite { t = 0.5 }  // a span too wide for a Double
                shades[r * cols + c] = ramp[min(ramp.count - 1, Int(t * Double(ramp.count - 1) + 0.5))]
            }
        }
    }

    func row(_ r: Int, color: Bool) -> String {
        var out = ""
        for c in 0..<cols {
            let cell = r * cols + c
            if let shade = shades[cell] { out.append(shade); continue }
            let glyph = Character(Unicode.Scalar(0x2800 + UInt32(bits[cell])) ?? " ")  // safe: 0x2800...0x28FF are scalars
            if color && colour[cell] >= 0 {
                out += TerminalPlot.colours[colour[cell] % TerminalPlot.colours.count] + String(glyph) + TerminalPlot.reset
            } else {
                out.append(glyph)
            }
        }
        return out
    }
}
