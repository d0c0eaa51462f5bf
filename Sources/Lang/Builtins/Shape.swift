import Autodiff
import Tensor

// shape reshape transpose flatten concat stack

extension BuiltinGroup {
    /// Shapes and joining.
    static let shape = BuiltinGroup(topic: "Shape", builtins: [
        Builtin("shape", [.init("x")], doc: "The sizes of x's axes as a tensor (empty for a number).",
                example: "shape(zeros(2, 3))") { args, _ in
            let s: [Int]
            if case .variable(let v) = args[0] { s = v.shape } else { s = try args.tensor(0).shape }
            return Value(Tensor(s.map(Double.init)))
        },
        Builtin("reshape", [.init("x"), .variadic("shape")],
                doc: "The elements of x in a new shape, row-major; one size may be -1.",
                example: "reshape(arange(6), 2, 3)") { args, _ in
            let shape = try args.restShape()
            if case .variable(let v) = args[0] { return .variable(try v.reshape(shape)) }
            return Operators.wrap(try args.tensor(0).reshape(shape))
        },
        Builtin("transpose", [.init("x"), .init("axes", default: .nothing)],
                doc: "x with its axes reversed, or permuted as `axes` says.",
                example: "transpose([[1, 2], [3, 4]])") { args, _ in
            if args.has(1) {
                let axes = try args.shape(1)
                if case .variable(let v) = args[0] { return .variable(try v.permuted(axes)) }
                return Operators.wrap(try args.tensor(0).permuted(axes))
            }
            if case .variable(let v) = args[0] { return .variable(try v.transposed()) }
            return Operators.wrap(try args.tensor(0).transposed())
        },
        Builtin("flatten", [.init("x")], doc: "The elements of x as a 1-D tensor, row-major.",
                example: "flatten([[1, 2], [3, 4]])") { args, _ in
            if case .variable(let v) = args[0] { return .variable(try v.flatten()) }
            return Value(try args.tensor(0).flatten())
        },
        Builtin("concat", [.init("parts"), .init("axis", default: .number(0))],
                doc: "Joins a list of tensors along an existing axis.",
                example: "concat([[1, 2], [3]])") { args, _ in
            try join(args, stack: false)
        },
        Builtin("stack", [.init("parts"), .init("axis", default: .number(0))],
                doc: "Joins a list of same-shape tensors along a new axis.",
                example: "stack([[1, 2], [3, 4]], axis=1)") { args, _ in
            try join(args, stack: true)
        },
    ])
}

/// concat/stack over a list value (or a tensor's rows).
private func join(_ args: Arguments, stack: Bool) throws -> Value {
    let axis = try args.int(1)
    let parts = try Operators.elements(args[0], args.span(0))
    if parts.contains(where: { if case .variable = $0 { return true }; return false }) {
        let vs = try parts.enumerated().map { i, p -> Variable in
            guard let v = Operators.lift(p) else { throw args.error(0, "\(stack ? "stack" : "concat")() needs tensors, got a \(p.typeName) at position \(i)") }
            return v
        }
        return .variable(stack ? try Variable.stack(vs, axis: axis) : try Variable.concat(vs, axis: axis))
    }
    let ts = try parts.enumerated().map { i, p -> Tensor in
        guard let t = p.asTensor else { throw args.error(0, "\(stack ? "stack" : "concat")() needs tensors, got a \(p.typeName) at position \(i)") }
        return t.rank == 0 && !stack ? Tensor([try t.scalar()]) : t
    }
    guard !ts.isEmpty else { throw args.error(0, "\(stack ? "stack" : "concat")() needs at least one tensor", kind: .value) }
    return Value(stack ? try Tensor.stack(ts, axis: axis) : try Tensor.concat(ts, axis: axis))
}
