import Tensor

extension Variable {
    /// Sum of all elements (rank 0).
    public func sum() -> Variable {
        Variable.make(value.sum(), .sum(axis: nil, keepDims: false), [self])
    }

    /// Sum along `axis` (negative counts from the end); `keepDims` keeps it as size 1.
    public func sum(axis: Int, keepDims: Bool = false) throws -> Variable {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank == 0 { return self }
        return Variable.make(try value.sum(axis: ax, keepDims: keepDims), .sum(axis: ax, keepDims: keepDims), [self])
    }

    /// Mean of all elements (NaN for an empty tensor, as NumPy).
    public func mean() throws -> Variable { try sum() / Double(count) }

    /// Mean along `axis`.
    public func mean(axis: Int, keepDims: Bool = false) throws -> Variable {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank == 0 { return self }
        return try sum(axis: ax, keepDims: keepDims) / Double(shape[ax])
    }

    /// Largest element; the gradient goes to the first largest element.
    /// - Throws: `invalidArgument` for an empty tensor.
    public func max() throws -> Variable { try extremum(max: true, axis: nil, keepDims: false) }
    /// Smallest element; the gradient goes to the first smallest element.
    public func min() throws -> Variable { try extremum(max: false, axis: nil, keepDims: false) }
    /// Largest element along `axis`; the gradient goes to the first largest of each lane.
    public func max(axis: Int, keepDims: Bool = false) throws -> Variable {
        try extremum(max: true, axis: axis, keepDims: keepDims)
    }
    /// Smallest element along `axis`; the gradient goes to the first smallest of each lane.
    public func min(axis: Int, keepDims: Bool = false) throws -> Variable {
        try extremum(max: false, axis: axis, keepDims: keepDims)
    }

    func extremum(max: Bool, axis: Int?, keepDims: Bool) throws -> Variable {
        let ax = try axis.map { try Shape.normalizeAxis($0, rank: rank) }
        let value = try GraphKernels.extremum(self.value, max: max, axis: ax, keepDims: keepDims).value
        return Variable.make(value, .extremum(max: max, axis: ax, keepDims: keepDims), [self])
    }

    /// Variance of all elements (`ddof` 0: population, 1: sample); built from
    /// primitives, so exact at any order.
    public func variance(ddof: Int = 0) throws -> Variable {
        let centred = try self - mean()
        return try (centred * centred).sum() / Double(count - ddof)
    }

    /// Variance along `axis`.
    public func variance(axis: Int, keepDims: Bool = false, ddof: Int = 0) throws -> Variable {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank == 0 { return try variance(ddof: ddof) }
        let centred = try self - mean(axis: ax, keepDims: true)
        return try (centred * centred).sum(axis: ax, keepDims: keepDims) / Double(shape[ax] - ddof)
    }

    /// Standard deviation of all elements (its gradient is infinite where it is 0).
    public func std(ddof: Int = 0) throws -> Variable { try variance(ddof: ddof).sqrt() }

    /// Standard deviation along `axis`.
    public func std(axis: Int, keepDims: Bool = false, ddof: Int = 0) throws -> Variable {
        try variance(axis: axis, keepDims: keepDims, ddof: ddof).sqrt()
    }

    /// Euclidean (Frobenius) norm of all elements; its gradient at 0 is NaN.
    public func norm() throws -> Variable { (try (self * self).sum()).sqrt() }

    /// Euclidean norm along `axis`.
    public func norm(axis: Int, keepDims: Bool = false) throws -> Variable {
        (try (self * self).sum(axis: axis, keepDims: keepDims)).sqrt()
    }

    /// `exp(x) / sum(exp(x))` along `axis`, shifted by the (constant) maximum so it
    /// never overflows; the shift cancels exactly, so derivatives are exact.
    public func softmax(axis: Int = -1) throws -> Variable {
        let e = try (self - shiftForSoftmax(axis)).exp()
        return try e / e.sum(axis: axis, keepDims: true)
    }

    /// `x - log(sum(exp(x)))` along `axis`, computed stably.
    public func logSoftmax(axis: Int = -1) throws -> Variable {
        let shifted = try self - shiftForSoftmax(axis)
        return try shifted - shifted.exp().sum(axis: axis, keepDims: true).log()
    }

    /// The lane maxima as a constant (keepDims), or 0 where a lane is all -inf/NaN.
    private func shiftForSoftmax(_ axis: Int) throws -> Variable {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank == 0 { return Variable(value) }
        var m = try GraphKernels.extremum(value, max: true, axis: ax, keepDims: true).value
        m.withMutableElements { p in for i in p.indices where !p[i].isFinite { p[i] = 0 } }
        return Variable(m)
    }
}
