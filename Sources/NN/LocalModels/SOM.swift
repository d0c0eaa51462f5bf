import Glibc
import Tensor

/// A Kohonen self-organising map: a rows × cols grid of units, each with a weight
/// vector in input space, trained online so neighbouring units learn neighbouring inputs.
///
/// For each sample x (a new random order each epoch) the best-matching unit b is the
/// nearest weight; every unit u moves by η(t) · h(u, b) · (x − w_u) with the grid
/// neighbourhood h = exp(−‖r_u − r_b‖² / (2σ(t)²)). η and σ fall linearly from their
/// start to 1 % of it (σ to at least 0.5) over the whole run, so the map first orders
/// itself and then fine-tunes. Weights start at random samples.
public final class SOM {
    /// Grid rows.
    public let rows: Int
    /// Grid columns.
    public let cols: Int
    /// The units' weights, (rows·cols) × d, unit r·cols + c at grid position (r, c).
    public private(set) var weights: Tensor

    /// A map of rows × cols units trained on rows of `x` for `epochs` passes;
    /// `checkpoint` runs before each epoch, and what it throws (an interruption) ends training.
    /// - Throws: `NNError.invalidArgument` for a bad grid, rate, width or data shape.
    public init(_ x: Tensor, rows: Int, cols: Int, epochs: Int = 10, lr: Double = 0.5, sigma: Double? = nil,
                using generator: RandomGenerator, checkpoint: () throws -> Void = {}) throws {
        guard x.rank == 2, x.shape[0] >= 1 else {
            throw NNError.invalidArgument("self_organising_map needs X with one sample per row (n × d), got shape \(formatShape(x.shape))")
        }
        guard rows >= 1, cols >= 1 else { throw NNError.invalidArgument("self_organising_map needs a grid of at least 1 × 1, got \(rows) × \(cols)") }
        guard epochs >= 1 else { throw NNError.invalidArgument("self_organising_map needs epochs >= 1, got \(epochs)") }
        guard lr > 0, lr <= 1 else { throw NNError.invalidArgument("self_organising_map needs 0 < lr <= 1, got \(lr)") }
        let sigma0 = sigma ?? Double(Swift.max(rows, cols)) / 2
        guard sigma0 > 0, sigma0.isFinite else { throw NNError.invalidArgument("self_organising_map needs sigma > 0, got \(sigma0)") }
        self.rows = rows
        self.cols = cols
        let n = x.shape[0], d = x.shape[1], units = rows * cols
        let xs = x.scalars
        var w = [Double](repeating: 0, count: units * d)
        for u in 0..<units {
            let i = generator.nextInt(below: n)
            for j in 0..<d { w[u * d + j] = xs[i * d + j] }
        }
        let steps = epochs * n
        var step = 0
        for _ in 0..<epochs {
            try checkpoint()
            let order = generator.permutation(n)
            xs.withUnsafeBufferPointer { xp in
                w.withUnsafeMutableBufferPointer { wp in
                    guard let xb = xp.baseAddress, let wb = wp.baseAddress else { return }
                    for i in order {
                        let progress = Double(step) / Double(steps)
                        let eta = lr * (1 - 0.99 * progress)
                        let s = Swift.max(sigma0 * (1 - 0.99 * progress), 0.5)
                        let best = SOM.bestUnit(xb + i * d, wb, units, d)
                        let br = best / cols, bc = best % cols
                        for u in 0..<units {
                            let dr = Double(u / cols - br), dc = Double(u % cols - bc)
                            let h = eta * exp(-(dr * dr + dc * dc) / (2 * s * s))
                            if h < 1e-12 { continue }
                            for j in 0..<d { wb[u * d + j] += h * (xb[i * d + j] - wb[u * d + j]) }
                        }
                        step += 1
                    }
                }
            }
        }
        weights = try Tensor(shape: [units, d], values: w)
    }

    /// The best-matching unit of each row of `x` (index r·cols + c).
    /// - Throws: `NNError.invalidArgument` when the width is not the map's.
    public func winners(_ x: Tensor) throws -> [Int] {
        try KMeans.assign(x, centroids: weights).labels
    }

    /// The mean distance from each row of `x` to its best-matching unit (quantisation error).
    /// - Throws: `NNError.invalidArgument` when the width is not the map's.
    public func quantisationError(_ x: Tensor) throws -> Double {
        let d = try KMeans.assign(x, centroids: weights).squaredDistances
        return d.reduce(0) { $0 + $1.squareRoot() } / Double(Swift.max(d.count, 1))
    }

    /// The unit nearest to the sample at `x` (first on ties).
    static func bestUnit(_ x: UnsafePointer<Double>, _ w: UnsafePointer<Double>, _ units: Int, _ d: Int) -> Int {
        var best = 0, bestD = Double.infinity
        for u in 0..<units {
            var s = 0.0
            for j in 0..<d { let t = x[j] - w[u * d + j]; s += t * t }
            if s < bestD { bestD = s; best = u }
        }
        return best
    }
}
