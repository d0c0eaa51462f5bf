import Tensor

/// Gradient descent with momentum, as in the notes: v ← ρ·v + g, x ← x − lr·v,
/// the velocity starting at zero.
public final class Momentum: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()
    /// Friction ρ (default 0.9): the fraction of the velocity kept each step.
    public var rho: Double
    private var velocity = SlotState()

    /// Momentum with learning rate `lr` and friction `rho`.
    public init(lr: Double = 0.01, rho: Double = 0.9, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
        self.rho = rho
    }

    /// `Momentum(lr=…, rho=…)`.
    public var summary: String { "Momentum(\(settings.summaryTail), rho=\(formatNumber(rho)))" }

    /// v ← ρv + g; x ← x − lr·v for every pair.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate, rho = self.rho
        return try settings.stepEach(xs, gs, "Momentum") { i, x, d in
            var v = try velocity.take(i, shape: x.shape)
            Elementwise.update(&v, d) { v, g in rho * v + g }
            defer { velocity.put(i, v) }
            return try outputs.map(i, x, v) { x, v in x - lr * v }
        }
    }

    /// Sets the velocity back to zero.
    public func reset() { outputs.clear(); velocity.clear(); settings.iterations = 0 }
}

/// Nesterov momentum: the gradient is taken at the look-ahead point. Written in
/// the form that needs only the gradient at x: v ← ρ·v + g, x ← x − lr·(g + ρ·v)
/// (the same iterates as cs231n's v ← ρv − lr·g, x ← x − ρv_prev + (1 + ρ)v).
public final class Nesterov: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()
    /// Friction ρ (default 0.9).
    public var rho: Double
    private var velocity = SlotState()

    /// Nesterov momentum with learning rate `lr` and friction `rho`.
    public init(lr: Double = 0.01, rho: Double = 0.9, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
        self.rho = rho
    }

    /// `Nesterov(lr=…, rho=…)`.
    public var summary: String { "Nesterov(\(settings.summaryTail), rho=\(formatNumber(rho)))" }

    /// v ← ρv + g; x ← x − lr·(g + ρv) for every pair.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate, rho = self.rho
        return try settings.stepEach(xs, gs, "Nesterov") { i, x, d in
            var v = try velocity.take(i, shape: x.shape)
            Elementwise.update(&v, d) { v, g in rho * v + g }
            defer { velocity.put(i, v) }
            let step = try Elementwise.map(d, v) { g, v in g + rho * v }
            return try outputs.map(i, x, step) { x, s in x - lr * s }
        }
    }

    /// Sets the velocity back to zero.
    public func reset() { outputs.clear(); velocity.clear(); settings.iterations = 0 }
}
