import Tensor

extension Variable {
    /// The running sum along `axis` (negative counts from the end).
    /// - Throws: `invalidArgument` for an axis out of range.
    public func cumulativeSum(axis: Int) throws -> Variable {
        let value = try self.value.cumulativeSum(axis: axis)
        let ax = try Shape.normalizeAxis(axis, rank: Swift.max(rank, 1))
        return Variable.make(value, .cumulativeSum(axis: rank == 0 ? 0 : ax), [self])
    }

    /// The running product along `axis` (negative counts from the end). Its gradient
    /// divides by the elements, so it is not available where an element is 0.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func cumulativeProduct(axis: Int) throws -> Variable {
        let value = try self.value.cumulativeProduct(axis: axis)
        let ax = try Shape.normalizeAxis(axis, rank: Swift.max(rank, 1))
        return Variable.make(value, .cumulativeProduct(axis: rank == 0 ? 0 : ax), [self])
    }

    /// The elements in reverse order along `axis` (already normalised), a view whose
    /// gradient is the same reversal.
    func reversed(axis: Int) throws -> Variable {
        guard axis < rank else { return self }
        var indices = [TensorIndex](repeating: .all, count: rank)
        indices[axis] = .range(start: nil, stop: nil, step: -1)
        return try subscripted(indices)
    }
}
