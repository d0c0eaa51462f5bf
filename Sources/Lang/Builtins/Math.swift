import Autodiff
import Tensor

// exp log sqrt abs sign clip where sin cos sigmoid tanh relu leaky_relu elu softplus softmax log_softmax

extension BuiltinGroup {
    /// Elementwise functions and activations (differentiable on Variables).
    static let math = BuiltinGroup(topic: "Math", builtins: [
        unary("exp", .exp, "e to the x, elementwise.", "exp(1)"),
        unary("log", .log, "Natural logarithm, elementwise (log(0) is -inf).", "log([1, 10])"),
        unary("sqrt", .sqrt, "Square root, elementwise.", "sqrt(2)"),
        unary("abs", .abs, "Absolute value, elementwise.", "abs([-1, 2])"),
        unary("sign", .sign, "-1, 0 or 1 by the sign of each element.", "sign([-2, 0, 3])"),
        unary("sin", .sin, "Sine (radians), elementwise.", "sin(0.5)"),
        unary("cos", .cos, "Cosine (radians), elementwise.", "cos(0.5)"),
        unary("tanh", .tanh, "Hyperbolic tangent, elementwise.", "tanh([0, 1])"),
        unary("sigmoid", .sigmoid, "The logistic function 1 / (1 + e^-x), elementwise.", "sigmoid(0)"),
        unary("relu", .relu, "max(x, 0), elementwise.", "relu([-1, 2])"),
        unary("softplus", .softplus, "log(1 + e^x), elementwise, computed without overflow.", "softplus(0)"),
        withAlpha("leaky_relu", .init("alpha", .number, default: .number(0.01), doc: "the slope below zero"),
                  doc: "x where x > 0, else alpha·x.", example: "leaky_relu([-1, 2], alpha=0.1)",
                  tensor: { $0.leakyRelu(alpha: $1) }, variable: { try $0.leakyRelu(alpha: $1) }),
        withAlpha("elu", .init("alpha", .number, default: .number(1), doc: "the limit -alpha far below zero"),
                  doc: "x where x > 0, else alpha·(e^x − 1).", example: "elu([-1, 2])",
                  tensor: { $0.elu(alpha: $1) }, variable: { try $0.elu(alpha: $1) }),
        Builtin("clip", [.init("x", .differentiable, doc: "the values, elementwise"),
                         .init("low", .number, doc: "the least value kept"), .init("high", .number, doc: "the largest value kept")],
                doc: "Each element limited to [low, high].", example: "clip([-1, 0.5, 2], 0, 1)",
                numbers: .three { Tensor.clip($0, $1, $2) }) { args, _ in
            let lo = try args.number("low"), hi = try args.number("high")
            // A number is clipped without a tensor in and out (the same arithmetic).
            if case .number(let x) = args["x"] { return .number(Tensor.clip(x, lo, hi)) }
            if case .variable(let v) = args["x"] { return .variable(try v.clip(lo, hi)) }
            return Operators.wrap(try args.tensor("x").clip(lo, hi))
        },
        Builtin("where", [.init("condition", .tensor, doc: "nonzero where a is taken"),
                          .init("a", .differentiable, doc: "the values where the condition holds"),
                          .init("b", .differentiable, doc: "the values elsewhere")],
                doc: "a where the condition is non-zero, else b, elementwise with broadcasting.",
                example: "where([1, 0, 1], [1, 2, 3], 0)") { args, _ in
            let c = try args.tensor("condition")
            if args.isVariable("a") || args.isVariable("b") {
                return .variable(try Variable.where(c, try args.variable("a"), try args.variable("b")))
            }
            return Operators.wrap(try Tensor.where(c, try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("softmax", [.init("x", .differentiable, doc: "the scores"),
                            .init("axis", .integer, default: .number(-1), doc: "the axis that sums to 1")],
                doc: "e^x normalised to sum 1 along axis (default the last), computed stably.",
                example: "softmax([1, 2, 3])") { args, _ in
            let axis = try args.int("axis")
            if case .variable(let v) = args["x"] { return .variable(try v.softmax(axis: axis)) }
            return Operators.wrap(try args.tensor("x").softmax(axis: axis))
        },
        Builtin("log_softmax", [.init("x", .differentiable, doc: "the scores"),
                                .init("axis", .integer, default: .number(-1), doc: "the axis normalised over")],
                doc: "log(softmax(x)) along axis, computed without overflow.",
                example: "log_softmax([1, 2, 3])") { args, _ in
            let axis = try args.int("axis")
            if case .variable(let v) = args["x"] { return .variable(try v.logSoftmax(axis: axis)) }
            return Operators.wrap(try args.tensor("x").logSoftmax(axis: axis))
        },
    ])
}

/// An activation with one shape parameter `alpha`, on tensors and Variables.
private func withAlpha(_ name: String, _ alpha: Parameter, doc: String, example: String,
                       tensor: @escaping (Tensor, Double) throws -> Tensor,
                       variable: @escaping (Variable, Double) throws -> Variable) -> Builtin {
    Builtin(name, [.init("x", .differentiable, doc: "the values, elementwise"), alpha], doc: doc, example: example) { args, _ in
        let a = try args.number("alpha")
        if case .variable(let v) = args["x"] { return .variable(try variable(v, a)) }
        return Operators.wrap(try tensor(try args.tensor("x"), a))
    }
}

private func unary(_ name: String, _ op: UnaryOperation, _ doc: String, _ example: String) -> Builtin {
    BuiltinHelpers.elementwise(name, doc: doc, example: example,
                               tensor: { $0.unary(op) }, variable: { $0.unary(op) }, scalar: { op.apply($0) })
}
