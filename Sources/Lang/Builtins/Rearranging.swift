import Autodiff
import Tensor

// squeeze expand_dims tile repeat split flip roll meshgrid pad

extension BuiltinGroup {
    /// NumPy's rearranging functions; each keeps the differentiable path.
    static let rearranging = BuiltinGroup(topic: "Rearranging", builtins: [
        Builtin("squeeze", [.init("x", .differentiable, doc: "the tensor"),
                            .init("axis", .shape, default: .nothing, doc: "the size-1 axis (or axes) to remove; all of them when nothing")],
                doc: "x without its size-1 axes (or only those named; naming another is an error).",
                example: "squeeze(zeros(1, 3, 1))") { args, _ in
            let v = try args.variable("x")
            let axes = try args.has("axis") ? try axesArgument(args, "axis", rank: v.rank) : nil
            return try rearranged(args, try v.squeezed(axes: axes))
        },
        Builtin("expand_dims", [.init("x", .differentiable, doc: "the tensor"),
                                .init("axis", .shape, doc: "where the new size-1 axis goes in the result (or a list of places)")],
                doc: "x with a new size-1 axis at `axis` of the result (negative counts from the end).",
                example: "expand_dims([1, 2], 0)") { args, _ in
            let v = try args.variable("x")
            let count = try args.shape("axis").count
            return try rearranged(args, try v.expandedDims(axes: try axesArgument(args, "axis", rank: v.rank + count)))
        },
        Builtin("tile", [.init("x", .differentiable, doc: "the tensor"),
                         .init("reps", .shape, doc: "repetitions per axis (the last axes when shorter than the rank)")],
                doc: "x repeated as a block reps times along each axis (NumPy's tile).",
                example: "tile([1, 2], [2, 2])") { args, _ in
            try rearranged(args, try args.variable("x").tiled(try args.shape("reps")))
        },
        Builtin("repeat", [.init("x", .differentiable, doc: "the tensor"),
                           .init("repeats", .shape, doc: "how often each element repeats: one count, or one per element along the axis"),
                           .init("axis", .integer, default: .nothing, doc: "the axis; the flattened tensor when nothing")],
                doc: "Each element repeated in place (NumPy's repeat: [1, 2] twice is [1, 1, 2, 2]).",
                example: "repeat([1, 2], 2)") { args, _ in
            var v = try args.variable("x")
            var axis = 0
            if let a = try args.optionalInt("axis") { axis = try normalAxis(args, a, rank: v.rank) } else { v = try v.reshape([-1]) }
            if v.rank == 0 { v = try v.reshape([1]) }
            let counts = try args.shape("repeats")
            let r = counts.count == 1 ? try v.repeated(counts[0], axis: axis) : try v.repeated(counts, axis: axis)
            return try rearranged(args, r)
        },
        Builtin("split", [.init("x", .differentiable, doc: "the tensor"),
                          .init("sections", .shape, doc: "a number of equal parts, or a list of cut positions"),
                          .init("axis", .integer, default: .number(0), doc: "the axis to cut along")],
                doc: "x cut into a list of pieces along `axis`: n equal parts (n must divide the size), or at the positions listed.",
                example: "split(arange(6), 3)") { args, _ in
            let v = try args.variable("x")
            guard v.rank > 0 else { throw args.error("x", "split() needs a tensor of rank ≥ 1, got a number", kind: .value) }
            let axis = try normalAxis(args, try args.int("axis"), rank: v.rank)
            let n = v.shape[axis]
            var cuts: [Int]
            if case .list = args["sections"] { cuts = try args.shape("sections") }
            else if let t = args["sections"].asTensor, t.rank == 1 { cuts = try args.shape("sections") }
            else {
                let parts = try args.int("sections")
                guard parts > 0, n % parts == 0 else {
                    throw args.error("sections", "split(): \(parts) equal parts do not divide axis \(axis) of size \(n)", kind: .value)
                }
                cuts = (1..<parts).map { $0 * n / parts }
            }
            let pieces = try v.split(at: cuts, axis: axis)
            return Value(list: pieces.map { BuiltinHelpers.result($0, differentiable: args.isVariable("x")) })
        },
        Builtin("flip", [.init("x", .differentiable, doc: "the tensor"),
                         .init("axis", .shape, default: .nothing, doc: "the axis (or axes) to reverse; all when nothing")],
                doc: "x with the order of its elements reversed along `axis` (all axes when nothing).",
                example: "flip([[1, 2], [3, 4]], 1)") { args, _ in
            let v = try args.variable("x")
            let axes = try args.has("axis") ? try axesArgument(args, "axis", rank: v.rank) : Array(0..<v.rank)
            return try rearranged(args, try v.flipped(axes: axes))
        },
        Builtin("roll", [.init("x", .differentiable, doc: "the tensor"),
                         .init("shift", .shape, doc: "how far elements move (a list pairs with a list of axes)"),
                         .init("axis", .shape, default: .nothing, doc: "the axis (or axes); the flattened tensor when nothing")],
                doc: "Elements shifted along `axis`, those past the end coming back at the start (NumPy's roll).",
                example: "roll([1, 2, 3, 4], 1)") { args, _ in
            var v = try args.variable("x")
            let shifts = try args.shape("shift")
            guard args.has("axis") else {
                guard shifts.count == 1 else { throw args.error("shift", "roll() with several shifts needs as many axes", kind: .value) }
                let shape = v.shape
                return try rearranged(args, try v.reshape([-1]).rolled(shifts[0], axis: 0).reshape(shape))
            }
            let axes = try axesArgument(args, "axis", rank: v.rank, unique: false)
            guard shifts.count == axes.count || shifts.count == 1 else {
                throw args.error("shift", "roll() has \(shifts.count) shifts for \(axes.count) axes", kind: .value)
            }
            for (i, a) in axes.enumerated() { v = try v.rolled(shifts[shifts.count == 1 ? 0 : i], axis: a) }
            return try rearranged(args, v)
        },
        Builtin("meshgrid", [.variadic("xs", .differentiable, doc: "1-D coordinate tensors"),
                             .init("indexing", .string, default: Value("xy"), doc: "\"xy\" (Cartesian, the default) or \"ij\" (matrix)")],
                doc: "Coordinate grids from coordinate vectors, as a list (NumPy's meshgrid: with \"xy\" the first two axes swap).",
                example: "X, Y = meshgrid([1, 2, 3], [4, 5])") { args, _ in
            let indexing = try args.string("indexing")
            guard indexing == "xy" || indexing == "ij" else {
                throw args.error("indexing", "meshgrid() indexing must be \"xy\" or \"ij\", got \"\(indexing)\"", kind: .value)
            }
            var vectors: [Variable] = []
            var anyVariable = false
            for x in args.rest {
                guard let v = Operators.lift(x) else { throw args.error("xs", "meshgrid() needs tensors, got \(x.typeName)") }
                if case .variable = x { anyVariable = true }
                vectors.append(try v.reshape([-1]))
            }
            var shape = vectors.map { $0.count }
            let swap = indexing == "xy" && vectors.count >= 2
            if swap { shape.swapAt(0, 1) }
            let grids = try vectors.enumerated().map { i, v -> Value in
                var place = swap && i < 2 ? 1 - i : i
                if !swap { place = i }
                var s = [Int](repeating: 1, count: shape.count)
                s[place] = v.count
                let g = try v.reshape(s).broadcast(to: shape)
                return anyVariable ? .variable(g) : Value(g.value.contiguous())
            }
            return Value(list: grids)
        },
        Builtin("pad", [.init("x", .differentiable, doc: "the tensor"),
                        .init("pad_width", .described("integer or list"), doc: "n, [before, after], or one [before, after] per axis"),
                        .init("mode", .string, default: Value("constant"), doc: "\"constant\", \"edge\", \"reflect\", \"symmetric\" or \"wrap\""),
                        .init("constant_values", .number, default: .number(0), doc: "the fill of mode \"constant\"")],
                doc: "x with borders added along every axis (NumPy's pad and its modes).",
                example: "pad([1, 2, 3], [1, 2])") { args, _ in
            var v = try args.variable("x")
            let widths = try padWidths(args, rank: v.rank)
            let mode = try args.string("mode"), value = try args.number("constant_values")
            for (axis, w) in widths.enumerated() {
                v = try v.padded(axis: axis, before: w.0, after: w.1, mode: mode, value: value)
            }
            return try rearranged(args, v)
        },
    ])
}

/// A Variable result, or a tensor when x was not a Variable.
private func rearranged(_ args: Arguments, _ v: Variable) throws -> Value {
    BuiltinHelpers.result(v, differentiable: args.isVariable("x"))
}

/// `axis` normalised, as an error at the argument when out of range.
private func normalAxis(_ args: Arguments, _ axis: Int, rank: Int, name: String = "axis") throws -> Int {
    guard axis >= -rank, axis < Swift.max(rank, 1), rank > 0 || axis == 0 || axis == -1 else {
        throw args.error(name, "\(args.builtin.name)(): axis \(axis) is out of range for a tensor of rank \(rank)", kind: .value)
    }
    return axis < 0 ? axis + rank : axis
}

/// One axis or a list of them, normalised against `rank`; repeats are an error when `unique`.
private func axesArgument(_ args: Arguments, _ name: String, rank: Int, unique: Bool = true) throws -> [Int] {
    let axes = try args.shape(name).map { a -> Int in
        guard a >= -rank, a < rank else {
            throw args.error(name, "\(args.builtin.name)(): axis \(a) is out of range for a tensor of rank \(rank)", kind: .value)
        }
        return a < 0 ? a + rank : a
    }
    if unique && Set(axes).count != axes.count { throw args.error(name, "\(args.builtin.name)(): repeated axis in \(axes)", kind: .value) }
    return axes
}

/// pad_width as (before, after) per axis: n, [before, after], or [[b0, a0], …].
private func padWidths(_ args: Arguments, rank: Int) throws -> [(Int, Int)] {
    let value = args["pad_width"]
    func bad() -> Diagnostic {
        args.error("pad_width", "pad() needs pad_width as n, [before, after] or one [before, after] per axis (\(rank) axes)", kind: .value)
    }
    guard let t = value.asTensor else { throw bad() }
    let xs = t.scalars.map { Int(exactly: $0) }
    guard !xs.contains(nil) else { throw bad() }
    let w = xs.map { $0! } // safe: no nil, checked above
    switch (t.rank, w.count) {
    case (0, 1), (1, 1): return [(Int, Int)](repeating: (w[0], w[0]), count: rank)
    case (1, 2): return [(Int, Int)](repeating: (w[0], w[1]), count: rank)
    case (2, _) where t.shape == [rank, 2]: return (0..<rank).map { (w[2 * $0], w[2 * $0 + 1]) }
    case (2, 2) where t.shape == [1, 2]: return [(Int, Int)](repeating: (w[0], w[1]), count: rank)
    default: throw bad()
    }
}
