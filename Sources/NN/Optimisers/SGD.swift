import Tensor

/// Plain gradient descent: x ← x − lr · g.
public final class SGD: Optimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()

    /// SGD with learning rate `lr` (default 0.01), optional weight decay and schedule.
    public init(lr: Double = 0.01, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
    }

    /// `SGD(lr=…)`.
    public var summary: String { "SGD(\(settings.summaryTail))" }
    /// The rate of the next step.
    public var learningRate: Double { settings.currentRate }
    /// Steps taken.
    public var iterations: Int { settings.iterations }

    /// x − lr · (g + 2λx) for every pair.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        try checkPairs(xs, gs, "SGD")
        let lr = settings.currentRate
        var out: [Tensor] = []
        out.reserveCapacity(xs.count)
        for (i, (x, g)) in zip(xs, gs).enumerated() {
            let d = try settings.decayed(x, g, "SGD.step")
            out.append(try outputs.map(i, x, d) { x, g in x - lr * g })
        }
        settings.iterations += 1
        return out
    }

    /// Resets the step count.
    public func reset() { outputs.clear(); settings.iterations = 0 }
}
