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
}
