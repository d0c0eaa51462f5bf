extension Tensor {
    /// The inverse of a square matrix (LU with partial pivoting, LAPACK `dgetrf`/`dgetri`).
    /// - Throws: `notSquare`, `singularMatrix` when a pivot is exactly zero,
    ///   `invalidArgument` for `nan`/`inf` entries.
    public func inverse() throws -> Tensor {
        let n = try squareSize(op: "inv")
        var a = contiguous().copied()
        if n == 0 { return a }
        var pivots = [Int32](repeating: 0, count: n)
        try a.withMutableElements { p in
            try pivots.withUnsafeMutableBufferPointer { piv in
                try Tensor.check(LAPACK.getrf(p.baseAddress!, n: n, pivots: piv.baseAddress!), op: "inv") // safe: n > 0
                try Tensor.check(LAPACK.getri(p.baseAddress!, n: n, pivots: piv.baseAddress!), op: "inv") // safe: n > 0
            }
        }
        return a
    }

    /// `x` with `A x = b` for square `A` (`dgesv`); `b` is a vector (n) or a matrix (n×k).
    /// - Throws: `notSquare`, `shapeMismatch` when `b` has the wrong number of rows,
    ///   `singularMatrix`, `invalidArgument` for `nan`/`inf` entries.
    public func solve(_ b: Tensor) throws -> Tensor {
        let n = try squareSize(op: "solve")
        guard (b.rank == 1 || b.rank == 2), b.shape[0] == n else {
            throw TensorError.shapeMismatch(op: "solve", lhs: shape, rhs: b.shape)
        }
        let nrhs = b.rank == 1 ? 1 : b.shape[1]
        var a = contiguous().copied()
        var x = b.contiguous().copied()
        if n == 0 || nrhs == 0 { return x }
        var pivots = [Int32](repeating: 0, count: n)
        try a.withMutableElements { pa in
            try x.withMutableElements { px in
                try pivots.withUnsafeMutableBufferPointer { piv in
                    try Tensor.check(LAPACK.gesv(pa.baseAddress!, n: n, px.baseAddress!, nrhs: nrhs, // safe: n, nrhs > 0
                                                 pivots: piv.baseAddress!), op: "solve") // safe: n > 0
                }
            }
        }
        return x
    }

    /// The determinant of a square matrix, as a rank-0 tensor: the product of the LU
    /// diagonal, negated once per row swap. A singular matrix gives 0, not an error.
    /// - Throws: `notSquare`, `invalidArgument` for `nan`/`inf` entries.
    public func determinant() throws -> Tensor {
        let n = try squareSize(op: "det")
        if n == 0 { return Tensor(1) }
        var a = contiguous().copied()
        var pivots = [Int32](repeating: 0, count: n)
        let info = a.withMutableElements { p in
            pivots.withUnsafeMutableBufferPointer { LAPACK.getrf(p.baseAddress!, n: n, pivots: $0.baseAddress!) } // safe: n > 0
        }
        if info > 0 { return Tensor(0) }
        try Tensor.check(info, op: "det")
        var det = 1.0
        a.withMutableElements { p in
            for i in 0..<n {
                det *= p[i * n + i]
                if pivots[i] != Int32(i + 1) { det = -det }
            }
        }
        return Tensor(det)
    }

    /// Eigenvalues (ascending) and orthonormal eigenvectors (the columns of `vectors`)
    /// of a symmetric matrix, so `A = V diag(values) Vᵀ` (`dsyevd`; only the lower
    /// triangle is read, as NumPy's `eigh`).
    /// - Throws: `notSquare`, `didNotConverge`, `invalidArgument` for `nan`/`inf` entries.
    public func eigh() throws -> (values: Tensor, vectors: Tensor) {
        let n = try squareSize(op: "eigh")
        var a = contiguous().copied()
        var w = try Tensor.zeros([n])
        if n == 0 { return (w, a) }
        try a.withMutableElements { pa in
            try w.withMutableElements { pw in
                try Tensor.check(LAPACK.syevd(pa.baseAddress!, n: n, pw.baseAddress!), op: "eigh") // safe: n > 0
            }
        }
        return (w, a)
    }

    /// Thin singular value decomposition `A = U diag(s) Vᵀ` of an m×n matrix (`dgesdd`):
    /// `u` is m×k, `s` has k values in descending order, `vt` is k×n, k = min(m, n).
    /// (NumPy's `svd(a, full_matrices=False)`.)
    /// - Throws: `invalidShape` unless rank 2, `didNotConverge`, `invalidArgument` for `nan`/`inf`.
    public func svd() throws -> (u: Tensor, s: Tensor, vt: Tensor) {
        guard rank == 2 else {
            throw TensorError.invalidShape("svd needs a matrix, got shape \(formatShape(shape))")
        }
        let m = shape[0], n = shape[1], k = Swift.min(m, n)
        var a = contiguous().copied()
        var u = try Tensor.zeros([m, k]), s = try Tensor.zeros([k]), vt = try Tensor.zeros([k, n])
        if k == 0 { return (u, s, vt) }
        try a.withMutableElements { pa in
            try u.withMutableElements { pu in
                try s.withMutableElements { ps in
                    try vt.withMutableElements { pv in
                        try Tensor.check(LAPACK.gesdd(pa.baseAddress!, m: m, n: n, s: ps.baseAddress!, // safe: k > 0
                                                      u: pu.baseAddress!, vt: pv.baseAddress!), op: "svd") // safe: k > 0
                    }
                }
            }
        }
        return (u, s, vt)
    }

    /// Moore–Penrose pseudo-inverse `V diag(1/s) Uᵀ`, dropping singular values below
    /// `rtol · max(s)`; the default `rtol` is `max(m, n) · ε`, as NumPy 2's `pinv`.
    /// - Throws: what `svd()` throws.
    public func pinv(rtol: Double? = nil) throws -> Tensor {
        let (u, s, vt) = try svd()
        let m = shape[0], n = shape[1]
        let tolerance = (rtol ?? Double(Swift.max(m, n)) * Double.ulpOfOne) * ((try? s.max().scalar()) ?? 0)
        let inverted = s.mapElements { $0 > tolerance ? 1 / $0 : 0 }
        // V diag(1/s) Uᵀ = (Vᵀ)ᵀ · (diag(1/s) Uᵀ); scale Uᵀ's rows by broadcasting.
        let scaled = try u.transposed().binary(.multiply, inverted.reshape([inverted.count, 1]))
        return try vt.transposed().matmul(scaled)
    }

    /// The minimum-norm least-squares solution of `A x ≈ b` (`dgelsd`, SVD based, so a
    /// rank-deficient or wide `A` is fine); `b` is a vector (m) or a matrix (m×k).
    /// - Throws: `invalidShape` unless `A` is a matrix, `shapeMismatch` when `b` has the
    ///   wrong number of rows, `didNotConverge`, `invalidArgument` for `nan`/`inf`.
    public func lstsq(_ b: Tensor) throws -> Tensor {
        guard rank == 2 else {
            throw TensorError.invalidShape("lstsq needs a matrix, got shape \(formatShape(shape))")
        }
        let m = shape[0], n = shape[1]
        guard (b.rank == 1 || b.rank == 2), b.shape[0] == m else {
            throw TensorError.shapeMismatch(op: "lstsq", lhs: shape, rhs: b.shape)
        }
        let nrhs = b.rank == 1 ? 1 : b.shape[1]
        let rows = Swift.max(m, n)
        var outShape = [n]
        if b.rank == 2 { outShape.append(nrhs) }
        if m == 0 || n == 0 || nrhs == 0 { return try Tensor.zeros(outShape) }
        var a = contiguous().copied()
        // B is padded to max(m, n) rows: LAPACK writes the n-row solution into it.
        var x = try Tensor.zeros([rows, nrhs])
        b.withContiguousElements { src in
            x.withMutableElements { $0.baseAddress!.update(from: src.baseAddress!, count: m * nrhs) } // safe: m, nrhs > 0
        }
        var s = try Tensor.zeros([Swift.min(m, n)])
        var effectiveRank: Int32 = 0
        try a.withMutableElements { pa in
            try x.withMutableElements { px in
                try s.withMutableElements { ps in
                    try Tensor.check(LAPACK.gelsd(pa.baseAddress!, m: m, n: n, px.baseAddress!, nrhs: nrhs, // safe: m, n > 0
                                                  s: ps.baseAddress!, rank: &effectiveRank), op: "lstsq") // safe: m, n > 0
                }
            }
        }
        let solution = try x.subscripted([.range(start: 0, stop: n, step: nil)])
        return try solution.contiguous().reshape(outShape)
    }

    /// The size of a square matrix.
    /// - Throws: `invalidShape` unless rank 2, `notSquare` unless square.
    func squareSize(op: String) throws -> Int {
        guard rank == 2 else {
            throw TensorError.invalidShape("\(op) needs a matrix, got shape \(formatShape(shape))")
        }
        guard shape[0] == shape[1] else { throw TensorError.notSquare(op: op, shape: shape) }
        return shape[0]
    }

    /// A contiguous copy with its own storage (LAPACK overwrites its input).
    func copied() -> Tensor {
        let out = TensorStorage(checkedCount: count)
        copyElements(to: out.base)
        return Tensor(storage: out, shape: shape)
    }

    /// Maps LAPACK's `info` to a typed error: negative is a bad argument (LAPACKE's
    /// check reports `nan`/`inf` entries this way), positive a singular or unconverged result.
    static func check(_ info: Int32, op: String) throws {
        if info == 0 { return }
        if info < 0 { throw TensorError.invalidArgument("\(op): the matrix contains nan or inf (LAPACK argument \(-info))") }
        switch op {
        case "eigh", "svd", "lstsq": throw TensorError.didNotConverge(op: op)
        default: throw TensorError.singularMatrix(op: op)
        }
    }
}
