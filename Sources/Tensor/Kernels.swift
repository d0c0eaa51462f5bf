/// Tight loops over contiguous buffers, kept concrete (`Double`) so they are
/// specialised and vectorised wherever they are called from.
enum Kernels {
    /// Sum of `n` contiguous elements with eight independent accumulators: the
    /// adds pipeline and vectorise (a single running sum cannot be reordered), and
    /// the rounding error grows more slowly than a serial sum's.
    @inline(__always)
    static func sum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        var a0 = SIMD4<Double>(), a1 = SIMD4<Double>()
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            a0 += raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self)
            a1 += raw.loadUnaligned(fromByteOffset: (i + 4) * 8, as: SIMD4<Double>.self)
            i += 8
        }
        var total = (a0 + a1).sum()
        while i < n { total += p[i]; i += 1 }
        return total
    }

    /// Σ (x - center)² over `n` contiguous elements, with the same eight accumulators.
    @inline(__always)
    static func sumOfSquares(_ p: UnsafePointer<Double>, _ n: Int, center: Double = 0) -> Double {
        var a0 = SIMD4<Double>(), a1 = SIMD4<Double>()
        let c = SIMD4<Double>(repeating: center)
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 8 <= n {
            let d0 = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD4<Double>.self) - c
            let d1 = raw.loadUnaligned(fromByteOffset: (i + 4) * 8, as: SIMD4<Double>.self) - c
            a0 += d0 * d0
            a1 += d1 * d1
            i += 8
        }
        var total = (a0 + a1).sum()
        while i < n { let d = p[i] - center; total += d * d; i += 1 }
        return total
    }
}
