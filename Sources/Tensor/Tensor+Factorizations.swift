import CBLAS

/// QR, Cholesky and the general eigenproblem through LAPACKE; each names the
/// matrix's shape when it refuses one.
extension Tensor {
    /// Reduced QR `A = Q R` of an m×n matrix (`dgeqrf` + `dorgqr`): Q is m×k with
    /// orthonormal columns, R is k×n upper triangular, k = min(m, n) (NumPy's
    /// `qr(a, mode="reduced")`, signs as LAPACK gives them).
    /// - Throws: `invalidShape` unless rank 2, `invalidArgument` for nan/inf.
    public func qr() throws -> (q: Tensor, r: Tensor) {
        guard rank == 2 else { throw TensorError.invalidShape("qr needs a matrix, got shape \(formatShape(shape))") }
        let m = shape[0], n = shape[1], k = Swift.min(m, n)
        var a = contiguous().copied()
        if k == 0 { return (try Tensor.zeros([m, k]), try Tensor.zeros([k, n])) }
        var tau = [Double](repeating: 0, count: k)
        var r = try Tensor.zeros([k, n])
        var q = try Tensor.zeros([m, k])
        try a.withMutableElements { pa in
            try tau.withUnsafeMutableBufferPointer { pt in
                try Tensor.check(LAPACKE_dgeqrf(LAPACK.rowMajor, Int32(m), Int32(n), pa.baseAddress!, Int32(n), pt.baseAddress!), op: "qr") // safe: k > 0
                r.withMutableElements { pr in
                    for i in 0..<k { for j in i..<n { pr[i * n + j] = pa[i * n + j] } }
                }
                q.withMutableElements { pq in
                    for i in 0..<m { for j in 0..<k { pq[i * k + j] = pa[i * n + j] } }
                    _ = LAPACKE_dorgqr(LAPACK.rowMajor, Int32(m), Int32(k), Int32(k), pq.baseAddress!, Int32(k), pt.baseAddress!) // safe: k > 0
                }
            }
        }
        return (q, r)
    }

    /// The lower-triangular L with `A = L Lᵀ` of a symmetric positive-definite matrix
    /// (`dpotrf`, reading the lower triangle, as NumPy's `cholesky`).
    /// - Throws: `notSquare`, `invalidArgument` naming the shape when A is not
    ///   positive definite or holds nan/inf.
    public func cholesky() throws -> Tensor {
        let n = try squareSize(op: "cholesky")
        var a = contiguous().copied()
        if n == 0 { return a }
        let info = a.withMutableElements { LAPACKE_dpotrf(LAPACK.rowMajor, LAPACK.char("L"), Int32(n), $0.baseAddress!, Int32(n)) } // safe: n > 0
        if info > 0 {
            throw TensorError.invalidArgument("cholesky: the \(formatShape(shape)) matrix is not positive definite (leading minor \(info) is not positive)")
        }
        try Tensor.check(info, op: "cholesky")
        a.withMutableElements { p in
            for i in 0..<n { for j in (i + 1)..<Swift.max(n, i + 1) { p[i * n + j] = 0 } }
        }
        return a
    }

    /// Eigenvalues and right eigenvectors (unit columns) of a general square matrix
    /// (`dgeev`), when every eigenvalue is real; NumPy's `eig` without complex results.
    /// - Throws: `notSquare`; `invalidArgument` naming the shape and a complex pair
    ///   when there is one; `didNotConverge`.
    public func eig() throws -> (values: Tensor, vectors: Tensor) {
        let n = try squareSize(op: "eig")
        var a = contiguous().copied()
        if n == 0 { return (try Tensor.zeros([0]), a) }
        var wr = [Double](repeating: 0, count: n), wi = [Double](repeating: 0, count: n)
        var vr = try Tensor.zeros([n, n])
        var unused = 0.0
        let info = a.withMutableElements { pa in
            vr.withMutableElements { pv in
                LAPACKE_dgeev(LAPACK.rowMajor, LAPACK.char("N"), LAPACK.char("V"), Int32(n), pa.baseAddress!, Int32(n), // safe: n > 0
                              &wr, &wi, &unused, 1, pv.baseAddress!, Int32(n)) // safe: n > 0
            }
        }
        if info > 0 { throw TensorError.didNotConverge(op: "eig") }
        try Tensor.check(info, op: "eig")
        if let i = wi.indices.first(where: { wi[$0] != 0 }) {
            throw TensorError.invalidArgument("eig: the \(formatShape(shape)) matrix has complex eigenvalues (\(wr[i]) ± \(Swift.abs(wi[i]))i), which a real tensor cannot hold; a symmetric matrix has real ones (eigh)")
        }
        return (Tensor(wr), vr)
    }
}
