import Autodiff
import Tensor

/// Shared shapes of builtin bodies: elementwise functions and reductions that
/// take their differentiable path when an argument is a Variable.
enum BuiltinHelpers {
    /// A one-argument elementwise builtin over numbers, tensors and Variables.
    static func elementwise(_ name: String, doc: String, example: String,
                            tensor: @escaping (Tensor) throws -> Tensor,
                            variable: @escaping (Variable) throws -> Variable) -> Builtin {
        Builtin(name, [.init("x")], doc: doc, example: example) { args, _ in
            if case .variable(let v) = args[0] { return .variable(try variable(v)) }
            return Operators.wrap(try tensor(try args.tensor(0)))
        }
    }

    /// The result of a computation on Variables, or plain tensors when no Variable was involved.
    static func result(_ v: Variable, differentiable: Bool) -> Value {
        differentiable ? .variable(v) : Operators.wrap(v.value)
    }
}
