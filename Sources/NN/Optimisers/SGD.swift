import Tensor

/// Plain gradient descent: x ← x − lr · g.
public final class SGD: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()

    /// SGD with learning rate `lr` (default 0.01), optional weight decay and schedule.
    public init(lr: Double = 0.01, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
    }

    /// `SGD(lr=…)`.
    public var summary: String { "SGD(\(settings.summaryTail))" }

    /// x − lr · (g + 2λx) for every pair.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate
        return try settings.stepEach(xs, gs, "SGD") { i, x, d in
            try outputs.map(i, x, d) { x, g in x - lr * g }
        }
    }

    /// Resets the step count.
    public func reset() { outputs.clear(); settings.iterations = 0 }
}
