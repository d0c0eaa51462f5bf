import Autodiff
import Tensor

// shape reshape transpose flatten concat stack

extension BuiltinGroup {
    /// Shapes and joining.
    static let shape = BuiltinGroup(topic: "Shape", builtins: [
        Builtin("shape", [.init("x", .differentiable, doc: "a number or tensor")], doc: "The sizes of x's axes as a tensor (empty for a number).",
                example: "shape(zeros(2, 3))") { args, _ in
            let s: [Int]
            if case .variable(let v) = args["x"] { s = v.shape } else { s = try args.tensor("x").shape }
            return Value(Tensor(s.map(Double.init)))
        },
        Builtin("reshape", [.init("x", .differentiable, doc: "the tensor"),
                            .variadic("shape", .shape, doc: "the new sizes, or one list of them; one may be -1")],
                doc: "The elements of x in a new shape, row-major; one size may be -1.",
                example: "reshape(arange(6), 2, 3)") { args, _ in
            let shape = try args.restShape()
            if case .variable(let v) = args["x"] { return .variable(try v.reshape(shape)) }
            return Operators.wrap(try args.tensor("x").reshape(shape))
        },
        Builtin("transpose", [.init("x", .differentiable, doc: "the tensor"),
                              .init("axes", .shape, default: .nothing, doc: "the new order of the axes; reversed when nothing")],
                doc: "x with its axes reversed, or permuted as `axes` says.",
                example: "transpose([[1, 2], [3, 4]])") { args, _ in
            if args.has("axes") {
                let axes = try args.shape("axes")
                if case .variable(let v) = args["x"] { return .variable(try v.permuted(axes)) }
                return Operators.wrap(try args.tensor("x").permuted(axes))
            }
            if case .variable(let v) = args["x"] { return .variable(try v.transposed()) }
            return Operators.wrap(try args.tensor("x").transposed())
        },
        Builtin("flatten", [.init("x", .differentiable, doc: "the tensor")], doc: "The elements of x as a 1-D tensor, row-major.",
                example: "flatten([[1, 2], [3, 4]])") { args, _ in
            if case .variable(let v) = args["x"] { return .variable(try v.flatten()) }
            return Value(try args.tensor("x").flatten())
        },
        Builtin("concat", [.init("parts", .described("list of tensors"), doc: "the tensors to join"),
                           .init("axis", .integer, default: .number(0), doc: "the axis they are joined along")],
                doc: "Joins a list of tensors along an existing axis.",
                example: "concat([[1, 2], [3]])") { args, _ in
            try join(args, stack: false)
        },
        Builtin("stack", [.init("parts", .described("list of tensors"), doc: "the same-shape tensors to join"),
                          .init("axis", .integer, default: .number(0), doc: "where the new axis goes")],
                doc: "Joins a list of same-shape tensors along a new axis.",
                example: "stack([[1, 2], [3, 4]], axis=1)") { args, _ in
            try join(args, stack: true)
        },
    ])
}

/// concat/stack over a list value (or a tensor's rows).
private func join(_ args: Arguments, stack: Bool) throws -> Value {
    let axis = try args.int("axis")
    let parts = try Operators.elements(args["parts"], args.span("parts"))
    if parts.contains(where: { if case .variable = $0 { return true }; return false }) {
        let vs = try parts.enumerated().map { i, p -> Variable in
            guard let v = Operators.lift(p) else { throw args.error("parts", "\(stack ? "stack" : "concat")() needs tensors, got a \(p.typeName) at position \(i)") }
            return v
        }
        return .variable(stack ? try Variable.stack(vs, axis: axis) : try Variable.concat(vs, axis: axis))
    }
    let ts = try parts.enumerated().map { i, p -> Tensor in
        guard let t = p.asTensor else { throw args.error("parts", "\(stack ? "stack" : "concat")() needs tensors, got a \(p.typeName) at position \(i)") }
        return t.rank == 0 && !stack ? Tensor([try t.scalar()]) : t
    }
    guard !ts.isEmpty else { throw args.error("parts", "\(stack ? "stack" : "concat")() needs at least one tensor", kind: .value) }
    return Value(stack ? try Tensor.stack(ts, axis: axis) : try Tensor.concat(ts, axis: axis))
}
