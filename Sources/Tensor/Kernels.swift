import CVectorMath

/// Tight loops over contiguous buffers. The reductions live in the C target
/// CVectorMath, which picks an AVX2 version at run time: Swift code is built for the
/// architecture's baseline so the binary runs on every CPU.
enum Kernels {
    /// Sum of `n` contiguous elements with eight independent accumulators: the
    /// adds pipeline and vectorise (a single running sum cannot be reordered), and
    /// the rounding error grows more slowly than a serial sum's. The order of the
    /// additions is fixed, so every CPU gives the same result.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        gb_sum(p, n)
    }

    /// Σ (x - center)² over `n` contiguous elements, with the same eight accumulators.
    @inline(__always)
    static func sumOfSquares(_ p: UnsafePointer<Double>, _ n: Int, center: Double = 0) -> Double {
        gb_sum_squares(p, n, center)
    }
}
