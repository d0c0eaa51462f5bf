/// NumPy's samplers (`randint`, `uniform`, `normal`, `choice`, `permutation`)
/// drawn from a `RandomGenerator`; each consumes the generator exactly as
/// `docs/random.md` describes, so a seed fixes the result on every machine.
extension Tensor {
    /// Integers uniform in `low..<high`, one `nextInt(below: high - low)` per element, row-major.
    /// - Throws: `invalidArgument` when `low >= high`; `invalidShape` or
    ///   `allocationTooLarge` for a bad shape.
    public static func randint(_ low: Int, _ high: Int, shape: [Int], using generator: RandomGenerator) throws -> Tensor {
        guard low < high else { throw TensorError.invalidArgument("randint needs low < high, got low=\(low), high=\(high)") }
        let (span, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow else { throw TensorError.invalidArgument("randint: high - low is too large") }
        return try Tensor(shape: shape) { p in
            for i in 0..<p.count { p[i] = Double(low + generator.nextInt(below: span)) }
        }
    }

    /// Draws `count` indices of `0..<n`: with replacement uniformly or by the
    /// weights `p`, without replacement by a partial Fisher–Yates (uniform) or by
    /// sequential weighted draws (`p`). The algorithms are in `docs/random.md`.
    /// - Throws: `invalidArgument` for a population of 0 with draws to make, more
    ///   draws than population (or than nonzero weights) without replacement, or
    ///   weights that are negative, not finite, of the wrong length or not summing to 1.
    public static func choiceIndices(_ n: Int, count: Int, replace: Bool, p: [Double]?,
                                     using generator: RandomGenerator) throws -> [Int] {
        guard n >= 0 else { throw TensorError.invalidArgument("choice needs a population of at least 0, got \(n)") }
        guard count <= Tensor.allocationLimit else {
            throw TensorError.allocationTooLarge(elements: count, limit: Tensor.allocationLimit)
        }
        if count == 0 { return [] }
        guard n > 0 else { throw TensorError.invalidArgument("choice: cannot take a sample from an empty population") }
        if let p {
            guard p.count == n else {
                throw TensorError.invalidArgument("choice: p has \(p.count) probabilities for a population of \(n)")
            }
            var total = 0.0
            for w in p {
                guard w.isFinite, w >= 0 else { throw TensorError.invalidArgument("choice: probabilities must be finite and ≥ 0, got \(w)") }
                total += w
            }
            // NumPy's tolerance on the sum.
            guard Swift.abs(total - 1) <= Double(n).squareRoot() * 1e-8 else {
                throw TensorError.invalidArgument("choice: probabilities must sum to 1, they sum to \(total)")
            }
        }
        if replace {
            guard let p else { return (0..<count).map { _ in generator.nextInt(below: n) } }
            var cdf = [Double](repeating: 0, count: n)
            var running = 0.0
            for i in 0..<n { running += p[i]; cdf[i] = running }
            return (0..<count).map { _ in Tensor.firstAbove(cdf, generator.nextDouble() * running) }
        }
        guard count <= n else {
            throw TensorError.invalidArgument("choice: cannot take \(count) samples from a population of \(n) without replacement")
        }
        guard var weights = p else {
            var pool = Array(0..<n)
            for i in 0..<count { pool.swapAt(i, i + generator.nextInt(below: n - i)) }
            return Array(pool[0..<count])
        }
        let nonzero = weights.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        guard count <= nonzero else {
            throw TensorError.invalidArgument("choice: only \(nonzero) of the probabilities are nonzero, too few for \(count) samples without replacement")
        }
        var out: [Int] = []
        out.reserveCapacity(count)
        var cdf = [Double](repeating: 0, count: n)
        for _ in 0..<count {
            var running = 0.0
            for i in 0..<n { running += weights[i]; cdf[i] = running }
            var k = Tensor.firstAbove(cdf, generator.nextDouble() * running)
            // Rounding can land on a drawn element's flat step: take the next live one.
            while weights[k] == 0 { k = (k + 1) % n }
            out.append(k)
            weights[k] = 0
        }
        return out
    }

    /// The first index whose running total exceeds `u` (binary search), clamped to the last.
    static func firstAbove(_ cdf: [Double], _ u: Double) -> Int {
        var lo = 0, hi = cdf.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cdf[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The sub-tensors along axis 0 in the order `rows` gives (each in `0..<shape[0]`).
    /// - Throws: `invalidShape` for a rank-0 tensor, `indexOutOfRange` for a bad row.
    public func rows(_ rows: [Int]) throws -> Tensor {
        guard rank > 0 else { throw TensorError.invalidShape("cannot take rows of a number") }
        let n = shape[0]
        let inner = n == 0 ? 0 : count / n
        var outShape = shape
        outShape[0] = rows.count
        let source = contiguous()
        return try Tensor(shape: outShape) { out in
            try source.withContiguousElements { src in
                for (i, r) in rows.enumerated() {
                    guard r >= 0, r < n else { throw TensorError.indexOutOfRange(index: r, axis: 0, size: n) }
                    guard inner > 0 else { continue }
                    (out.baseAddress! + i * inner).update(from: src.baseAddress! + r * inner, count: inner) // safe: inner > 0
                }
            }
        }
    }
}
