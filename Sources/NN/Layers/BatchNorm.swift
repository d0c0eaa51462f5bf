import Autodiff
import Tensor

/// Batch normalisation over the rows of a batch, as in the notes:
/// x̂ = (x − μ) / √(σ² + eps), y = γ·x̂ + β per column.
///
/// In training μ and σ² are the batch's (σ² divides by N, not N − 1) and the running
/// statistics move toward them: r ← momentum·r + (1 − momentum)·batch (cs231n's
/// convention). In evaluation the running statistics are used. γ starts at 1, β at 0;
/// the running mean at 0 and the running variance at 1.
public final class BatchNorm: Layer {
    /// Number of features (columns).
    public let n: Int
    /// Weight of the old running statistics in each update (default 0.9).
    public let momentum: Double
    /// Added to the variance before the square root (default 1e-5).
    public let eps: Double
    /// Learned scale γ, length n.
    public let gamma: Parameter
    /// Learned shift β, length n.
    public let beta: Parameter
    /// Moving average of the batch means.
    public private(set) var runningMean: Tensor
    /// Moving average of the batch variances.
    public private(set) var runningVariance: Tensor
    /// Training uses batch statistics; evaluation the running ones.
    public var isTraining = true

    /// BatchNorm over `n` features.
    /// - Throws: `NNError.invalidArgument` for n ≤ 0, momentum outside [0, 1] or eps < 0.
    public init(_ n: Int, momentum: Double = 0.9, eps: Double = 1e-5) throws {
        guard n > 0 else { throw NNError.invalidArgument("BatchNorm needs n > 0, got \(n)") }
        guard momentum >= 0, momentum <= 1 else {
            throw NNError.invalidArgument("BatchNorm needs 0 <= momentum <= 1, got \(momentum)")
        }
        guard eps >= 0 else { throw NNError.invalidArgument("BatchNorm needs eps >= 0, got \(eps)") }
        self.n = n
        self.momentum = momentum
        self.eps = eps
        gamma = Parameter("gamma", try Tensor(shape: [n], repeating: 1))
        beta = Parameter("beta", try Tensor(shape: [n], repeating: 0))
        runningMean = try Tensor(shape: [n], repeating: 0)
        runningVariance = try Tensor(shape: [n], repeating: 1)
    }

    /// Puts back running statistics saved earlier (fit's restore of the best epoch).
    func restoreRunningStatistics(mean: Tensor, variance: Tensor) {
        runningMean = mean
        runningVariance = variance
    }

    /// γ·x̂ + β with batch or running statistics.
    /// - Throws: `TensorError.invalidShape` when x is not a batch of n columns.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try checkFeatures(x, n, "BatchNorm(\(n))")
        let centred: Variable, variance: Variable
        if isTraining {
            let mu = try x.mean(axis: 0, keepDims: true)
            centred = try x - mu
            variance = try (centred * centred).mean(axis: 0, keepDims: true)
            let m = momentum
            runningMean = try Elementwise.map(runningMean, try mu.value.reshape([n])) { r, b in m * r + (1 - m) * b }
            runningVariance = try Elementwise.map(runningVariance, try variance.value.reshape([n])) { r, b in m * r + (1 - m) * b }
        } else {
            centred = try x - Variable(runningMean)
            variance = Variable(runningVariance)
        }
        let normalised = try centred / (variance + eps).sqrt()
        return try normalised * gamma.variable + beta.variable
    }

    /// γ and β.
    public var parameters: [Parameter] { [gamma, beta] }
    /// `BatchNorm(64)`.
    public var summary: String { "BatchNorm(\(n))" }
}
