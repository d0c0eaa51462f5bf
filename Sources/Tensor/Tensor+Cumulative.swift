/// Running sums and products along an axis (NumPy's `cumsum`, `cumprod`).
extension Tensor {
    /// The running sum along `axis` (negative counts from the end); same shape as the input.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func cumulativeSum(axis: Int) throws -> Tensor {
        try scan(axis: axis) { $0 + $1 }
    }

    /// The running product along `axis` (negative counts from the end); same shape as the input.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func cumulativeProduct(axis: Int) throws -> Tensor {
        try scan(axis: axis) { $0 * $1 }
    }

    /// Combines each slice along `axis` into the next one. Whole slices at a time,
    /// so the inner loop runs along memory (and vectorises) for every axis but the last.
    @inline(__always)
    private func scan(axis: Int, _ combine: (Double, Double) -> Double) throws -> Tensor {
        let ax = try Shape.normalizeAxis(axis, rank: Swift.max(rank, 1))
        if rank == 0 { return self }
        let source = contiguous()
        let n = shape[ax]
        let inner = shape[(ax + 1)...].reduce(1, *)
        let outer = shape[..<ax].reduce(1, *)
        let total = count
        return try Tensor(shape: shape) { out in
            guard total > 0, let po = out.baseAddress else { return }
            let ps = source.storage.base + source.offset
            if inner == 1 && n > 0 {
                // Along memory each lane is one chain of dependent adds; four lanes at
                // a time give the core four independent chains to overlap. The order of
                // operations within a lane is unchanged.
                var o = 0
                while o + 4 <= outer {
                    let s0 = ps + o * n, s1 = s0 + n, s2 = s1 + n, s3 = s2 + n
                    let d0 = po + o * n, d1 = d0 + n, d2 = d1 + n, d3 = d2 + n
                    var a0 = s0[0], a1 = s1[0], a2 = s2[0], a3 = s3[0]
                    d0[0] = a0; d1[0] = a1; d2[0] = a2; d3[0] = a3
                    for i in 1..<n {
                        a0 = combine(a0, s0[i]); a1 = combine(a1, s1[i]); a2 = combine(a2, s2[i]); a3 = combine(a3, s3[i])
                        d0[i] = a0; d1[i] = a1; d2[i] = a2; d3[i] = a3
                    }
                    o += 4
                }
                while o < outer {
                    let src = ps + o * n, dst = po + o * n
                    var acc = src[0]
                    dst[0] = acc
                    for i in 1..<n { acc = combine(acc, src[i]); dst[i] = acc }
                    o += 1
                }
                withExtendedLifetime(source) {}
                return
            }
            po.update(from: ps, count: total)
            for o in 0..<outer {
                let lane = po + o * n * inner
                for i in 1..<Swift.max(n, 1) {
                    let previous = lane + (i - 1) * inner, current = lane + i * inner
                    for j in 0..<inner { current[j] = combine(previous[j], current[j]) }
                }
            }
            withExtendedLifetime(source) {}
        }
    }
}
