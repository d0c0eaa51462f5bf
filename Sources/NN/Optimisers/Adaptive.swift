import Tensor

/// AdaGrad: the squared gradients accumulate, c ← c + g², and each coordinate
/// steps by x ← x − lr·g / (√c + eps), so frequently large directions slow down.
public final class AdaGrad: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()
    /// Added to √c so a zero cache does not divide by zero (default 1e-8).
    public var eps: Double
    private var cache = SlotState()

    /// AdaGrad with learning rate `lr` (default 0.01).
    public init(lr: Double = 0.01, eps: Double = 1e-8, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
        self.eps = eps
    }

    /// `AdaGrad(lr=…, eps=…)`.
    public var summary: String { "AdaGrad(\(settings.summaryTail), eps=\(formatNumber(eps)))" }

    /// c ← c + g²; x ← x − lr·g/(√c + eps).
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate, eps = self.eps
        return try settings.stepEach(xs, gs, "AdaGrad") { i, x, d in
            var c = try cache.take(i, shape: x.shape)
            Elementwise.update(&c, d) { c, g in c + g * g }
            defer { cache.put(i, c) }
            let scaled = try Elementwise.map(d, c) { g, c in g / (c.squareRoot() + eps) }
            return try outputs.map(i, x, scaled) { x, s in x - lr * s }
        }
    }

    /// Clears the accumulated squares.
    public func reset() { outputs.clear(); cache.clear(); settings.iterations = 0 }
}

/// RMSprop: a leaky average of squared gradients, c ← ρ·c + (1 − ρ)·g²,
/// x ← x − lr·g / (√c + eps).
public final class RMSprop: FirstOrderOptimiser {
    /// Learning rate, schedule, weight decay and step count.
    public var settings: OptimiserSettings
    private var outputs = OutputBuffers()
    /// Decay rate ρ of the squared-gradient average (default 0.99, cs231n's).
    public var rho: Double
    /// Added to √c (default 1e-8).
    public var eps: Double
    private var cache = SlotState()

    /// RMSprop with learning rate `lr` (default 0.001) and decay `rho`.
    public init(lr: Double = 0.001, rho: Double = 0.99, eps: Double = 1e-8, weightDecay: Double = 0, schedule: Schedule? = nil) {
        settings = OptimiserSettings(lr: lr, weightDecay: weightDecay, schedule: schedule)
        self.rho = rho
        self.eps = eps
    }

    /// `RMSprop(lr=…, rho=…, eps=…)`.
    public var summary: String { "RMSprop(\(settings.summaryTail), rho=\(formatNumber(rho)), eps=\(formatNumber(eps)))" }

    /// c ← ρc + (1 − ρ)g²; x ← x − lr·g/(√c + eps).
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        let lr = settings.currentRate, eps = self.eps, rho = self.rho
        return try settings.stepEach(xs, gs, "RMSprop") { i, x, d in
            var c = try cache.take(i, shape: x.shape)
            Elementwise.update(&c, d) { c, g in rho * c + (1 - rho) * g * g }
            defer { cache.put(i, c) }
            let scaled = try Elementwise.map(d, c) { g, c in g / (c.squareRoot() + eps) }
            return try outputs.map(i, x, scaled) { x, s in x - lr * s }
        }
    }

    /// Clears the average.
    public func reset() { outputs.clear(); cache.clear(); settings.iterations = 0 }
}
