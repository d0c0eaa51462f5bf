import Autodiff
import Tensor

/// Shared shapes of builtin bodies: elementwise functions and reductions that
/// take their differentiable path when an argument is a Variable.
enum BuiltinHelpers {
    /// A one-argument elementwise builtin over numbers, tensors and Variables.
    /// `scalar`, when given, computes a number argument exactly as `tensor` would, without
    /// building a tensor in and out (the common case in a scalar loop).
    static func elementwise(_ name: String, doc: String, example: String,
                            tensor: @escaping (Tensor) throws -> Tensor,
                            variable: @escaping (Variable) throws -> Variable,
                            scalar: ((Double) -> Double)? = nil) -> Builtin {
        Builtin(name, [.init("x", .differentiable, doc: "the values, elementwise")], doc: doc, example: example,
                numbers: scalar.map { .one($0) }) { args, _ in
            let x = args["x"]
            if let scalar, case .number(let n) = x { return .number(scalar(n)) }
            if case .variable(let v) = x { return .variable(try variable(v)) }
            if Operators.isSymbolic(x) { return try SymbolicBindings.function(name, args, "x") }
            return Operators.wrap(try tensor(try args.tensor("x")))
        }
    }

    /// `range` and `arange`: one signature and one body, so the two cannot drift apart.
    static let rangeParameters: [Parameter] = [
        .init("start", .number, doc: "the first number; given alone, the end (and the start is 0)"),
        .init("stop", .number, default: .nothing, doc: "the end, not included"),
        .init("step", .number, default: .number(1), doc: "the difference between neighbours, not zero"),
    ]

    /// The numbers `range(start, stop, step)` and `arange` give.
    static func range(_ args: Arguments) throws -> Value {
        let a = try args.number("start")
        let (start, stop) = args.has("stop") ? (a, try args.number("stop")) : (0, a)
        let step = try args.number("step")
        guard step != 0 else { throw args.error("step", "\(args.builtin.name)() step cannot be zero", kind: .value) }
        return Value(try Tensor.arange(start, stop, step))
    }

    /// The result of a computation on Variables, or plain tensors when no Variable was involved.
    static func result(_ v: Variable, differentiable: Bool) -> Value {
        differentiable ? .variable(v) : Operators.wrap(v.value)
    }
}
