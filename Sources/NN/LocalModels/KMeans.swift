import Tensor

/// The result of k-means: the centroids, each row's cluster and the fit.
public struct KMeansResult {
    /// The centroids, k × d.
    public var centroids: Tensor
    /// Each row's nearest centroid, 0..<k.
    public var labels: [Int]
    /// Σ of squared distances from each row to its centroid (scikit-learn's `inertia_`).
    public var inertia: Double
    /// Lloyd iterations run.
    public var iterations: Int
}

/// Clustering by nearest centroids.
public enum KMeans {
    /// k-means by Lloyd's algorithm from a k-means++ start (Arthur & Vassilvitskii 2007),
    /// drawn from `generator`: assign each row to its nearest centroid, move each centroid
    /// to its rows' mean, until no assignment changes or `maxIterations`. A centroid that
    /// loses all its rows stays where it is.
    /// `checkpoint` runs before each iteration; what it throws (an interruption) ends the fit.
    /// - Throws: `NNError.invalidArgument` unless X is n × d with 1 ≤ k ≤ n.
    public static func fit(_ x: Tensor, k: Int, maxIterations: Int = 100, using generator: RandomGenerator,
                           checkpoint: () throws -> Void = {}) throws -> KMeansResult {
        guard x.rank == 2, x.shape[0] >= 1 else {
            throw NNError.invalidArgument("kmeans needs X with one sample per row (n × d), got shape \(formatShape(x.shape))")
        }
        let n = x.shape[0], d = x.shape[1]
        guard k >= 1, k <= n else { throw NNError.invalidArgument("kmeans needs 1 <= k <= \(n) (the rows of X), got k = \(k)") }
        guard maxIterations >= 1 else { throw NNError.invalidArgument("kmeans needs iters >= 1, got \(maxIterations)") }
        let xs = x.scalars
        var centroids = [Double](repeating: 0, count: k * d)
        // k-means++: each next centre is drawn with probability ∝ squared distance to the nearest chosen one.
        let first = generator.nextInt(below: n)
        for j in 0..<d { centroids[j] = xs[first * d + j] }
        var nearest = [Double](repeating: .infinity, count: n)
        for c in 1..<k {
            var total = 0.0
            for i in 0..<n {
                var s = 0.0
                for j in 0..<d { let t = xs[i * d + j] - centroids[(c - 1) * d + j]; s += t * t }
                nearest[i] = Swift.min(nearest[i], s)
                total += nearest[i]
            }
            var pick = n - 1
            if total > 0 {
                var r = generator.nextDouble() * total
                for i in 0..<n { r -= nearest[i]; if r < 0 { pick = i; break } }
            } else {
                pick = generator.nextInt(below: n)
            }
            for j in 0..<d { centroids[c * d + j] = xs[pick * d + j] }
        }
        var labels = [Int](repeating: -1, count: n)
        var iterations = 0, inertia = 0.0
        var sums = [Double](repeating: 0, count: k * d), counts = [Int](repeating: 0, count: k)
        while iterations < maxIterations {
            try checkpoint()
            iterations += 1
            let (assigned, distances) = try assign(x, centroids: try Tensor(shape: [k, d], values: centroids))
            inertia = distances.reduce(0, +)
            let changed = assigned != labels
            labels = assigned
            if !changed { break }
            for i in sums.indices { sums[i] = 0 }
            for c in counts.indices { counts[c] = 0 }
            for i in 0..<n {
                let c = labels[i]
                counts[c] += 1
                for j in 0..<d { sums[c * d + j] += xs[i * d + j] }
            }
            for c in 0..<k where counts[c] > 0 {
                for j in 0..<d { centroids[c * d + j] = sums[c * d + j] / Double(counts[c]) }
            }
        }
        let final = try Tensor(shape: [k, d], values: centroids)
        let (assigned, distances) = try assign(x, centroids: final)
        return KMeansResult(centroids: final, labels: assigned, inertia: distances.reduce(0, +), iterations: iterations)
    }

    /// Each row's nearest centroid (the first on ties) and its squared distance, from
    /// ‖x‖² + ‖c‖² − 2 x·c with the products on BLAS.
    /// - Throws: `NNError.invalidArgument` when the widths differ.
    public static func assign(_ x: Tensor, centroids: Tensor) throws -> (labels: [Int], squaredDistances: [Double]) {
        guard x.rank == 2, centroids.rank == 2, x.shape[1] == centroids.shape[1], centroids.shape[0] >= 1 else {
            throw NNError.invalidArgument("nearest centroid needs X n × d and centroids k × d, got shapes \(formatShape(x.shape)) and \(formatShape(centroids.shape))")
        }
        let n = x.shape[0], k = centroids.shape[0], d = x.shape[1]
        let products = try x.matmul(centroids.transposed()).scalars
        let xs = x.scalars, cs = centroids.scalars
        var labels = [Int](repeating: 0, count: n), best = [Double](repeating: 0, count: n)
        var cNorms = [Double](repeating: 0, count: k)
        products.withUnsafeBufferPointer { pp in
        xs.withUnsafeBufferPointer { xp in
        cs.withUnsafeBufferPointer { cp in
        labels.withUnsafeMutableBufferPointer { lp in
        best.withUnsafeMutableBufferPointer { bp in
        cNorms.withUnsafeMutableBufferPointer { np in
            guard let p = pp.baseAddress, let xb = xp.baseAddress, let cb = cp.baseAddress,
                  let l = lp.baseAddress, let b = bp.baseAddress, let cn = np.baseAddress else { return }
            for c in 0..<k { var s = 0.0; for j in 0..<d { s += cb[c * d + j] * cb[c * d + j] }; cn[c] = s }
            for i in 0..<n {
                var xNorm = 0.0
                for j in 0..<d { xNorm += xb[i * d + j] * xb[i * d + j] }
                var bestC = 0, bestD = Double.infinity
                for c in 0..<k {
                    let dist = xNorm + cn[c] - 2 * p[i * k + c]
                    if dist < bestD { bestD = dist; bestC = c }
                }
                l[i] = bestC
                b[i] = Swift.max(bestD, 0)
            }
        } } } } } }
        return (labels, best)
    }
}
