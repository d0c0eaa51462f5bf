import Glibc
import Tensor

/// A radial-basis-function network as the notes build it: k-means centres, Gaussian
/// activations φ_j(x) = exp(−‖x − c_j‖² / (2σ²)), then a linear layer on [φ, 1]
/// fitted by least squares (the perceptron's optimum in one solve).
public final class RBFNetwork {
    /// The centres, k × d.
    public let centres: Tensor
    /// The common width σ.
    public let sigma: Double
    /// The output weights, (k + 1) × outputs, the last row the bias.
    public let weights: Tensor
    /// True when the targets were a vector, so outputs are a vector too.
    let vectorTargets: Bool

    /// A network of `k` units fitted to rows of `x` and targets `y` (a vector, or one row
    /// of outputs per sample, such as one-hot classes). Without `sigma`, σ = d_max / √(2k)
    /// with d_max the largest distance between centres (Haykin's rule), or 1 when k = 1.
    /// - Throws: `NNError.invalidArgument` for mismatched rows or a bad k or σ.
    public init(_ x: Tensor, _ y: Tensor, k: Int, sigma: Double? = nil, using generator: RandomGenerator,
                checkpoint: () throws -> Void = {}) throws {
        guard y.rank == 1 || y.rank == 2, x.rank == 2, y.shape[0] == x.shape[0] else {
            throw NNError.invalidArgument("rbf_network needs X n × d and Y with n rows, got shapes \(formatShape(x.shape)) and \(formatShape(y.shape))")
        }
        if let sigma, !(sigma > 0 && sigma.isFinite) { throw NNError.invalidArgument("rbf_network needs sigma > 0, got \(sigma)") }
        let clusters = try KMeans.fit(x, k: k, using: generator, checkpoint: checkpoint)
        centres = clusters.centroids
        if let sigma {
            self.sigma = sigma
        } else {
            let c = centres.scalars, d = centres.shape[1]
            var largest = 0.0
            for a in 0..<k { for b in 0..<a {
                var s = 0.0
                for j in 0..<d { let t = c[a * d + j] - c[b * d + j]; s += t * t }
                largest = Swift.max(largest, s)
            } }
            self.sigma = k > 1 && largest > 0 ? largest.squareRoot() / (2 * Double(k)).squareRoot() : 1
        }
        vectorTargets = y.rank == 1
        let targets = try y.rank == 1 ? y.reshape([-1, 1]) : y
        let design = try RBFNetwork.features(x, centres: centres, sigma: self.sigma)
        weights = try design.lstsq(targets)
    }

    /// The outputs for rows of `x`: [φ(x), 1] · weights.
    /// - Throws: `NNError.invalidArgument` when the width is not the centres'.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        let out = try RBFNetwork.features(x, centres: centres, sigma: sigma).matmul(weights)
        return vectorTargets ? try out.reshape([-1]) : out
    }

    /// The activations [φ_1 … φ_k, 1] of each row.
    public func activations(_ x: Tensor) throws -> Tensor { try RBFNetwork.features(x, centres: centres, sigma: sigma) }

    static func features(_ x: Tensor, centres: Tensor, sigma: Double) throws -> Tensor {
        guard x.rank == 2, x.shape[1] == centres.shape[1] else {
            throw NNError.invalidArgument("the RBF network expects rows of \(centres.shape[1]) features, got shape \(formatShape(x.shape))")
        }
        let n = x.shape[0], k = centres.shape[0], d = x.shape[1]
        let products = try x.matmul(centres.transposed()).scalars
        let xs = x.scalars, cs = centres.scalars
        let scale = -1 / (2 * sigma * sigma)
        return try Tensor(shape: [n, k + 1]) { out in
            guard let o = out.baseAddress else { return }
            products.withUnsafeBufferPointer { p in
                xs.withUnsafeBufferPointer { xp in
                    cs.withUnsafeBufferPointer { cp in
                        guard let p = p.baseAddress, let xb = xp.baseAddress, let cb = cp.baseAddress else { return }
                        var cNorms = [Double](repeating: 0, count: k)
                        for c in 0..<k { var s = 0.0; for j in 0..<d { s += cb[c * d + j] * cb[c * d + j] }; cNorms[c] = s }
                        for i in 0..<n {
                            var xNorm = 0.0
                            for j in 0..<d { xNorm += xb[i * d + j] * xb[i * d + j] }
                            for c in 0..<k {
                                let dist = Swift.max(xNorm + cNorms[c] - 2 * p[i * k + c], 0)
                                o[i * (k + 1) + c] = Glibc.exp(scale * dist)
                            }
                            o[i * (k + 1) + k] = 1
                        }
                    }
                }
            }
        }
    }
}
