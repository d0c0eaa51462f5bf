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
            po.update(from: source.storage.base + source.offset, count: total)
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
