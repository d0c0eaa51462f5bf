import Autodiff
import Tensor

// sum mean var std max min argmax all any (norm: LinearAlgebraNumpy.swift)

extension BuiltinGroup {
    /// Reductions over all elements or one axis (`axis=`, `keepdims=`).
    static let reductions = BuiltinGroup(topic: "Reductions", builtins: [
        reduction("sum", doc: "Sum of the elements, or along `axis`.", example: "sum([[1, 2], [3, 4]], axis=0)",
                  all: { $0.sum() }, axis: { try $0.sum(axis: $1, keepDims: $2) },
                  variableAll: { $0.sum() }, variableAxis: { try $0.sum(axis: $1, keepDims: $2) }),
        reduction("mean", doc: "Mean of the elements, or along `axis`.", example: "mean([1, 2, 3, 4])",
                  all: { $0.mean() }, axis: { try $0.mean(axis: $1, keepDims: $2) },
                  variableAll: { try $0.mean() }, variableAxis: { try $0.mean(axis: $1, keepDims: $2) }),
        reduction("var", doc: "Variance (population, ddof 0) of the elements, or along `axis`.", example: "var([1, 2, 3, 4])",
                  all: { $0.variance() }, axis: { try $0.variance(axis: $1, keepDims: $2) },
                  variableAll: { try $0.variance() }, variableAxis: { try $0.variance(axis: $1, keepDims: $2) }),
        reduction("std", doc: "Standard deviation (ddof 0) of the elements, or along `axis`.", example: "std([1, 2, 3, 4])",
                  all: { $0.std() }, axis: { try $0.std(axis: $1, keepDims: $2) },
                  variableAll: { try $0.std() }, variableAxis: { try $0.std(axis: $1, keepDims: $2) }),
        extremum("max", .maximum),
        extremum("min", .minimum),
        Builtin("argmax", [.init("x", .tensor, doc: "the values"),
                           .init("axis", .integer, default: .nothing, doc: "the axis to search along; all elements when nothing"),
                           .init("keepdims", .bool, default: .bool(false), doc: "keep the searched axis with size 1")],
                doc: "Index of the largest element (of the flattened tensor), or along `axis`.",
                example: "argmax([3, 9, 2])") { args, _ in
            let t = try args.tensor("x")
            if let axis = try args.optionalInt("axis") { return Operators.wrap(try t.argmax(axis: axis, keepDims: try args.bool("keepdims"))) }
            return Operators.wrap(try t.argmax())
        },
        truth("all", doc: "True when every element is nonzero (true for an empty tensor); along `axis`, a boolean tensor.",
              example: "all([[1, 0], [1, 1]], axis=1)") { try $0.binary(.equal, Tensor(0)).sum(axis: $1, keepDims: $2).binary(.equal, Tensor(0)) },
        truth("any", doc: "True when some element is nonzero (false for an empty tensor); along `axis`, a boolean tensor.",
              example: "any([0, 0, 3])") { try $0.binary(.notEqual, Tensor(0)).sum(axis: $1, keepDims: $2).binary(.greater, Tensor(0)) },
    ])
}

/// A reduction builtin with a differentiable path.
private func reduction(_ name: String, doc: String, example: String,
                       all: @escaping (Tensor) throws -> Tensor,
                       axis: @escaping (Tensor, Int, Bool) throws -> Tensor,
                       variableAll: @escaping (Variable) throws -> Variable,
                       variableAxis: @escaping (Variable, Int, Bool) throws -> Variable) -> Builtin {
    Builtin(name, [.init("x", .differentiable, doc: "the values"),
                   .init("axis", .integer, default: .nothing, doc: "the axis to reduce; all elements when nothing"),
                   .init("keepdims", .bool, default: .bool(false), doc: "keep the reduced axis with size 1")],
            doc: doc, example: example) { args, _ in
        let ax = try args.optionalInt("axis")
        let keep = try args.bool("keepdims")
        if case .variable(let v) = args["x"] {
            return .variable(try ax.map { try variableAxis(v, $0, keep) } ?? variableAll(v))
        }
        let t = try args.tensor("x")
        return Operators.wrap(try ax.map { try axis(t, $0, keep) } ?? all(t))
    }
}

/// max/min: one argument reduces; two are elementwise (NumPy's maximum/minimum).
private func extremum(_ name: String, _ op: BinaryOperation) -> Builtin {
    let isMax = op == .maximum
    return Builtin(name, [.init("x", .differentiable, doc: "the values"),
                          .init("y", .differentiable, default: .nothing, doc: "when given, compared with x elementwise"),
                          .init("axis", .integer, default: .nothing, doc: "the axis to reduce; all elements when nothing"),
                          .init("keepdims", .bool, default: .bool(false), doc: "keep the reduced axis with size 1")],
                   doc: "\(isMax ? "Largest" : "Smallest") element, or along `axis`; with two arguments the elementwise \(isMax ? "maximum" : "minimum").",
                   example: isMax ? "max([1, 5], [3, 2])" : "min([1, 5, 2])",
                   numbers: .two { op.extremum($0, $1) }) { args, _ in
        if args.has("y") {
            // `min(3, 4, 1)` binds 1 to axis: refuse it rather than answer 3, as Python would not.
            if try args.has("axis") || args.bool("keepdims") {
                throw args.error("axis", "\(name)(x, y) compares two values elementwise and takes no axis; for the \(isMax ? "largest" : "smallest") of several values write \(name)([a, b, c])", kind: .argument)
            }
            // Two numbers: no tensors in and out (the same arithmetic as the tensor kernel).
            if case .number(let x) = args["x"], case .number(let y) = args["y"], let z = op.extremum(x, y) {
                return .number(z)
            }
            if args.isVariable("x") || args.isVariable("y") {
                return .variable(try args.variable("x").binary(op, try args.variable("y")))
            }
            return Operators.wrap(try args.tensor("x").binary(op, try args.tensor("y")))
        }
        let ax = try args.optionalInt("axis")
        let keep = try args.bool("keepdims")
        if case .variable(let v) = args["x"] {
            if let a = ax { return .variable(isMax ? try v.max(axis: a, keepDims: keep) : try v.min(axis: a, keepDims: keep)) }
            return .variable(isMax ? try v.max() : try v.min())
        }
        let t = try args.tensor("x")
        if let a = ax { return Operators.wrap(isMax ? try t.max(axis: a, keepDims: keep) : try t.min(axis: a, keepDims: keep)) }
        return Operators.wrap(isMax ? try t.max() : try t.min())
    }
}

/// all/any: a boolean over every element, or a 0/1 tensor along an axis
/// (NumPy's `axis=` and `keepdims=`); counting rather than min/max keeps empty lanes right.
private func truth(_ name: String, doc: String, example: String,
                   along: @escaping (Tensor, Int, Bool) throws -> Tensor) -> Builtin {
    let every = name == "all"
    return Builtin(name, [.init("x", .tensor, doc: "the values (a tensor, number or boolean)"),
                          .init("axis", .integer, default: .nothing, doc: "the axis to reduce; all elements when nothing"),
                          .init("keepdims", .bool, default: .bool(false), doc: "keep the reduced axis with size 1")],
                   doc: doc, example: example) { args, _ in
        let t = try args.tensor("x")
        if let axis = try args.optionalInt("axis") { return Value(boolean: try along(t, axis, try args.bool("keepdims"))) }
        return .bool(every ? t.scalars.allSatisfy { $0 != 0 } : t.scalars.contains { $0 != 0 })
    }
}
