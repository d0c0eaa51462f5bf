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
        Parameter("title", .string, default: .nothing, doc: "the heading above the plot"),
        Parameter("xlabel", .string, default: .nothing, doc: "the horizontal axis' name"),
        Parameter("ylabel", .string, default: .nothing, doc: "the vertical axis' name"),
        Parameter("width", .integer, default: .nothing, doc: "columns of the terminal drawing, 8 to 1000 (default: the terminal's width; 72 off a terminal)"),
        Parameter("height", .integer, default: .nothing, doc: "rows of the terminal drawing, 3 to 500 (default 18)"),
    ]

    /// The group the registry lists.
    static let group = BuiltinGroup(topic: "Plots", builtins: [
        Builtin("plot", [Parameter("x", .described("numbers or function"), doc: "the x values, or y alone, or f to draw over [a, b]"),
                         Parameter("y", .described("numbers or series"), default: .nothing, doc: "the y values, a list of series, or a for plot(f, a, b)"),
                         Parameter("upper", .number, default: .nothing, doc: "b for plot(f, a, b)"),
                         Parameter("label", .described("string or list of strings"), default: .nothing, doc: "the legend, one per series"),
                         Parameter("n", .integer, default: .number(200), doc: "points sampled for plot(f, a, b), 2 to 100000")] + labelled,
                doc: "Line plot: plot(y), plot(x, y), plot(x, [y1, y2]) or plot(f, a, b); label= a string or a list of strings; plot(history) draws fit's train and validation loss per epoch; width= and height= size the terminal drawing.",
                example: "plot(linspace(0, 6.28, 50), sin(linspace(0, 6.28, 50)), label=\"sin\")") { args, context in
            try show(lineSpec(args, context, kind: .line), args, context)
        },
        Builtin("scatter", [Parameter("x", .described("numbers"), doc: "the x values"),
                            Parameter("y", .described("numbers or series"), doc: "the y values, or a list of series"),
                            Parameter("label", .described("string or list of strings"), default: .nothing, doc: "the legend, one per series")] + labelled,
                doc: "Scatter plot of points (x[i], y[i]); y may be a list of series.",
                example: "scatter([1, 2, 3], [2, 1, 3])") { args, context in
            let xs = try numbers(args["x"], args, "x")
            let ys = try seriesList(args["y"], args, "y", count: xs.count)
            let labels = try labelList(args["label"], args, "label", count: ys.count)
            var series: [PlotSpec.Series] = []
            for (k, y) in ys.enumerated() {
                guard y.count == xs.count else { throw args.error("y", "scatter() needs as many y values as x values (\(xs.count)), got \(y.count)", kind: .value) }
                series.append(.init(x: xs, y: y, label: labels[k]))
            }
            return try show(PlotSpec(kind: .scatter, series: series), args, context)
        },
        Builtin("hist", [Parameter("x", .described("numbers"), doc: "the values to count"),
                         Parameter("bins", .integer, default: .number(10), doc: "how many equal bins, 1 to 10000"),
                         Parameter("label", .string, default: .nothing, doc: "the legend")] + labelled,
                doc: "Histogram of the values in x with `bins` equal bins from min to max (the last bin includes max), as numpy.histogram.",
                example: "hist(randn(1000), bins=20)") { args, context in
            let xs = try numbers(args["x"], args, "x").filter(\.isFinite)
            let bins = try args.int("bins")
            guard bins >= 1 && bins <= 10_000 else { throw args.error("bins", "hist() needs bins between 1 and 10000, got \(bins)", kind: .value) }
            guard var low = xs.min(), var high = xs.max() else { throw args.error("x", "hist() needs at least one finite value", kind: .value) }
            if low == high { low -= 0.5; high += 0.5 }
            let edges = (0...bins).map { low + (high - low) * Double($0) / Double(bins) }
            var counts = [Double](repeating: 0, count: bins)
            for x in xs {
                let t = (x - low) / (high - low) * Double(bins)
                // A range wider than the largest Double makes t NaN: place by the ends.
                counts[t.isFinite ? min(bins - 1, max(0, Int(t))) : (x >= high ? bins - 1 : 0)] += 1
            }
            let label = try args.optionalString("label")
            return try show(PlotSpec(kind: .hist, bars: [.init(edges: edges, counts: counts, label: label)]), args, context)
        },
        Builtin("contour", [Parameter("f", .described("function or matrix"), doc: "f(x, y) or f([x, y]), or a 2-D tensor of values"),
                            Parameter("xrange", .described("[a, b]"), doc: "the x interval"),
                            Parameter("yrange", .described("[a, b]"), doc: "the y interval"),
                            Parameter("levels", .described("count or list"), default: .number(10), doc: "how many levels (1 to 100), or their values"),
                            Parameter("n", .integer, default: .number(60), doc: "grid points per side, 2 to 1000"),
                            Parameter("points", .described("N×2 tensor"), default: .nothing, doc: "points to mark, one [x, y] per row")] + labelled,
                doc: "Contour lines of f(x, y) (or f(w) with w = [x, y]) over xrange × yrange on an n × n grid; levels a count or a list; points= marks points (an N×2 tensor).",
                example: "contour((x, y) -> x^2 + 2*y^2, [-2, 2], [-2, 2], levels=8)") { args, context in
            var grid = try sampleGrid(args, context, function: "f")
            grid.levels = try levels(args, z: grid.z)
            var series: [PlotSpec.Series] = []
            if args.has("points") {
                let p = try tensor(args["points"], args, "points")
                guard p.rank == 2, p.shape[1] == 2 else { throw args.error("points", "contour() needs points as an N×2 tensor, got shape \(p.shape)", kind: .value) }
                let v = p.scalars
                series.append(.init(x: stride(from: 0, to: v.count, by: 2).map { v[$0] },
                                    y: stride(from: 1, to: v.count, by: 2).map { v[$0] }))
            }
            return try show(PlotSpec(kind: .contour, series: series, grid: grid), args, context)
        },
        Builtin("heatmap", [Parameter("z", .described("matrix or function"), doc: "a 2-D tensor (row 0 on top), or f(x, y)"),
                            Parameter("xrange", .described("[a, b]"), default: .nothing, doc: "the x interval, for a function"),
                            Parameter("yrange", .described("[a, b]"), default: .nothing, doc: "the y interval, for a function"),
                            Parameter("n", .integer, default: .number(40), doc: "grid points per side for a function, 2 to 1000")] + labelled,
                doc: "Colour map of a matrix (row 0 on top) or of f(x, y) over xrange × yrange on an n × n grid.",
                example: "heatmap([[1, 2], [3, 4]])") { args, context in
            if let t = args["z"].asTensor {
                guard t.rank == 2 else { throw args.error("z", "heatmap() needs a 2-D tensor or a function, got shape \(t.shape)", kind: .value) }
                let grid = PlotSpec.Grid(xs: (0..<t.shape[1]).map(Double.init), ys: (0..<t.shape[0]).map(Double.init),
                                         z: t.scalars, isMatrix: true)
                return try show(PlotSpec(kind: .heatmap, grid: grid, xlabel: "column", ylabel: "row"), args, context)
            }
            guard args.has("xrange"), args.has("yrange") else { throw args.error("z", "heatmap(f, xrange, yrange) needs both ranges for a function", kind: .value) }
            let grid = try sampleGrid(args, context, function: "z")
            return try show(PlotSpec(kind: .heatmap, grid: grid), args, context)
        },
    ])

    /// Adds the title and axis labels (`labelled`), emits the plot, returns nothing.
    static func show(_ spec: PlotSpec, _ args: Arguments, _ context: CallContext) throws -> Value {
        var spec = spec
        if args.has("title") { spec.title = try args.string("title") }
        if args.has("xlabel") { spec.xlabel = try args.string("xlabel") }
        if args.has("ylabel") { spec.ylabel = try args.string("ylabel") }
        if args.has("width") {
            let w = try args.int("width")
            guard (8...1000).contains(w) else { throw args.error("width", "width= needs 8 to 1000 columns, got \(w)", kind: .value) }
            spec.width = w
        }
        if args.has("height") {
            let h = try args.int("height")
            guard (3...500).contains(h) else { throw args.error("height", "height= needs 3 to 500 rows, got \(h)", kind: .value) }
            spec.height = h
        }
        context.emit(.plot(spec))
        return .nothing
    }

    /// `plot`'s forms: a function over [a, b], y alone, x with y, several series.
    static func lineSpec(_ args: Arguments, _ context: CallContext, kind: PlotSpec.Kind) throws -> PlotSpec {
        let f = args["x"]
        if let spec = historySpec(f) { return spec }
        if isCallable(f) {
            guard args.has("y"), args.has("upper") else { throw args.error("x", "plot(f, a, b) needs the interval's ends a and b", kind: .value) }
            let a = try args.number("y"), b = try args.number("upper")
            let n = try args.int("n")
            guard n >= 2 && n <= 100_000 else { throw args.error("n", "plot() needs n between 2 and 100000, got \(n)", kind: .value) }
            guard a.isFinite, b.isFinite, a < b else { throw args.error("y", "plot(f, a, b) needs finite a < b", kind: .value) }
            let xs = (0..<n).map { a + (b - a) * Double($0) / Double(n - 1) }
            var ys: [Double] = []
            ys.reserveCapacity(n)
            for x in xs {
                try context.checkInterrupt()
                ys.append(try scalar(context.call(f, [.number(x)]), args, "x"))
            }
            let label = try labelList(args["label"], args, "label", count: 1)[0]
            return PlotSpec(kind: kind, series: [.init(x: xs, y: ys, label: label)])
        }
        let ys: [[Double]]
        let xs: [Double]?
        if args.has("y") {
            let x = try numbers(args["x"], args, "x")
            xs = x
            ys = try seriesList(args["y"], args, "y", count: x.count)
        } else {
            xs = nil
            ys = try seriesList(args["x"], args, "x")
        }
        let labels = try labelList(args["label"], args, "label", count: ys.count)
        var series: [PlotSpec.Series] = []
        for (k, y) in ys.enumerated() {
            let x = xs ?? (0..<y.count).map(Double.init)
            guard x.count == y.count else {
                throw args.error("y", "plot() needs as many y values as x values (\(x.count)), got \(y.count)", kind: .value)
            }
            series.append(.init(x: x, y: y, label: labels[k]))
        }
        return PlotSpec(kind: kind, series: series)
    }

    static func isCallable(_ value: Value) -> Bool { ParameterType.isCallable(value) }

    static func tensor(_ value: Value, _ args: Arguments, _ name: String) throws -> Tensor {
        if let t = value.asTensor { return t }
        if case .list(let l) = value {
            return Tensor(try l.items.map { try scalar($0, args, name) })
        }
        throw args.error(name, "expected numbers, got \(value.typeName)")
    }

    static func numbers(_ value: Value, _ args: Arguments, _ name: String) throws -> [Double] {
        try tensor(value, args, name).scalars
    }

    static func scalar(_ value: Value, _ args: Arguments, _ name: String) throws -> Double {
        guard let t = value.asTensor, t.count == 1, let x = t.scalars.first else {
            throw args.error(name, "expected a number, got \(value.typeName)")
        }
        return x
    }

    /// One series per list item or per row of a 2-D tensor (`[y1, y2]` builds one), but per
    /// column when the rows line up with `count` x values (matplotlib's `plot(x, Y)`).
    static func seriesList(_ value: Value, _ args: Arguments, _ name: String, count: Int? = nil) throws -> [[Double]] {
        if case .list(let l) = value, l.items.contains(where: { $0.asTensor.map { $0.rank >= 1 } ?? false || isList($0) }) {
            return try l.items.map { try numbers($0, args, name) }
        }
        let t = try tensor(value, args, name)
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
    static func labelList(_ value: Value, _ args: Arguments, _ name: String, count: Int) throws -> [String?] {
        switch value {
        case .nothing: return [String?](repeating: nil, count: count)
        case .string(let s) where count == 1: return [s.value]
        case .list(let l) where l.items.count == count:
            return try l.items.map {
                guard case .string(let s) = $0 else { throw args.error(name, "labels must be strings, got \($0.typeName)") }
                return s.value
            }
        default: throw args.error(name, "label must be a string or a list of \(count) strings", kind: .value)
        }
    }

    /// `[a, b]` with finite a < b.
    static func interval(_ args: Arguments, _ name: String) throws -> (Double, Double) {
        let v = try numbers(args[name], args, name)
        guard v.count == 2, v[0].isFinite, v[1].isFinite, v[0] < v[1] else {
            throw args.error(name, "expected a range [a, b] with a < b", kind: .value)
        }
        return (v[0], v[1])
    }

    /// Samples f on an n × n grid over `xrange` × `yrange`. A language function with two
    /// or more parameters is called f(x, y); anything else f([x, y]), the form of a loss J(w).
    static func sampleGrid(_ args: Arguments, _ context: CallContext, function: String) throws -> PlotSpec.Grid {
        let (x0, x1) = try interval(args, "xrange"), (y0, y1) = try interval(args, "yrange")
        let count = try args.int("n")
        guard count >= 2 && count <= 1000 else { throw args.error("n", "expected n between 2 and 1000, got \(count)", kind: .value) }
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
    static func levels(_ args: Arguments, z: [Double]) throws -> [Double] {
        if case .number = args["levels"] {
            let k = try args.int("levels")
            guard k >= 1 && k <= 100 else { throw args.error("levels", "expected between 1 and 100 levels, got \(k)", kind: .value) }
            let finite = z.filter(\.isFinite)
            guard let low = finite.min(), let high = finite.max(), high > low else { return [] }
            return (1...k).map { low + (high - low) * Double($0) / Double(k + 1) }
        }
        return try numbers(args["levels"], args, "levels").sorted()
    }
}
