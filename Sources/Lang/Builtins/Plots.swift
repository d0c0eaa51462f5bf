import Plots
import Tensor

// Plots: plot scatter hist contour heatmap
//
// Each call builds a `PlotSpec` and sends it to the front end as `.plot`, then
// returns nothing: the REPL draws it in braille, a notebook records its summary
// line, export writes an SVG. Every call shows its plot, with or without `;`.

extension BuiltinGroup {
    /// The plot builtins: plot scatter hist contour heatmap.
    static let plots = PlotBuiltins.group
}

/// The plot builtins' bodies and the conversions they share.
enum PlotBuiltins {
    /// Options every plot takes, after its data parameters.
    static let labelled: [Parameter] = [
        Parameter("title", default: .nothing), Parameter("xlabel", default: .nothing),
        Parameter("ylabel", default: .nothing),
    ]

    /// The group the registry lists.
    static let group = BuiltinGroup(topic: "Plots", builtins: [
        Builtin("plot", [Parameter("x"), Parameter("y", default: .nothing), Parameter("upper", default: .nothing),
                         Parameter("label", default: .nothing), Parameter("n", default: .number(200))] + labelled,
                doc: "Line plot: plot(y), plot(x, y), plot(x, [y1, y2]) or plot(f, a, b); label= a string or a list of strings.",
                example: "plot(linspace(0, 6.28, 50), sin(linspace(0, 6.28, 50)), label=\"sin\")") { args, context in
            try show(lineSpec(args, context, kind: .line), args, first: 5, context)
        },
        Builtin("scatter", [Parameter("x"), Parameter("y"), Parameter("label", default: .nothing)] + labelled,
                doc: "Scatter plot of points (x[i], y[i]); y may be a list of series.",
                example: "scatter([1, 2, 3], [2, 1, 3])") { args, context in
            let xs = try numbers(args[0], args, 0)
            let ys = try seriesList(args[1], args, 1, count: xs.count)
            let labels = try labelList(args[2], args, 2, count: ys.count)
            var series: [PlotSpec.Series] = []
            for (k, y) in ys.enumerated() {
                guard y.count == xs.count else { throw args.error(1, "scatter() needs as many y values as x values (\(xs.count)), got \(y.count)", kind: .value) }
                series.append(.init(x: xs, y: y, label: labels[k]))
            }
            return try show(PlotSpec(kind: .scatter, series: series), args, first: 3, context)
        },
        Builtin("hist", [Parameter("x"), Parameter("bins", default: .number(10)), Parameter("label", default: .nothing)] + labelled,
                doc: "Histogram of the values in x with `bins` equal bins from min to max (the last bin includes max), as numpy.histogram.",
                example: "hist(randn(1000), bins=20)") { args, context in
            let xs = try numbers(args[0], args, 0).filter(\.isFinite)
            let bins = try args.int(1)
            guard bins >= 1 && bins <= 10_000 else { throw args.error(1, "hist() needs bins between 1 and 10000, got \(bins)", kind: .value) }
            guard var low = xs.min(), var high = xs.max() else { throw args.error(0, "hist() needs at least one finite value", kind: .value) }
            if low == high { low -= 0.5; high += 0.5 }
            let edges = (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
            var counts = [Double](repeating: 0, count: bins)
            for x in xs {
                let t = (x - low) / (high - low) * Double(bins)
                // A range wider than the largest Double makes t NaN: place by the ends.
                counts[t.isFinite ? min(bins - 1, max(0, Int(t))) : (x >= high ? bins - 1 : 0)] += 1
            }
            let label = args.has(2) ? try args.string(2) : nil
            return try show(PlotSpec(kind: .hist, bars: [.init(edges: edges, counts: counts, label: label)]), args, first: 3, context)
        },
        Builtin("contour", [Parameter("f"), Parameter("xrange"), Parameter("yrange"), Parameter("levels", default: .number(10)),
                            Parameter("n", default: .number(60)), Parameter("points", default: .nothing)] + labelled,
                doc: "Contour lines of f(x, y) (or f(w) with w = [x, y]) over xrange × yrange on an n × n grid; levels a count or a list; points= marks points (an N×2 tensor).",
                example: "contour((x, y) -> x^2 + 2*y^2, [-2, 2], [-2, 2], levels=8)") { args, context in
            var grid = try sampleGrid(args, context, function: 0, xrange: 1, yrange: 2, n: 4)
            grid.levels = try levels(args, 3, z: grid.z)
            var series: [PlotSpec.Series] = []
            if args.has(5) {
                let p = try tensor(args[5], args, 5)
                guard p.rank == 2, p.shape[1] == 2 else { throw args.error(5, "contour() needs points as an N×2 tensor, got shape \(p.shape)", kind: .value) }
                let v = p.scalars
                series.append(.init(x: stride(from: 0, to: v.count, by: 2).map { v[$0] },
                                    y: stride(from: 1, to: v.count, by: 2).map { v[$0] }))
            }
            return try show(PlotSpec(kind: .contour, series: series, grid: grid), args, first: 6, context)
        },
        Builtin("heatmap", [Parameter("z"), Parameter("xrange", default: .nothing), Parameter("yrange", default: .nothing),
                            Parameter("n", default: .number(40))] + labelled,
                doc: "Colour map of a matrix (row 0 on top) or of f(x, y) over xrange × yrange on an n × n grid.",
                example: "heatmap([[1, 2], [3, 4]])") { args, context in
            if let t = args[0].asTensor {
                guard t.rank == 2 else { throw args.error(0, "heatmap() needs a 2-D tensor or a function, got shape \(t.shape)", kind: .value) }
                let grid = PlotSpec.Grid(xs: (0..<t.shape[1]).map(Double.init), ys: (0..<t.shape[0]).map(Double.init),
                                         z: t.scalars, isMatrix: true)
                return try show(PlotSpec(kind: .heatmap, grid: grid, xlabel: "column", ylabel: "row"), args, first: 4, context)
            }
            guard args.has(1), args.has(2) else { throw args.error(0, "heatmap(f, xrange, yrange) needs both ranges for a function", kind: .value) }
            let grid = try sampleGrid(args, context, function: 0, xrange: 1, yrange: 2, n: 3)
            return try show(PlotSpec(kind: .heatmap, grid: grid), args, first: 4, context)
        },
    ])

    /// Adds title and axis labels from parameters `first...first+2`, emits the plot, returns nothing.
    static func show(_ spec: PlotSpec, _ args: Arguments, first: Int, _ context: CallContext) throws -> Value {
        var spec = spec
        if args.has(first) { spec.title = try args.string(first) }
        if args.has(first + 1) { spec.xlabel = try args.string(first + 1) }
        if args.has(first + 2) { spec.ylabel = try args.string(first + 2) }
        context.emit(.plot(spec))
        return .nothing
    }

    /// `plot`'s forms: a function over [a, b], y alone, x with y, several series.
    static func lineSpec(_ args: Arguments, _ context: CallContext, kind: PlotSpec.Kind) throws -> PlotSpec {
        if isCallable(args[0]) {
            guard args.has(1), args.has(2) else { throw args.error(0, "plot(f, a, b) needs the interval's ends a and b", kind: .value) }
            let a = try args.number(1), b = try args.number(2)
            let n = try args.int(4)
            guard n >= 2 && n <= 100_000 else { throw args.error(4, "plot() needs n between 2 and 100000, got \(n)", kind: .value) }
            guard a.isFinite, b.isFinite, a < b else { throw args.error(1, "plot(f, a, b) needs finite a < b", kind: .value) }
            let xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
            var ys: [Double] = []
            ys.reserveCapacity(n)
            for x in xs {
                try context.checkInterrupt()
                ys.append(try scalar(context.call(args[0], [.number(x)]), args, 0))
            }
            let label = try labelList(args[3], args, 3, count: 1)[0]
            return PlotSpec(kind: kind, series: [.init(x: xs, y: ys, label: label)])
        }
        let ys: [[Double]]
        let xs: [Double]?
        if args.has(1) {
            let x = try numbers(args[0], args, 0)
            xs = x
            ys = try seriesList(args[1], args, 1, count: x.count)
        } else {
            xs = nil
            ys = try seriesList(args[0], args, 0)
        }
        let labels = try labelList(args[3], args, 3, count: ys.count)
        var series: [PlotSpec.Series] = []
        for (k, y) in ys.enumerated() {
            let x = xs ?? (0..<y.count).map(Double.init)
            guard x.count == y.count else {
                throw args.error(1, "plot() needs as many y values as x values (\(x.count)), got \(y.count)", kind: .value)
            }
            series.append(.init(x: x, y: y, label: labels[k]))
        }
        return PlotSpec(kind: kind, series: series)
    }

    static func isCallable(_ value: Value) -> Bool {
        switch value {
        case .function, .builtin: return true
        case .object(let o): return o.object.callSignature != nil
        default: return false
        }
    }

    static func tensor(_ value: Value, _ args: Arguments, _ i: Int) throws -> Tensor {
        if let t = value.asTensor { return t }
        if case .list(let l) = value {
            return Tensor(try l.items.map { try scalar($0, args, i) })
        }
        throw args.error(i, "expected numbers, got \(value.typeName)")
    }

    static func numbers(_ value: Value, _ args: Arguments, _ i: Int) throws -> [Double] {
        try tensor(value, args, i).scalars
    }

    static func scalar(_ value: Value, _ args: Arguments, _ i: Int) throws -> Double {
        guard let t = value.asTensor, t.count == 1, let x = t.scalars.first else {
            throw args.error(i, "expected a number, got \(value.typeName)")
        }
        return x
    }

    /// One series per list item or per row of a 2-D tensor (`[y1, y2]` builds one), but per
    /// column when the rows line up with `count` x values (matplotlib's `plot(x, Y)`).
    static func seriesList(_ value: Value, _ args: Arguments, _ i: Int, count: Int? = nil) throws -> [[Double]] {
        if case .list(let l) = value, l.items.contains(where: { $0.asTensor.map { $0.rank >= 1 } ?? false || isList($0) }) {
            return try l.items.map { try numbers($0, args, i) }
        }
        let t = try tensor(value, args, i)
        if t.rank == 2 {
            let rows = t.shape[0], cols = t.shape[1], v = t.scalars
            if let count, rows == count, cols != count {
                return (0..<cols).map { c in (0..<rows).map { v[$0 * cols + c] } }
            }
            return (0..<rows).map { r in Array(v[(r * cols)..<((r + 1) * cols)]) }
        }
        return [t.scalars]
    }

    static func isList(_ value: Value) -> Bool {
        if case .list = value { return true }
        return false
    }

    /// `label=` as one string or a list of strings, one per series.
    static func labelList(_ value: Value, _ args: Arguments, _ i: Int, count: Int) throws -> [String?] {
        switch value {
        case .nothing: return [String?](repeating: nil, count: count)
        case .string(let s) where count == 1: return [s.value]
        case .list(let l) where l.items.count == count:
            return try l.items.map {
                guard case .string(let s) = $0 else { throw args.error(i, "labels must be strings, got \($0.typeName)") }
                return s.value
            }
        default: throw args.error(i, "label must be a string or a list of \(count) strings", kind: .value)
        }
    }

    /// `[a, b]` with finite a < b.
    static func interval(_ args: Arguments, _ i: Int) throws -> (Double, Double) {
        let v = try numbers(args[i], args, i)
        guard v.count == 2, v[0].isFinite, v[1].isFinite, v[0] < v[1] else {
            throw args.error(i, "expected a range [a, b] with a < b", kind: .value)
        }
        return (v[0], v[1])
    }

    /// Samples f on an n × n grid. A language function with two or more parameters is
    /// called f(x, y); anything else f([x, y]), the form of a loss J(w).
    static func sampleGrid(_ args: Arguments, _ context: CallContext, function: Int, xrange: Int, yrange: Int,
                           n: Int) throws -> PlotSpec.Grid {
        let (x0, x1) = try interval(args, xrange), (y0, y1) = try interval(args, yrange)
        let count = try args.int(n)
        guard count >= 2 && count <= 1000 else { throw args.error(n, "expected n between 2 and 1000, got \(count)", kind: .value) }
        let xs = (0..<count).map { x0 + (x1 - x0) * Double($0) / Double(count - 1) }
        let ys = (0..<count).map { y0 + (y1 - y0) * Double($0) / Double(count - 1) }
        if let t = args[function].asTensor {
            guard t.rank == 2 else { throw args.error(function, "expected a function or a 2-D tensor, got shape \(t.shape)", kind: .value) }
            let rows = t.shape[0], cols = t.shape[1]
            return PlotSpec.Grid(xs: (0..<cols).map { x0 + (x1 - x0) * Double($0) / Double(max(cols - 1, 1)) },
                                 ys: (0..<rows).map { y0 + (y1 - y0) * Double($0) / Double(max(rows - 1, 1)) },
                                 z: t.scalars)
        }
        guard isCallable(args[function]) else { throw args.error(function, "expected a function, got \(args[function].typeName)") }
        var twoArguments = false
        if case .function(let f) = args[function] { twoArguments = f.parameterNames.count >= 2 }
        var z: [Double] = []
        z.reserveCapacity(count * count)
        for y in ys {
            try context.checkInterrupt()
            for x in xs {
                let arguments: [Value] = twoArguments ? [.number(x), .number(y)] : [Value(Tensor([x, y]))]
                z.append(try scalar(context.call(args[function], arguments), args, function))
            }
        }
        return PlotSpec.Grid(xs: xs, ys: ys, z: z)
    }

    /// Contour levels: a list as given, or a count spread evenly strictly inside the value range.
    static func levels(_ args: Arguments, _ i: Int, z: [Double]) throws -> [Double] {
        if case .number = args[i] {
            let k = try args.int(i)
            guard k >= 1 && k <= 100 else { throw args.error(i, "expected between 1 and 100 levels, got \(k)", kind: .value) }
            let finite = z.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), high > low else { return [] }
            return (1...k).map { low + (high - low) * Double($0) / Double(k + 1) }
        }
        return try numbers(args[i], args, i).sorted()
    }
}
