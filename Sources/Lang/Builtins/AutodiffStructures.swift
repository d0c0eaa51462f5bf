import Autodiff
import Tensor

/// Differentiation over structures: `grad(f, ps)` with `ps` a tensor or a list, tuple
/// or dict of them, nested, returns gradients in the same structure (JAX's pytrees).
///
/// The structure is flattened to its tensors (lists and tuples in order, dicts in
/// insertion order), each becomes an independent Variable, `f` is called with the
/// structure rebuilt around those Variables, and the gradients are put back in place.
enum ParameterTree {
    /// The parameter type of a point that may be a structure.
    static let pointType = ParameterType.described("tensor, or a list, tuple or dict of tensors")

    /// True for a value `grad` differentiates as one tensor.
    static func isLeaf(_ v: Value) -> Bool {
        switch v {
        case .number, .bool, .tensor, .variable: return true
        default: return false
        }
    }

    /// The tensors of `v` in order, as Variables.
    /// - Throws: a type error naming `name` and the first value that is neither a tensor nor a structure.
    static func leaves(_ v: Value, _ name: String, _ context: CallContext) throws -> [Variable] {
        var out: [Variable] = []
        try collect(v, name, context, into: &out)
        return out
    }

    private static func collect(_ v: Value, _ name: String, _ context: CallContext, into out: inout [Variable]) throws {
        switch v {
        case .list(let l): for item in l.items { try collect(item, name, context, into: &out) }
        case .tuple(let t): for item in t.items { try collect(item, name, context, into: &out) }
        case .dict(let d): for item in d.values { try collect(item, name, context, into: &out) }
        default:
            guard isLeaf(v), let x = AutodiffBindings.variable(v) else {
                throw context.error("\(name)() expects x to be a tensor, or a list, tuple or dict of tensors; found a \(v.typeName)", kind: .type)
            }
            out.append(x)
        }
    }

    /// `shape` with its tensors replaced, in order, by `parts` (from `next` on).
    static func rebuild(_ shape: Value, _ parts: [Value], _ next: inout Int) -> Value {
        switch shape {
        case .list(let l):
            return Value(list: l.items.map { rebuild($0, parts, &next) })
        case .tuple(let t):
            return Value(tuple: t.items.map { rebuild($0, parts, &next) })
        case .dict(let d):
            let out = DictBox()
            for (k, v) in zip(d.keys, d.values) { out.set(k, rebuild(v, parts, &next)) }
            return .dict(out)
        default:
            defer { next += 1 }
            return parts[next]
        }
    }

    /// `shape` with its tensors replaced by `parts`.
    static func rebuild(_ shape: Value, _ parts: [Value]) -> Value {
        var next = 0
        return rebuild(shape, parts, &next)
    }

    /// `f` as a Swift function of the flattened Variables: rebuilds the structure and
    /// calls `f` with it (and `rest`), checking for one output value.
    static func function(_ f: Value, shape: Value, _ rest: [Value], _ context: CallContext, name: String) -> ([Variable]) throws -> Variable {
        { xs in
            guard AutodiffBindings.isCallable(f) else {
                throw context.error("\(name)() expects f to be a function, got \(f.typeName)", kind: .type)
            }
            try context.checkInterrupt()
            let result = try context.call(f, [rebuild(shape, xs.map(Value.variable))] + rest)
            guard let y = AutodiffBindings.variable(result) else {
                throw context.error("\(name)(): the function must return a number or tensor, got \(result.typeName)", kind: .type)
            }
            guard y.count == 1 else {
                throw context.error("\(name)(): the function must return a single number to be differentiated, got a tensor of shape \(formatShape(y.shape)); use jacobian for vector outputs", kind: .value)
            }
            return y
        }
    }

    /// `value_and_grad(f, x)` and `grad(f, x)` for any point: the value and the gradient structure.
    static func valueAndGradient(_ f: Value, _ x: Value, _ rest: [Value], _ context: CallContext, name: String) throws -> (Value, Value) {
        let xs = try leaves(x, name, context)
        let g = function(f, shape: x, rest, context, name: name)
        let (value, gradients) = try AutodiffBindings.run { try valueAndGradients(of: g, at: xs) }
        // The value stays on the graph only for an outer derivative (when the gradients do too).
        let nested = gradients.contains { $0.requiresGradient }
        return (AutodiffBindings.wrap(nested ? value : value.detached), rebuild(x, gradients.map(AutodiffBindings.wrap)))
    }

    /// `hessian(f, x)` for a structure: for each tensor pᵢ of x, the structure of x with
    /// each pⱼ replaced by the block ∂²f/∂pᵢ∂pⱼ (shape pᵢ.shape + pⱼ.shape).
    static func hessian(_ f: Value, _ x: Value, _ rest: [Value], _ context: CallContext) throws -> Value {
        let xs = try leaves(x, "hessian", context)
        let g = function(f, shape: x, rest, context, name: "hessian")
        let blocks = try AutodiffBindings.run { try hessianBlocks(of: g, at: xs) }
        return rebuild(x, blocks.map { row in rebuild(x, row.map(AutodiffBindings.wrap)) })
    }
}
