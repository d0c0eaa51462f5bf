import Autodiff
import Glibc
import Tensor

// floor ceil round trunc log1p expm1 log2 log10 tan arcsin arccos arctan sinh cosh
// arctan2 maximum minimum isnan isinf isfinite logsumexp one_hot

extension BuiltinGroup {
    /// NumPy's elementwise functions beyond the activations of `Math`.
    static let elementwise = BuiltinGroup(topic: "Elementwise", builtins: [
        unary("floor", .floor, "The largest integer not above x, elementwise (derivative 0).", "floor([-1.5, 2.5])"),
        unary("ceil", .ceil, "The smallest integer not below x, elementwise (derivative 0).", "ceil([-1.5, 2.5])"),
        Builtin("round", [.init("x", .differentiable, doc: "the values"),
                          .init("decimals", .integer, default: .number(0), doc: "digits kept after the point; negative rounds to tens, hundreds…")],
                doc: "Rounds to `decimals` digits, halves to even as NumPy does (round(2.5) is 2); derivative 0.",
                example: "round([0.5, 1.5, 3.14159], 2)") { args, _ in
            let d = try args.int("decimals")
            // NumPy scales by 10^|d| and rounds to even; a negative d divides first.
            let scale = Glibc.pow(10, Double(Swift.abs(d)))
            if case .variable(let v) = args["x"] {
                if d == 0 { return .variable(v.unary(.round)) }
                return .variable(d > 0 ? try (v * scale).unary(.round) / scale : try (v / scale).unary(.round) * scale)
            }
            let t = try args.tensor("x")
            if d == 0 { return Operators.wrap(t.unary(.round)) }
            let s = Tensor(scale)
            return Operators.wrap(d > 0 ? try (t * s).unary(.round) / s : try (t / s).unary(.round) * s)
        },
        unary("trunc", .trunc, "x with its fraction dropped (towards zero), elementwise (derivative 0).", "trunc([-1.7, 1.7])"),
        unary("log1p", .log1p, "log(1 + x), elementwise, accurate for tiny x.", "log1p(1e-10)"),
        unary("expm1", .expm1, "e^x − 1, elementwise, accurate for tiny x.", "expm1(1e-10)"),
        unary("log2", .log2, "Base-2 logarithm, elementwise.", "log2([1, 8])"),
        unary("log10", .log10, "Base-10 logarithm, elementwise.", "log10([1, 1000])"),
        unary("tan", .tan, "Tangent (radians), elementwise.", "tan(0.5)"),
        unary("arcsin", .arcsin, "Inverse sine in [-pi/2, pi/2], elementwise; nan outside [-1, 1].", "arcsin(1)"),
        unary("arccos", .arccos, "Inverse cosine in [0, pi], elementwise; nan outside [-1, 1].", "arccos(0)"),
        unary("arctan", .arctan, "Inverse tangent in (-pi/2, pi/2), elementwise.", "arctan(1)"),
        unary("sinh", .sinh, "Hyperbolic sine, elementwise.", "sinh(1)"),
        unary("cosh", .cosh, "Hyperbolic cosine, elementwise.", "cosh(1)"),
        binary("arctan2", .arctan2, ("y", "the second coordinate"), ("x", "the first coordinate"),
               "The angle of the point (x, y) in (-pi, pi], elementwise with broadcasting (note the order: y first).",
               "arctan2(1, -1)"),
        binary("maximum", .maximum, ("x", "the first values"), ("y", "the second values"),
               "The larger of x and y, elementwise with broadcasting; nan if either is (ties send the gradient to x).",
               "maximum([1, 5], [3, 2])"),
        binary("minimum", .minimum, ("x", "the first values"), ("y", "the second values"),
               "The smaller of x and y, elementwise with broadcasting; nan if either is (ties send the gradient to x).",
               "minimum([1, 5], [3, 2])"),
        predicate("isnan", "True where x is nan: a boolean for a number, a boolean tensor for a tensor.", "isnan([1, 0/0])") { $0.isNaN() },
        predicate("isinf", "True where x is inf or -inf: a boolean for a number, a boolean tensor for a tensor.", "isinf([1, -1/0])") { $0.isInfinite() },
        predicate("isfinite", "True where x is neither nan nor infinite: a boolean for a number, a boolean tensor for a tensor.",
                  "isfinite([1, 1/0, 0/0])") { $0.isFinite() },
        Builtin("isclose", closeness, doc: "Where |a - b| <= atol + rtol·|b| (NumPy's isclose; b is the reference): a boolean for numbers, a boolean tensor otherwise.",
                example: "isclose([1, 2], [1, 2.1])") { args, _ in
            let (a, b, r) = try close(args)
            if a.rank == 0 && b.rank == 0 { return .bool(try r.scalar() != 0) }
            return Value(boolean: r)
        },
        Builtin("allclose", closeness, doc: "True when every element of isclose(a, b, ...) is (shapes broadcast; true for empty tensors).",
                example: "allclose(0.1 + 0.2, 0.3)") { args, _ in
            .bool(try close(args).2.scalars.allSatisfy { $0 != 0 })
        },
        Builtin("logsumexp", [.init("x", .differentiable, doc: "the values"),
                              .init("axis", .integer, default: .nothing, doc: "the axis to reduce; all elements when nothing"),
                              .init("keepdims", .bool, default: .bool(false), doc: "keep the reduced axis with size 1")],
                doc: "log(sum(exp(x))) over all elements or along `axis`, without overflow (SciPy's logsumexp; -inf when empty).",
                example: "logsumexp([1000, 1000])") { args, _ in
            let v = try args.variable("x")
            let result = try logSumExp(v, axis: try args.optionalInt("axis"), keepDims: try args.bool("keepdims"))
            return BuiltinHelpers.result(result, differentiable: args.isVariable("x"))
        },
        Builtin("one_hot", [.init("indices", .tensor, doc: "class indices, integers in [-n, n)"),
                            .init("n", .integer, doc: "the number of classes")],
                doc: "Rows of eye(n) picked by the indices: shape indices.shape + [n], like eye(n)[indices].",
                example: "one_hot([0, 2, 1], 3)") { args, _ in
            let n = try args.int("n")
            guard n >= 0 else { throw args.error("n", "one_hot() needs n ≥ 0, got \(n)", kind: .value) }
            let indices = try args.tensor("indices")
            var values = [Double](repeating: 0, count: indices.count * n)
            for (row, x) in indices.scalars.enumerated() {
                guard let k = Int(exactly: x), k >= -n, k < n else {
                    throw args.error("indices", "one_hot() index \(TensorFormatter().format(x)) is not an integer in [\(-n), \(n))", kind: .value)
                }
                values[row * n + (k < 0 ? k + n : k)] = 1
            }
            return Value(try Tensor(shape: indices.shape + [n], values: values))
        },
    ])
}

/// isclose and allclose: NumPy's parameters and defaults.
private let closeness: [Parameter] = [
    .init("a", .tensor, doc: "the values to check"), .init("b", .tensor, doc: "the reference values"),
    .init("rtol", .number, default: .number(1e-5), doc: "tolerance relative to |b|"),
    .init("atol", .number, default: .number(1e-8), doc: "absolute tolerance"),
    .init("equal_nan", .bool, default: .bool(false), doc: "count nan as close to nan"),
]

private func close(_ args: Arguments) throws -> (Tensor, Tensor, Tensor) {
    let a = try args.tensor("a"), b = try args.tensor("b")
    let r = try a.isClose(b, rtol: try args.number("rtol"), atol: try args.number("atol"), equalNaN: try args.bool("equal_nan"))
    return (a, b, r)
}

/// log Σ e^x with the largest element taken out first, so nothing overflows.
/// The shift is a constant (its gradient cancels exactly), and where a lane's
/// maximum is infinite the shift is 0 so that -inf lanes give -inf, not nan.
private func logSumExp(_ x: Variable, axis: Int?, keepDims: Bool) throws -> Variable {
    if x.count == 0, axis == nil {
        return Variable(try Tensor(shape: keepDims ? [Int](repeating: 1, count: x.rank) : [], repeating: -.infinity))
    }
    let m = try axis.map { try x.value.max(axis: $0, keepDims: true) } ?? x.value.max().reshape([Int](repeating: 1, count: x.rank))
    let shift = try Tensor.where(m.isFinite(), m, Tensor(0))
    let sum = try axis.map { try (x - Variable(shift)).exp().sum(axis: $0, keepDims: true) } ?? (x - Variable(shift)).exp().sum()
    let out = try sum.log() + Variable(shift.reshape(sum.shape))
    guard let axis else { return try out.reshape(keepDims ? [Int](repeating: 1, count: x.rank) : []) }
    if keepDims { return out }
    var shape = out.shape
    shape.remove(at: axis < 0 ? axis + x.rank : axis)
    return try out.reshape(shape)
}

private func unary(_ name: String, _ op: UnaryOperation, _ doc: String, _ example: String) -> Builtin {
    BuiltinHelpers.elementwise(name, doc: doc, example: example,
                               tensor: { $0.unary(op) }, variable: { $0.unary(op) }, scalar: { op.apply($0) })
}

/// A two-argument elementwise builtin with broadcasting, differentiable in both.
private func binary(_ name: String, _ op: BinaryOperation, _ first: (String, String), _ second: (String, String),
                    _ doc: String, _ example: String) -> Builtin {
    Builtin(name, [.init(first.0, .differentiable, doc: first.1), .init(second.0, .differentiable, doc: second.1)],
            doc: doc, example: example) { args, _ in
        if args.isVariable(first.0) || args.isVariable(second.0) {
            return .variable(try args.variable(first.0).binary(op, try args.variable(second.0)))
        }
        return Operators.wrap(try args.tensor(first.0).binary(op, try args.tensor(second.0)))
    }
}

/// An elementwise test: a boolean for a number, a boolean tensor for a tensor.
private func predicate(_ name: String, _ doc: String, _ example: String, _ test: @escaping (Tensor) -> Tensor) -> Builtin {
    Builtin(name, [.init("x", .tensor, doc: "the values")], doc: doc, example: example) { args, _ in
        let t = try args.tensor("x")
        let r = test(t)
        if t.rank == 0 { return .bool(try r.scalar() != 0) }
        return Value(boolean: r)
    }
}
