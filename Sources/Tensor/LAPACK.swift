import CBLAS

/// LAPACKE calls on row-major contiguous copies. Each function takes ownership of
/// the buffers it is given and returns LAPACK's `info` code.
enum LAPACK {
    static let rowMajor = Int32(LAPACK_ROW_MAJOR)

    static func char(_ c: Unicode.Scalar) -> CChar { CChar(UInt8(ascii: c)) }

    /// LU factorisation in place; `pivots` gets `min(m, n)` 1-based row swaps.
    static func getrf(_ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafeMutablePointer<Int32>) -> Int32 {
        LAPACKE_dgetrf(rowMajor, Int32(n), Int32(n), a, Int32(n), pivots)
    }

    /// Inverse from an LU factorisation, in place.
    static func getri(_ a: UnsafeMutablePointer<Double>, n: Int, pivots: UnsafePointer<Int32>) -> Int32 {
        LAPACKE_dgetri(rowMajor, Int32(n), a, Int32(n), pivots)
    }

    /// Solves A X = B for `nrhs` right-hand sides; X overwrites B.
    static func gesv(_ a: UnsafeMutablePointer<Double>, n: Int, _ b: UnsafeMutablePointer<Double>, nrhs: Int,
                     pivots: UnsafeMutablePointer<Int32>) -> Int32 {
        LAPACKE_dgesv(rowMajor, Int32(n), Int32(nrhs), a, Int32(n), pivots, b, Int32(nrhs))
    }

    /// Eigenvalues (ascending) into `w` and eigenvectors (columns) into `a` of a symmetric matrix,
    /// reading its lower triangle.
    static func syevd(_ a: UnsafeMutablePointer<Double>, n: Int, _ w: UnsafeMutablePointer<Double>) -> Int32 {
        LAPACKE_dsyevd(rowMajor, char("V"), char("L"), Int32(n), a, Int32(n), w)
    }

    /// Thin SVD by divide and conquer: U (m×k), s (k), Vᵀ (k×n) with k = min(m, n).
    static func gesdd(_ a: UnsafeMutablePointer<Double>, m: Int, n: Int, s: UnsafeMutablePointer<Double>,
                      u: UnsafeMutablePointer<Double>, vt: UnsafeMutablePointer<Double>) -> Int32 {
        let k = Swift.min(m, n)
        return LAPACKE_dgesdd(rowMajor, char("S"), Int32(m), Int32(n), a, Int32(n), s, u, Int32(k), vt, Int32(n))
    }

    /// Minimum-norm least squares by SVD; `b` is max(m, n)×nrhs and receives X in its first n rows.
    static func gelsd(_ a: UnsafeMutablePointer<Double>, m: Int, n: Int, _ b: UnsafeMutablePointer<Double>, nrhs: Int,
                      s: UnsafeMutablePointer<Double>, rank: inout Int32) -> Int32 {
        LAPACKE_dgelsd(rowMajor, Int32(m), Int32(n), Int32(nrhs), a, Int32(n), b, Int32(nrhs), s, -1, &rank)
    }
}
