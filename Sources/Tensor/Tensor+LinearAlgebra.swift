extension Tensor {
    /// Matrix product with NumPy's `@` rules for ranks 1 and 2: vector·vector is a
    /// scalar, matrix·vector a vector, vector·matrix a vector, matrix·matrix a matrix.
    /// - Throws: `shapeMismatch` when the inner sizes differ, `invalidShape` for rank > 2.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let a = self.contiguous(), b = other.contiguous()
        guard a.rank >= 1, a.rank <= 2, b.rank >= 1, b.rank <= 2 else {
            throw TensorError.invalidShape("@ needs tensors of rank 1 or 2, got shapes \(formatShape(shape)) and \(formatShape(other.shape))")
        }
        let m = a.rank == 2 ? a.shape[0] : 1
        let k = a.shape[a.rank - 1]
        let kb = b.shape[0]
        let n = b.rank == 2 ? b.shape[1] : 1
        guard k == kb else { throw TensorError.shapeMismatch(op: "@", lhs: shape, rhs: other.shape) }
        var outShape: [Int] = []
        if a.rank == 2 { outShape.append(m) }
        if b.rank == 2 { outShape.append(n) }
        let count = try Shape.validate(outShape)
        let out = try TensorStorage(uninitializedCount: count)
        let pa = a.storage.base + a.offset, pb = b.storage.base + b.offset
        if k == 0 {
            out.base.initialize(repeating: 0, count: count)
        } else if a.rank == 1 && b.rank == 1 {
            out.base[0] = BLAS.dot(pa, pb, n: k)
        } else if b.rank == 1 {
            BLAS.gemv(pa, pb, out.base, m: m, n: k)
        } else if a.rank == 1 {
            BLAS.gemv(pb, pa, out.base, m: k, n: n, trans: true)
        } else {
            BLAS.gemm(pa, pb, out.base, m: m, n: n, k: k)
        }
        return withExtendedLifetime((a, b)) { Tensor(storage: out, shape: outShape) }
    }
}

extension Tensor {
    /// NumPy's `dot` for ranks 1 and 2: the inner product of vectors, else `matmul`.
    /// - Throws: as `matmul(_:)`.
    public func dot(_ other: Tensor) throws -> Tensor {
        try matmul(other)
    }

    /// The outer product `u vᵀ` of the flattened operands: shape `(u.count, v.count)`.
    /// - Throws: `allocationTooLarge` when the result is too big.
    public func outer(_ other: Tensor) throws -> Tensor {
        let u = flatten(), v = other.flatten()
        return try u.reshape([u.count, 1]).binary(.multiply, v.reshape([1, v.count]))
    }
}
