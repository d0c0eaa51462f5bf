import Support

/// Draws a `PlotSpec` as a standalone SVG document for reports: a framed plot area
/// with a light grid, ticks at nice numbers, axis labels, a title, a legend for
/// labelled series and a colour bar for contour and heatmap plots.
public enum SVGPlot {
    /// Series colours (matplotlib's tab10, which stays distinct in print).
    static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    static let font = "DejaVu Sans, Helvetica, Arial, sans-serif"

    /// The SVG text of `plot`, `width` × `height` pixels.
    public static func render(_ plot: PlotSpec, width: Int = 640, height: Int = 440) -> String {
        var svg = SVGBuilder(plot: plot, width: Double(width), height: Double(height))
        svg.draw()
        return svg.text
    }
}

/// Accumulates the elements of one SVG document.
struct SVGBuilder {
    let plot: PlotSpec
    let width: Double
    let height: Double
    var parts: [String] = []
    // Plot area in pixels.
    var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0
    var xAxis = AxisScale(low: 0, high: 1)
    var yAxis = AxisScale(low: 0, high: 1)

    init(plot: PlotSpec, width: Double, height: Double) {
        self.plot = plot
        self.width = width
        self.height = height
    }

    var text: String { parts.joined(separator: "\n") + "\n" }

    var hasColourBar: Bool { plot.kind == .heatmap || (plot.kind == .contour && !(plot.grid?.levels.isEmpty ?? true)) }

    mutating func draw() {
        chooseAxes()
        // Room for the widest y tick label (about 7 px a character at 12 px) and the axis label.
        let widest = yAxis.ticks.map { yAxis.label($0).count }.max() ?? 3
        left = max(74, Double(widest) * 7 + (plot.ylabel == nil ? 22 : 44))
        right = width - (hasColourBar ? 96 : 22)
        top = plot.title == nil ? 20 : 46
        bottom = height - (plot.xlabel == nil ? 42 : 62)
        parts.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                     + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(SVGPlot.font)\">")
        parts.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>")
        parts.append("<defs><clipPath id=\"area\"><rect x=\"\(n(left))\" y=\"\(n(top))\" "
                     + "width=\"\(n(right - left))\" height=\"\(n(bottom - top))\"/></clipPath></defs>")
        drawGrid()
        parts.append("<g clip-path=\"url(#area)\">")
        switch plot.kind {
        case .line: drawSeries(markers: false)
        case .scatter: drawSeries(markers: true)
        case .hist: drawBars()
        case .contour: drawContour(); drawSeries(markers: true)
        case .heatmap: drawHeatmap()
        }
        parts.append("</g>")
        drawAxes()
        drawLegend()
        if hasColourBar { drawColourBar() }
        parts.append("</svg>")
    }

    mutating func chooseAxes() {
        switch plot.kind {
        case .line:
            xAxis = AxisScale(values: plot.series.flatMap(\.x))
            yAxis = AxisScale(values: plot.series.flatMap(\.y), padding: 0.05)
        case .scatter:
            xAxis = AxisScale(values: plot.series.flatMap(\.x), padding: 0.05)
            yAxis = AxisScale(values: plot.series.flatMap(\.y), padding: 0.05)
        case .hist:
            xAxis = AxisScale(values: plot.bars.flatMap(\.edges))
            yAxis = AxisScale(values: [0] + plot.bars.flatMap(\.counts).map { $0 * 1.05 })
        case .contour, .heatmap:
            let grid = plot.grid ?? PlotSpec.Grid(xs: [], ys: [], z: [])
            xAxis = AxisScale(values: grid.xs)
            yAxis = AxisScale(values: grid.ys)
        }
    }

    func px(_ x: Double) -> Double { left + xAxis.fraction(x) * (right - left) }
    func py(_ y: Double) -> Double {
        let f = yAxis.fraction(y)
        return (plot.grid?.isMatrix ?? false) ? top + f * (bottom - top) : bottom - f * (bottom - top)
    }

    mutating func drawGrid() {
        var path = ""
        for t in xAxis.ticks { path += "M\(n(px(t))) \(n(top))V\(n(bottom))" }
        for t in yAxis.ticks { path += "M\(n(left)) \(n(py(t)))H\(n(right))" }
        if plot.kind != .heatmap {
            parts.append("<path d=\"\(path)\" stroke=\"#e6e6e6\" stroke-width=\"1\" fill=\"none\"/>")
        }
    }

    mutating func drawSeries(markers: Bool) {
        for (k, series) in plot.series.enumerated() {
            let colour = SVGPlot.palette[k % SVGPlot.palette.count]
            let count = min(series.x.count, series.y.count)
            if markers && plot.kind == .contour && count > 1 {
                var d = ""
                for i in 0..<count where series.x[i].isFinite && series.y[i].isFinite {
                    d += (d.isEmpty ? "M" : "L") + "\(n(px(series.x[i]))) \(n(py(series.y[i])))"
                }
                parts.append("<path d=\"\(d)\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.2\" stroke-opacity=\"0.8\"/>")
            }
            if markers {
                var dots: [String] = []
                for i in 0..<count where series.x[i].isFinite && series.y[i].isFinite {
                    dots.append("<circle cx=\"\(n(px(series.x[i])))\" cy=\"\(n(py(series.y[i])))\" r=\"3.5\"/>")
                }
                let stroke = plot.kind == .contour ? " stroke=\"white\" stroke-width=\"1\"" : " fill-opacity=\"0.8\""
                parts.append("<g fill=\"\(plot.kind == .contour ? "#d62728" : colour)\"\(stroke)>" + dots.joined() + "</g>")
            } else {
                // A non-finite value breaks the line instead of drawing to infinity.
                var d = ""
                var pen = false
                for i in 0..<count {
                    guard series.x[i].isFinite, series.y[i].isFinite else { pen = false; continue }
                    d += (pen ? "L" : "M") + "\(n(px(series.x[i]))) \(n(py(series.y[i])))"
                    pen = true
                }
                parts.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" "
                             + "stroke-linejoin=\"round\" stroke-linecap=\"round\"/>")
            }
        }
    }

    mutating func drawBars() {
        for (k, bars) in plot.bars.enumerated() {
            let colour = SVGPlot.palette[k % SVGPlot.palette.count]
            var rects: [String] = []
            for i in 0..<min(bars.counts.count, bars.edges.count - 1) where bars.counts[i] > 0 {
                let x0 = px(bars.edges[i]), x1 = px(bars.edges[i + 1]), y = py(bars.counts[i])
                rects.append("<rect x=\"\(n(x0))\" y=\"\(n(y))\" width=\"\(n(max(x1 - x0, 0)))\" height=\"\(n(max(bottom - y, 0)))\"/>")
            }
            parts.append("<g fill=\"\(colour)\" fill-opacity=\"\(plot.bars.count > 1 ? "0.6" : "0.85")\" "
                         + "stroke=\"white\" stroke-width=\"0.8\">" + rects.joined() + "</g>")
        }
    }

    var zRange: (Double, Double) {
        let values = (plot.grid?.z ?? []).filter(\.isFinite)
        let low = values.min() ?? 0, high = values.max() ?? 1
        return high > low ? (low, high) : (low - 0.5, low + 0.5)
    }

    mutating func drawContour() {
        guard let grid = plot.grid else { return }
        let levels = grid.levels
        for (k, level) in levels.enumerated() {
            let colour = levelColour(k)
            var d = ""
            for s in ContourLines.segments(grid, level: level) {
                d += "M\(n(px(s.x0))) \(n(py(s.y0)))L\(n(px(s.x1))) \(n(py(s.y1)))"
            }
            if !d.isEmpty {
                parts.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-linecap=\"round\"/>")
            }
        }
    }

    /// Contour colours are spread evenly by level index: levels are often geometric,
    /// and spreading by value would paint most lines the same dark blue.
    func levelColour(_ k: Int) -> String {
        let count = plot.grid?.levels.count ?? 1
        return Viridis.hex(count > 1 ? Double(k) / Double(count - 1) * 0.9 : 0.45)
    }

    mutating func drawHeatmap() {
        guard let grid = plot.grid, grid.z.count == grid.xs.count * grid.ys.count else { return }
        let (low, high) = zRange
        let nx = grid.xs.count, ny = grid.ys.count
        // Cell edges halfway between sample points, so each sample sits at its cell's centre.
        func edges(_ c: [Double]) -> [Double] {
            guard c.count > 1 else { return c.isEmpty ? [] : [c[0] - 0.5, c[0] + 0.5] }
            var e = [c[0] - (c[1] - c[0]) / 2]
            for i in 0..<(c.count - 1) { e.append((c[i] + c[i + 1]) / 2) }
            e.append(c[c.count - 1] + (c[c.count - 1] - c[c.count - 2]) / 2)
            return e
        }
        let xe = edges(grid.xs), ye = edges(grid.ys)
        xAxis = AxisScale(low: xe.first ?? 0, high: xe.last ?? 1)
        yAxis = AxisScale(low: ye.first ?? 0, high: ye.last ?? 1)
        if grid.isMatrix {
            // Rows and columns are indices: tick whole numbers only.
            func indexTicks(_ n: Int) -> [Double] {
                let step = max(1, (n + 9) / 10)
                return stride(from: 0, to: n, by: step).map(Double.init)
            }
            xAxis.ticks = indexTicks(nx)
            xAxis.step = 1
            yAxis.ticks = indexTicks(ny)
            yAxis.step = 1
        }
        var cells: [String] = []
        for i in 0..<ny {
            for j in 0..<nx {
                let z = grid.z[i * nx + j]
                let colour = z.isFinite ? Viridis.hex((z - low) / (high - low)) : "#ffffff"
                let x0 = px(xe[j]), x1 = px(xe[j + 1])
                let y0 = min(py(ye[i + 1]), py(ye[i])), y1 = max(py(ye[i + 1]), py(ye[i]))
                // Half a pixel of overlap hides hairline seams between cells.
                cells.append("<rect x=\"\(n(x0))\" y=\"\(n(y0))\" width=\"\(n(x1 - x0 + 0.5))\" "
                             + "height=\"\(n(y1 - y0 + 0.5))\" fill=\"\(colour)\"/>")
            }
        }
        parts.append("<g shape-rendering=\"crispEdges\">" + cells.joined(separator: "\n") + "</g>")
    }

    mutating func drawAxes() {
        parts.append("<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(right - left))\" height=\"\(n(bottom - top))\" "
                     + "fill=\"none\" stroke=\"#333333\" stroke-width=\"1\"/>")
        var ticks = ""
        var labels: [String] = []
        for t in xAxis.ticks {
            ticks += "M\(n(px(t))) \(n(bottom))v5"
            labels.append("<text x=\"\(n(px(t)))\" y=\"\(n(bottom + 19))\" text-anchor=\"middle\">\(xAxis.label(t, minus: "\u{2212}"))</text>")
        }
        for t in yAxis.ticks {
            ticks += "M\(n(left)) \(n(py(t)))h-5"
            labels.append("<text x=\"\(n(left - 8))\" y=\"\(n(py(t) + 4))\" text-anchor=\"end\">\(yAxis.label(t, minus: "\u{2212}"))</text>")
        }
        parts.append("<path d=\"\(ticks)\" stroke=\"#333333\" stroke-width=\"1\"/>")
        parts.append("<g font-size=\"12\" fill=\"#333333\">" + labels.joined() + "</g>")
        if let xlabel = plot.xlabel {
            parts.append("<text x=\"\(n((left + right) / 2))\" y=\"\(n(height - 18))\" text-anchor=\"middle\" "
                         + "font-size=\"14\" fill=\"#222222\">\(escapeXML(xlabel))</text>")
        }
        if let ylabel = plot.ylabel {
            let cy = (top + bottom) / 2
            let x = left - Double(yAxis.ticks.map { yAxis.label($0).count }.max() ?? 3) * 7 - 26
            parts.append("<text x=\"\(n(x))\" y=\"\(n(cy))\" text-anchor=\"middle\" font-size=\"14\" fill=\"#222222\" "
                         + "transform=\"rotate(-90 \(n(x)) \(n(cy)))\">\(escapeXML(ylabel))</text>")
        }
        if let title = plot.title {
            parts.append("<text x=\"\(n((left + right) / 2))\" y=\"30\" text-anchor=\"middle\" font-size=\"16\" "
                         + "font-weight=\"bold\" fill=\"#222222\">\(escapeXML(title))</text>")
        }
    }

    mutating func drawLegend() {
        var entries: [(String, String, Bool)] = []  // label, colour, is a bar
        for (k, s) in plot.series.enumerated() {
            if let label = s.label { entries.append((label, plot.kind == .contour ? "#d62728" : SVGPlot.palette[k % 10], false)) }
        }
        for (k, b) in plot.bars.enumerated() {
            if let label = b.label { entries.append((label, SVGPlot.palette[k % 10], true)) }
        }
        guard !entries.isEmpty else { return }
        let longest = entries.map { $0.0.count }.max() ?? 0
        let boxWidth = 44 + 7.2 * Double(longest)
        let boxHeight = 10 + 20 * Double(entries.count)
        let (x, y) = legendCorner(width: boxWidth, height: boxHeight)
        var items = ["<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(boxWidth))\" height=\"\(n(boxHeight))\" "
                     + "rx=\"3\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#cccccc\"/>"]
        for (i, (label, colour, isBar)) in entries.enumerated() {
            let cy = y + 15 + 20 * Double(i)
            if isBar {
                items.append("<rect x=\"\(n(x + 8))\" y=\"\(n(cy - 5))\" width=\"22\" height=\"10\" fill=\"\(colour)\"/>")
            } else if plot.kind == .line {
                items.append("<path d=\"M\(n(x + 8)) \(n(cy))h22\" stroke=\"\(colour)\" stroke-width=\"2\"/>")
            } else {
                items.append("<circle cx=\"\(n(x + 19))\" cy=\"\(n(cy))\" r=\"4\" fill=\"\(colour)\"/>")
            }
            items.append("<text x=\"\(n(x + 36))\" y=\"\(n(cy + 4))\" font-size=\"12\" fill=\"#222222\">\(escapeXML(label))</text>")
        }
        parts.append("<g>" + items.joined() + "</g>")
    }

    /// The inside corner whose legend box would cover the fewest data points
    /// (top right on a tie, as matplotlib's "best" prefers).
    func legendCorner(width: Double, height: Double) -> (Double, Double) {
        let corners = [(right - width - 10, top + 10), (left + 10, top + 10),
                       (right - width - 10, bottom - height - 10), (left + 10, bottom - height - 10)]
        var points: [(Double, Double)] = []
        for s in plot.series { for i in 0..<min(s.x.count, s.y.count) { points.append((px(s.x[i]), py(s.y[i]))) } }
        for b in plot.bars {
            for i in 0..<min(b.counts.count, b.edges.count - 1) {
                // A bar covers everything below its top.
                let x0 = px(b.edges[i]), x1 = px(b.edges[i + 1]), y = py(b.counts[i])
                for k in 0...4 { for h in stride(from: y, through: bottom, by: 8) { points.append((x0 + (x1 - x0) * Double(k) / 4, h)) } }
            }
        }
        var best = corners[0], fewest = Int.max
        for corner in corners {
            let covered = points.filter { $0.0 >= corner.0 - 4 && $0.0 <= corner.0 + width + 4
                && $0.1 >= corner.1 - 4 && $0.1 <= corner.1 + height + 4 }.count
            if covered < fewest { fewest = covered; best = corner }
        }
        return best
    }

    mutating func drawColourBar() {
        if plot.kind == .contour { return drawLevelKey() }
        let (low, high) = zRange
        let x = right + 18, w = 14.0
        var stops: [String] = []
        for k in 0...8 {
            let t = Double(k) / 8
            stops.append("<stop offset=\"\(n(t))\" stop-color=\"\(Viridis.hex(1 - t))\"/>")
        }
        parts.append("<defs><linearGradient id=\"bar\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">" + stops.joined()
                     + "</linearGradient></defs>")
        parts.append("<rect x=\"\(n(x))\" y=\"\(n(top))\" width=\"\(n(w))\" height=\"\(n(bottom - top))\" "
                     + "fill=\"url(#bar)\" stroke=\"#333333\" stroke-width=\"0.8\"/>")
        let scale = AxisScale(low: low, high: high, targetTicks: 5)
        var labels: [String] = []
        for t in scale.ticks {
            let y = bottom - scale.fraction(t) * (bottom - top)
            labels.append("<path d=\"M\(n(x + w)) \(n(y))h4\" stroke=\"#333333\"/>")
            labels.append("<text x=\"\(n(x + w + 7))\" y=\"\(n(y + 4))\">\(scale.label(t, minus: "\u{2212}"))</text>")
        }
        parts.append("<g font-size=\"11\" fill=\"#333333\">" + labels.joined() + "</g>")
    }

    /// One swatch per contour level, labelled with its value, top level on top.
    mutating func drawLevelKey() {
        let levels = plot.grid?.levels ?? []
        let x = right + 18
        let rowHeight = min(22, (bottom - top) / Double(max(levels.count, 1)))
        var items: [String] = []
        for (k, level) in levels.enumerated() {
            let y = top + Double(levels.count - 1 - k) * rowHeight
            items.append("<path d=\"M\(n(x)) \(n(y + rowHeight / 2))h18\" stroke=\"\(levelColour(k))\" stroke-width=\"3\"/>")
            items.append("<text x=\"\(n(x + 24))\" y=\"\(n(y + rowHeight / 2 + 4))\">"
                         + printfFormat(level, "%.3g").replacingMinus() + "</text>")
        }
        parts.append("<g font-size=\"11\" fill=\"#333333\">" + items.joined() + "</g>")
    }

    /// A pixel coordinate with at most two decimals (keeps files small and diffs stable).
    func n(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        // Points far outside the axes (a path leaving a contour's grid) are clipped
        // anyway; clamping keeps the conversion to Int in range.
        let hundredths = Int((min(max(v, -1e9), 1e9) * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let m = abs(hundredths)
        let frac = m % 100
        if frac == 0 { return sign + String(m / 100) }
        return sign + String(m / 100) + "." + (frac % 10 == 0 ? String(frac / 10) : (frac < 10 ? "0" : "") + String(frac))
    }
}

extension String {
    /// The text with a leading hyphen-minus set as a typographic minus sign.
    func replacingMinus() -> String { hasPrefix("-") ? "\u{2212}" + dropFirst() : self }
}
