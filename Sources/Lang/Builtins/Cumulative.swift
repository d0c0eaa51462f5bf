import Autodiff
import Tensor

// cumsum cumprod diff

extension BuiltinGroup {
    /// Running sums and products, and differences of neighbours (NumPy's names and axes).
    static let cumulative = BuiltinGroup(topic: "Cumulative", builtins: [
        running("cumsum", doc: "Running sum along `axis`; of the flattened tensor when nothing (NumPy's default).",
                example: "cumsum([[1, 2], [3, 4]], axis=0)",
                tensor: { try $0.cumulativeSum(axis: $1) }, variable: { try $0.cumulativeSum(axis: $1) }),
        running("cumprod", doc: "Running product along `axis`; of the flattened tensor when nothing. Its gradient needs nonzero elements.",
                example: "cumprod([1, 2, 3, 4])",
                tensor: { try $0.cumulativeProduct(axis: $1) }, variable: { try $0.cumulativeProduct(axis: $1) }),
        Builtin("diff", [.init("x", .differentiable, doc: "the values, rank ≥ 1; or an expression"),
                         .init("n", .described("integer or symbol"), default: .number(1), doc: "how many times to take differences, ≥ 0; for an expression, the symbol"),
                         .init("axis", .described("integer or symbol"), default: .number(-1), doc: "the axis along which neighbours are subtracted; for an expression, an order or the next symbol"),
                         .variadic("more", .any, doc: "for an expression only: further symbols and orders")],
                doc: "x[i+1] − x[i] along `axis` (default the last), repeated n times; the axis shrinks by n (to 0 at least). For an expression, its derivative: diff(E, x), diff(E, x, 2), diff(E, x, y).",
                example: "diff([1, 4, 9, 16])") { args, _ in
            if Operators.isSymbolic(args["x"]) { return try SymbolicBindings.diff(args, "x", then: ["n", "axis"]) }
            if let span = args.restSpans.first {
                throw Diagnostic(.argument, "diff() of a tensor takes 1 to 3 arguments (x, n, axis)", span)
            }
            let n = try args.int("n")
            guard n >= 0 else { throw args.error("n", "diff() order n must be ≥ 0, got \(n)", kind: .value) }
            var v = try args.variable("x")
            guard v.rank > 0 else { throw args.error("x", "diff() needs a tensor of rank ≥ 1, got a number", kind: .value) }
            let axis = try Shape.normalizeAxis(try args.int("axis"), rank: v.rank)
            var later = [TensorIndex](repeating: .all, count: v.rank), earlier = later
            later[axis] = .range(start: 1, stop: nil, step: nil)
            earlier[axis] = .range(start: nil, stop: -1, step: nil)
            for _ in 0..<n where v.shape[axis] > 0 {
                v = try v.subscripted(later) - v.subscripted(earlier)
            }
            return BuiltinHelpers.result(v, differentiable: args.isVariable("x"))
        },
    ])
}

/// cumsum/cumprod: along an axis, or over the flattened elements when `axis` is nothing.
private func running(_ name: String, doc: String, example: String,
                     tensor: @escaping (Tensor, Int) throws -> Tensor,
                     variable: @escaping (Variable, Int) throws -> Variable) -> Builtin {
    Builtin(name, [.init("x", .differentiable, doc: "the values"),
                   .init("axis", .integer, default: .nothing, doc: "the axis to run along; the flattened tensor when nothing")],
            doc: doc, example: example) { args, _ in
        let axis = try args.optionalInt("axis")
        if case .variable(let v) = args["x"] {
            return .variable(try variable(axis == nil ? try v.reshape([-1]) : v, axis ?? 0))
        }
        let t = try args.tensor("x")
        return Value(try tensor(axis == nil ? try t.reshape([-1]) : t, axis ?? 0))
    }
}
