import Autodiff
import Tensor

/// Inverted dropout, as in the notes: in training each unit is kept with
/// probability `p` and the kept ones are divided by `p`
/// (mask = (rand(shape) < p) / p), so the expected output equals the input;
/// in evaluation the layer is the identity.
///
/// Note `p` is the *keep* probability (the notes' convention; PyTorch's `p` is the drop rate).
public final class Dropout: Layer {
    /// Probability of keeping a unit, in (0, 1].
    public let p: Double
    /// Training mode draws masks; evaluation passes the input through.
    public var isTraining = true
    private let generator: RandomGenerator

    /// Dropout keeping each unit with probability `p`, masks drawn from `generator`.
    /// - Throws: `NNError.invalidArgument` unless 0 < p ≤ 1.
    public init(p: Double = 0.5, using generator: RandomGenerator) throws {
        guard p > 0, p <= 1 else {
            throw NNError.invalidArgument("Dropout needs a keep probability 0 < p <= 1, got \(p)")
        }
        self.p = p
        self.generator = generator
    }

    /// x · mask / p in training, x in evaluation.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        guard isTraining, p < 1 else { return x }
        let keep = p, scale = 1 / p, g = generator
        let mask = try Tensor(shape: x.shape) { out in
            for i in 0..<out.count { out[i] = g.nextDouble() < keep ? scale : 0 }
        }
        return try x * Variable(mask)
    }

    /// None.
    public var parameters: [Parameter] { [] }
    /// `Dropout(0.5)`.
    public var summary: String { "Dropout(\(formatNumber(p)))" }
}
