import Tensor

extension Variable {
    /// The same elements under another shape (row-major); one `-1` is inferred.
    /// - Throws: `invalidShape` when the element counts differ.
    public func reshape(_ shape: [Int]) throws -> Variable {
        let value = try self.value.reshape(shape)
        if value.shape == self.shape { return self }
        return Variable.make(value, .reshape, [self])
    }

    /// The elements as a 1-D tensor.
    public func flatten() throws -> Variable { try reshape([-1]) }

    /// The axes reversed (the matrix transpose for rank 2).
    public func transposed() throws -> Variable {
        if rank < 2 { return self }
        return try permuted(Array((0..<rank).reversed()))
    }

    /// The axes reordered: output axis `i` is input axis `permutation[i]`.
    /// - Throws: `invalidArgument` when `permutation` is not one of `0..<rank`.
    public func permuted(_ permutation: [Int]) throws -> Variable {
        if permutation == Array(0..<rank) { return self }
        return Variable.make(try value.permuted(permutation), .permute(permutation), [self])
    }

    /// Stretched to `shape` by broadcasting; the gradient is summed back.
    public func broadcast(to shape: [Int]) throws -> Variable {
        if shape == self.shape { return self }
        return Variable.make(try value.broadcast(to: shape), .broadcast, [self])
    }

    /// Summed down to `shape`, the inverse of broadcasting.
    public func sumToShape(_ shape: [Int]) throws -> Variable {
        if shape == self.shape { return self }
        return Variable.make(try value.sumToShape(shape), .sumToShape, [self])
    }

    /// Elements `start..<start+length` along `axis`.
    func narrow(axis: Int, start: Int, length: Int) throws -> Variable {
        if start == 0 && length == shape[axis] { return self }
        var indices = [TensorIndex](repeating: .all, count: axis + 1)
        indices[axis] = .range(start: start, stop: start + length, step: 1)
        return Variable.make(try value.subscripted(indices), .narrow(axis: axis, start: start, length: length), [self])
    }

    /// The variables joined along `axis` (negative counts from the end).
    /// - Throws: `shapeMismatch` when the other sizes differ.
    public static func concat(_ parts: [Variable], axis: Int = 0) throws -> Variable {
        guard let first = parts.first else { throw TensorError.invalidArgument("concat needs at least one tensor") }
        let ax = try Shape.normalizeAxis(axis, rank: first.rank)
        if parts.count == 1 { return first }
        return make(try Tensor.concat(parts.map(\.value), axis: ax), .concat(axis: ax), parts)
    }

    /// The variables, all of one shape, stacked along a new axis `axis`.
    /// - Throws: `shapeMismatch` when the shapes differ.
    public static func stack(_ parts: [Variable], axis: Int = 0) throws -> Variable {
        guard let first = parts.first else { throw TensorError.invalidArgument("stack needs at least one tensor") }
        let ax = try Shape.normalizeAxis(axis, rank: first.rank + 1)
        var expanded = first.shape
        expanded.insert(1, at: ax)
        let pieces = try parts.map { part -> Variable in
            guard part.shape == first.shape else {
                throw TensorError.shapeMismatch(op: "stack", lhs: first.shape, rhs: part.shape)
            }
            return try part.reshape(expanded)
        }
        if pieces.count == 1 { return pieces[0] }
        return try concat(pieces, axis: ax)
    }
}

extension Variable {
    /// The part `indices` select (integers drop their axis, slices keep it); the
    /// gradient flows back into the selected elements only.
    /// - Throws: `indexOutOfRange`, `invalidArgument` for too many indices or a zero step.
    public func subscripted(_ indices: [TensorIndex]) throws -> Variable {
        Variable.make(try value.subscripted(indices), .subscripted(indices), [self])
    }

    /// Zeros of `shape` with the selection `indices` set to this variable.
    func scatter(_ indices: [TensorIndex], into shape: [Int]) throws -> Variable {
        var out = try Tensor(shape: shape, repeating: 0)
        try out.assign(indices, value)
        return Variable.make(out, .scatter(indices, shape: shape), [self])
    }
}

extension Variable {
    /// The elements an advanced subscript selects (see `Tensor.gatherPlan`); the gradient
    /// is scattered back with repeated positions summing.
    /// - Throws: what `Tensor.gathered` throws.
    public func gathered(_ plan: GatherPlan) throws -> Variable {
        Variable.make(try value.gathered(plan), .gather(plan), [self])
    }

    /// Zeros of `plan.sourceShape` with this variable added at the plan's positions.
    func scatterAdded(_ plan: GatherPlan) throws -> Variable {
        var out = try Tensor(shape: plan.sourceShape, repeating: 0)
        try out.scatter(plan, value, accumulate: true)
        return Variable.make(out, .scatterAdd(plan), [self])
    }
}
