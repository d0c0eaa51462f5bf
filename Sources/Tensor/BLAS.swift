import CBLAS
import Glibc
import CVectorMath

/// Thin wrappers over the CBLAS calls the kernels use; all operands contiguous row-major.
enum BLAS {
    /// C (m×n) = A (m×k) · B (k×n).
    static func gemm(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
                     m: Int, n: Int, k: Int, transA: Bool = false, transB: Bool = false) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), 1.0, a, Int32(transA ? m : k), b, Int32(transB ? k : n),
                    0.0, c, Int32(n))
    }

    /// y (m) = A (m×n) · x (n).
    static func gemv(_ a: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>,
                     m: Int, n: Int, trans: Bool = false) {
        cblas_dgemv(CblasRowMajor, trans ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), 1.0, a, Int32(n),
                    x, 1, 0.0, y, 1)
    }

    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, n: Int) -> Double {
        cblas_ddot(Int32(n), x, 1, y, 1)
    }
}

/// OpenBLAS starts its worker threads as the library loads, and they spin about
/// 0.1 s of CPU waiting for work that a script of scalar code never gives them,
/// a whole core on a 2-core machine. Parking them at start-up costs nothing
/// later: the first BLAS call that wants threads starts them again.
public enum BLASThreads {
    /// Shuts the idle worker threads down. Call once, before any BLAS call and
    /// before starting other threads; does nothing with a BLAS that lacks the entry.
    public static func parkUntilNeeded() {
        // Looked up, not linked: the entry exists in the pthread build of OpenBLAS only.
        guard let symbol = dlsym(nil, "blas_thread_shutdown_") else { return }
        typealias Shutdown = @convention(c) () -> Int32
        _ = unsafeBitCast(symbol, to: Shutdown.self)()
    }
}

/// Which native kernels this process runs, for `gradbook --version` and bug reports:
/// results that go through BLAS round differently from one kernel family to another.
public enum NativeKernels {
    /// OpenBLAS's kernel family for this CPU (`Haswell`, `SkylakeX`, …; `OPENBLAS_CORETYPE`
    /// overrides it), or `unknown` for a BLAS that does not say.
    public static var blasCore: String {
        guard let symbol = dlsym(nil, "openblas_get_corename") else { return "unknown" }
        typealias CoreName = @convention(c) () -> UnsafePointer<CChar>?
        guard let name = unsafeBitCast(symbol, to: CoreName.self)() else { return "unknown" }
        return String(cString: name)
    }

    /// The elementwise kernels' path: `AVX2` (libmvec, four lanes), `AVX2+AVX-512`
    /// (atan, atan2 and log1p eight lanes at a time) or `scalar`.
    public static var vectorPath: String {
        gb_vector_math_accelerated() == 0 ? "scalar" : gb_vector_math_wide() != 0 ? "AVX2+AVX-512" : "AVX2"
    }
}
