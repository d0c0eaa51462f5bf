import Glibc
import Tensor

/// Adam: momentum on the gradient and RMSprop on its square, with bias correction
/// because both moments start at zero:
/// m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
/// x ← x − lr · (m / (1 − β1^t)) / (√(v / (1 − β2^t)) + eps), t = 1, 2, …
/// The defaults are the notes' suggested start: lr 1e-3, β1 0.9, β2 0.99.
public final class Adam: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()
    /// Decay of the first moment (default 0.9).
    public var beta1: Double
    /// Decay of the second moment (default 0.99).
    public var beta2: Double
    /// Added to the root of the second moment (default 1e-8).
    public var eps: Double
    private var first = SlotState(), second = SlotState()

    /// Adam with the given rates.
    public init(lr: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.99, eps: Double = 1e-8,
                weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
    }

    /// `Adam(lr=…, beta1=…, beta2=…, eps=…)`.
    public var summary: String {
        "Adam(\(settings.summaryTail), beta1=\(formatNumber(beta1)), beta2=\(formatNumber(beta2)), eps=\(formatNumber(eps)))"
    }

    /// One bias-corrected Adam step for every pair.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate, eps = self.eps, b1 = beta1, b2 = beta2
        let t = Double(settings.iterations + 1)
        let c1 = 1 - pow(b1, t), c2 = 1 - pow(b2, t)
        return try settings.stepEach(xs, gs, "Adam") { i, x, d in
            var m = try first.take(i, shape: x.shape)
            var v = try second.take(i, shape: x.shape)
            Elementwise.update(&m, d) { m, g in b1 * m + (1 - b1) * g }
            Elementwise.update(&v, d) { v, g in b2 * v + (1 - b2) * g * g }
            defer { first.put(i, m); second.put(i, v) }
            let scaled = try Elementwise.map(m, v) { m, v in (m / c1) / ((v / c2).squareRoot() + eps) }
            return try outputs.map(i, x, scaled) { x, s in x - lr * s }
        }
    }

    /// Sets both moments and the step count back to zero.
    public func reset() { outputs.clear(); first.clear(); second.clear(); settings.iterations = 0 }
}
