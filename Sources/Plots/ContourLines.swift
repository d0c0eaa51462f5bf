/// Level curves of a grid by marching squares, as line segments in data coordinates.
enum ContourLines {
    /// A segment from `(x0, y0)` to `(x1, y1)`.
    struct Segment { var x0, y0, x1, y1: Double }

    /// The segments where the grid's values cross `level`. A saddle cell is split
    /// the way the average of its corners says, so curves never cross each other.
    static func segments(_ grid: PlotSpec.Grid, level: Double) -> [Segment] {
        let nx = grid.xs.count, ny = grid.ys.count
        guard nx >= 2, ny >= 2, grid.z.count == nx * ny else { return [] }
        var result: [Segment] = []
        for i in 0..<(ny - 1) {
            for j in 0..<(nx - 1) {
                // Corners counter-clockwise from bottom-left: a(j,i) b(j+1,i) c(j+1,i+1) d(j,i+1).
                let za = grid.z[i * nx + j], zb = grid.z[i * nx + j + 1]
                let zc = grid.z[(i + 1) * nx + j + 1], zd = grid.z[(i + 1) * nx + j]
                guard za.isFinite, zb.isFinite, zc.isFinite, zd.isFinite else { continue }
                let x0 = grid.xs[j], x1 = grid.xs[j + 1], y0 = grid.ys[i], y1 = grid.ys[i + 1]
                func cut(_ p: Double, _ q: Double) -> Double { p == q ? 0.5 : (level - p) / (q - p) }
                // Crossing points on each edge: bottom, right, top, left.
                let bottom = (x0 + cut(za, zb) * (x1 - x0), y0)
                let right = (x1, y0 + cut(zb, zc) * (y1 - y0))
                let top = (x0 + cut(zd, zc) * (x1 - x0), y1)
                let left = (x0, y0 + cut(za, zd) * (y1 - y0))
                let code = (za > level ? 1 : 0) | (zb > level ? 2 : 0) | (zc > level ? 4 : 0) | (zd > level ? 8 : 0)
                var pairs: [((Double, Double), (Double, Double))] = []
                switch code {
                case 1, 14: pairs = [(left, bottom)]
                case 2, 13: pairs = [(bottom, right)]
                case 3, 12: pairs = [(left, right)]
                case 4, 11: pairs = [(right, top)]
                case 6, 9: pairs = [(bottom, top)]
                case 7, 8: pairs = [(left, top)]
                case 5, 10:
                    let centreHigh = (za + zb + zc + zd) / 4 > level
                    // Code 5: a and c high. If the centre is high they join, cutting off b and d.
                    if (code == 5) == centreHigh {
                        pairs = [(left, top), (bottom, right)]
                    } else {
                        pairs = [(left, bottom), (right, top)]
                    }
                default: break
                }
                for (p, q) in pairs { result.append(Segment(x0: p.0, y0: p.1, x1: q.0, y1: q.1)) }
            }
        }
        return result
    }
}

/// The viridis colour map, sampled at nine points and interpolated linearly.
enum Viridis {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (72, 40, 120), (62, 73, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (109, 205, 89), (180, 222, 44), (253, 231, 37),
    ]

    /// The colour at `t` in 0...1 as `#rrggbb`.
    static func hex(_ t: Double) -> String {
        let (r, g, b) = rgb(t)
        func two(_ v: Int) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return "#" + two(r) + two(g) + two(b)
    }

    /// The colour at `t` in 0...1 as 0...255 components.
    static func rgb(_ t: Double) -> (Int, Int, Int) {
        let clamped = t.isFinite ? min(max(t, 0), 1) : 0
        let position = clamped * Double(stops.count - 1)
        let k = min(Int(position), stops.count - 2)
        let f = position - Double(k)
        let a = stops[k], b = stops[k + 1]
        func mix(_ p: Double, _ q: Double) -> Int { Int((p + (q - p) * f).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
