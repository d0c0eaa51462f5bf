extension Tensor {
    /// Matrix product with NumPy's `@` rules for ranks 1 and 2: vector·vector is a
    /// scalar, matrix·vector a vector, vector·matrix a vector, matrix·matrix a matrix.
    /// - Throws: `shapeMismatch` when the inner sizes differ, `invalidShape` for rank > 2.
    public func matmul(_ other: Tensor) throws -> Tensor {
        guard rank >= 1, rank <= 2, other.rank >= 1, other.rank <= 2 else {
            throw TensorError.invalidShape("@ needs tensors of rank 1 or 2, got shapes \(formatShape(shape)) and \(formatShape(other.shape))")
        }
        let m = rank == 2 ? shape[0] : 1
        let k = shape[rank - 1]
        let n = other.rank == 2 ? other.shape[1] : 1
        guard k == other.shape[0] else { throw TensorError.shapeMismatch(op: "@", lhs: shape, rhs: other.shape) }
        var outShape: [Int] = []
        if rank == 2 { outShape.append(m) }
        if other.rank == 2 { outShape.append(n) }
        let count = try Shape.validate(outShape)
        let out = try TensorStorage(uninitializedCount: count)
        if count == 0 { return Tensor(storage: out, shape: outShape) }
        // Zeroed first: a recycled buffer may hold nan, and some OpenBLAS versions
        // scale the output by beta = 0 (nan · 0 = nan) instead of overwriting it.
        out.base.initialize(repeating: 0, count: count)
        if k == 0 { return Tensor(storage: out, shape: outShape) }
        let a = blasOperand(), b = other.blasOperand()
        let pa = a.tensor.storage.base + a.tensor.offset, pb = b.tensor.storage.base + b.tensor.offset
        if rank == 1 && other.rank == 1 {
            out.base[0] = BLAS.dot(pa, pb, n: k)
        } else if other.rank == 1 {
            // A (m×k) · x: a transposed view is its k×m storage read transposed.
            if a.transposed { BLAS.gemv(pa, pb, out.base, m: k, n: m, trans: true) }
            else { BLAS.gemv(pa, pb, out.base, m: m, n: k) }
        } else if rank == 1 {
            // xᵀ B (k×n) = (Bᵀ x)ᵀ.
            if b.transposed { BLAS.gemv(pb, pa, out.base, m: n, n: k) }
            else { BLAS.gemv(pb, pa, out.base, m: k, n: n, trans: true) }
        } else {
            BLAS.gemm(pa, pb, out.base, m: m, n: n, k: k, transA: a.transposed, transB: b.transposed)
        }
        return withExtendedLifetime((a, b)) { Tensor(storage: out, shape: outShape) }
    }

    /// A BLAS-ready form: contiguous as it is, the transpose of a contiguous matrix
    /// read with BLAS's transpose flag (no copy), else a contiguous copy.
    func blasOperand() -> (tensor: Tensor, transposed: Bool) {
        if isContiguous { return (self, false) }
        if rank == 2, strides[0] == 1, strides[1] == shape[0] { return (self, true) }
        return (contiguous(), false)
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
        try flatten().outerOfVectors(other.flatten())
    }
}
