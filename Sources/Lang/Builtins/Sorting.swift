import Autodiff
import Tensor

// sort argsort unique argmin topk searchsorted

extension BuiltinGroup {
    /// Sorting and searching, with NumPy's names and axes.
    static let sorting = BuiltinGroup(topic: "Sorting and searching", builtins: [
        Builtin("sort", [.init("x", .differentiable, doc: "the values"),
                         .init("axis", .described("integer or nothing"), default: .number(-1), doc: "the axis to sort along; the flattened tensor when nothing")],
                doc: "The values in ascending order along `axis` (stable; nan last); the gradient goes back to each value's place.",
                example: "sort([[3, 1, 2], [9, 7, 8]])") { args, _ in
            let (v, axis) = try alongAxis(args)
            let order = try v.value.argsort(axis: axis)
            return BuiltinHelpers.result(try v.takeAlong(order, axis: axis), differentiable: args.isVariable("x"))
        },
        Builtin("argsort", [.init("x", .tensor, doc: "the values"),
                            .init("axis", .described("integer or nothing"), default: .number(-1), doc: "the axis to sort along; the flattened tensor when nothing")],
                doc: "The positions that sort x along `axis` (stable: equal values keep their order; nan last).",
                example: "argsort([3, 1, 2])") { args, _ in
            let (v, axis) = try alongAxis(args)
            return Operators.wrap(try v.value.argsort(axis: axis))
        },
        Builtin("unique", [.init("x", .tensor, doc: "the values (flattened)"),
                           .init("return_index", .bool, default: .bool(false), doc: "also give the first position of each unique value"),
                           .init("return_inverse", .bool, default: .bool(false), doc: "also give, for each element, the position of its value in the result"),
                           .init("return_counts", .bool, default: .bool(false), doc: "also give how many times each value occurs")],
                doc: "The sorted distinct values of x (nan once, last); with return_* flags a list [values, index, inverse, counts] of those asked for.",
                example: "unique([3, 1, 3, 2, 1], return_counts=true)") { args, _ in
            try unique(args)
        },
        Builtin("argmin", [.init("x", .tensor, doc: "the values"),
                           .init("axis", .integer, default: .nothing, doc: "the axis to search along; all elements when nothing"),
                           .init("keepdims", .bool, default: .bool(false), doc: "keep the searched axis with size 1")],
                doc: "Index of the smallest element (of the flattened tensor), or along `axis`; the first of equals, and the first nan if any.",
                example: "argmin([3, 1, 2])") { args, _ in
            // argmax of -x: the first minimum, and the first nan as NumPy.
            let t = try Tensor(0).binary(.subtract, try args.tensor("x"))
            guard t.count > 0 else { throw args.error("x", "argmin() of an empty tensor", kind: .value) }
            if let axis = try args.optionalInt("axis") { return Operators.wrap(try t.argmax(axis: axis, keepDims: try args.bool("keepdims"))) }
            return Operators.wrap(try t.argmax())
        },
        Builtin("topk", [.init("x", .differentiable, doc: "the values"),
                         .init("k", .integer, doc: "how many to keep, 0 ≤ k ≤ the axis size"),
                         .init("axis", .integer, default: .number(-1), doc: "the axis to search along"),
                         .init("largest", .bool, default: .bool(true), doc: "the largest (descending) or the smallest (ascending)")],
                doc: "The k largest (or smallest) values along `axis`, in order, and their positions, as a list [values, indices] (PyTorch's topk; ties by position).",
                example: "values, indices = topk([1, 5, 3, 5], 2)") { args, _ in
            let v = try args.variable("x")
            guard v.rank > 0 else { throw args.error("x", "topk() needs a tensor of rank ≥ 1, got a number", kind: .value) }
            let axis = try Shape.normalizeAxis(try args.int("axis"), rank: v.rank)
            let k = try args.int("k")
            guard k >= 0, k <= v.shape[axis] else {
                throw args.error("k", "topk() needs 0 ≤ k ≤ \(v.shape[axis]) (the size of axis \(axis)), got \(k)", kind: .value)
            }
            let order = try v.value.argsort(axis: axis, descending: try args.bool("largest"))
            var first = [TensorIndex](repeating: .all, count: axis + 1)
            first[axis] = .range(start: 0, stop: k, step: 1)
            let positions = try order.subscripted(first).contiguous()
            let values = try v.takeAlong(positions, axis: axis)
            return Value(list: [BuiltinHelpers.result(values, differentiable: args.isVariable("x")), Value(positions)])
        },
        Builtin("searchsorted", [.init("a", .tensor, doc: "a sorted 1-D tensor"),
                                 .init("v", .tensor, doc: "the values to place"),
                                 .init("side", .string, default: Value("left"), doc: "\"left\": the first suitable position; \"right\": the last")],
                doc: "Where each of v would go in the sorted a to keep it sorted (NumPy's searchsorted, binary search).",
                example: "searchsorted([1, 2, 2, 3], [2, 5])") { args, _ in
            let side = try args.string("side")
            guard side == "left" || side == "right" else {
                throw args.error("side", "searchsorted() side must be \"left\" or \"right\", got \"\(side)\"", kind: .value)
            }
            return Operators.wrap(try args.tensor("a").searchSorted(try args.tensor("v"), right: side == "right"))
        },
    ])
}

/// x and its axis for sort/argsort: the flattened tensor when axis is nothing.
private func alongAxis(_ args: Arguments) throws -> (Variable, Int) {
    let v = try args.variable("x")
    if case .nothing = args["axis"] { return (try v.reshape([-1]), 0) }
    let axis = try args.int("axis")
    if v.rank == 0 { return (v, 0) }
    do { return (v, try Shape.normalizeAxis(axis, rank: v.rank)) } catch let e as TensorError {
        throw args.error("axis", "\(args.builtin.name)(): \(e)", kind: .value)
    }
}

/// unique(): sorted distinct values; nan compares unequal to itself but counts once (NumPy 2).
private func unique(_ args: Arguments) throws -> Value {
    let flat = try args.tensor("x").reshape([-1])
    let values = flat.scalars
    let order = try flat.argsort(axis: 0).scalars.map { Int($0) }
    var distinct: [Double] = [], first: [Double] = [], counts: [Double] = []
    var inverse = [Double](repeating: 0, count: values.count)
    for position in order {
        let x = values[position]
        if let last = distinct.last, last == x || (last.isNaN && x.isNaN) {
            counts[counts.count - 1] += 1
        } else {
            distinct.append(x); first.append(Double(position)); counts.append(1)
        }
        inverse[position] = Double(distinct.count - 1)
    }
    var results: [Value] = [Value(Tensor(distinct))]
    if try args.bool("return_index") { results.append(Value(Tensor(first))) }
    if try args.bool("return_inverse") { results.append(Value(Tensor(inverse))) }
    if try args.bool("return_counts") { results.append(Value(Tensor(counts))) }
    return results.count == 1 ? results[0] : Value(list: results)
}
