import Tensor

/// Limited-memory BFGS: the last `m` steps sₖ = xₖ₊₁ − xₖ and gradient changes
/// yₖ = gₖ₊₁ − gₖ stand in for the inverse Hessian (two-loop recursion), and a
/// line search along the resulting direction chooses the step length.
///
/// The line search backtracks (halving) until the Armijo condition
/// f(x + t·d) ≤ f(x) + c1·t·gᵀd holds, after first growing t (doubling) while the
/// curvature condition ∇f(x + t·d)ᵀd ≥ c2·gᵀd fails, so accepted steps satisfy
/// the weak Wolfe conditions whenever a few doublings reach them. A pair with
/// sᵀy ≤ 0 is skipped, which keeps the implied inverse Hessian positive definite.
/// It needs the objective (`minimize` supplies it) and steps one tensor at a time.
public final class LBFGS: ObjectiveOptimiser {
    /// Number of (s, y) pairs kept (default 10).
    public var memory: Int
    /// Scale of the first trial step along the direction (default 1).
    public var lr: Double
    /// Sufficient-decrease constant c1 (1e-4) and curvature constant c2 (0.9).
    public var c1 = 1e-4, c2 = 0.9
    /// The function minimised; set by `minimize`.
    public var objective: Objective?
    private var pairs: [(s: [Double], y: [Double], rho: Double)] = []
    private var previous: (x: [Double], g: [Double])?
    private var steps = 0

    /// L-BFGS keeping `m` pairs.
    /// - Throws: `NNError.invalidArgument` when `m` < 1.
    public init(m: Int = 10, lr: Double = 1, objective: Objective? = nil) throws {
        guard m >= 1 else { throw NNError.invalidArgument("LBFGS: m must be at least 1, got \(m)") }
        memory = m
        self.lr = lr
        self.objective = objective
    }

    /// `LBFGS(m=…)`.
    public var summary: String { "LBFGS(m=\(memory))" }
    /// The scale of the first trial step.
    public var learningRate: Double { lr }
    /// Steps taken.
    public var iterations: Int { steps }

    /// One quasi-Newton step with a line search.
    /// - Throws: `NNError.invalidArgument` without an objective or with more than one tensor.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        try checkPairs(xs, gs, "LBFGS")
        guard xs.count == 1 else {
            throw NNError.invalidArgument("LBFGS steps one tensor at a time (got \(xs.count)); use it with minimize")
        }
        guard let objective else {
            throw NNError.invalidArgument("LBFGS needs the function value for its line search: use it with minimize(f, x0, LBFGS())")
        }
        let shape = xs[0].shape
        try Elementwise.checkSameShape(xs[0], gs[0], "LBFGS.step")
        let x = xs[0].scalars, g = gs[0].scalars
        remember(x, g)
        var d = direction(g)
        var slope = dot(g, d)
        if !(slope < 0) { // not a descent direction: fall back to steepest descent
            pairs.removeAll()
            d = g.map { -$0 }
            slope = dot(g, d)
        }
        if slope == 0 { steps += 1; return [xs[0]] } // stationary point
        let f0 = try objective.valueAndGradient(xs[0]).0
        var t = lr
        if pairs.isEmpty { t = Swift.min(lr, 1 / dot(g, g).squareRoot()) }
        let accepted = try lineSearch(x, shape, d, f0, slope, t, objective)
        steps += 1
        return [try Tensor(shape: shape, values: accepted)]
    }

    /// Forgets the curvature pairs.
    public func reset() { pairs.removeAll(); previous = nil; steps = 0 }

    /// Adds the pair from the previous point to this one, dropping the oldest past `memory`.
    private func remember(_ x: [Double], _ g: [Double]) {
        defer { previous = (x, g) }
        guard let p = previous, p.x.count == x.count else { return }
        let s = zip(x, p.x).map { $0 - $1 }, y = zip(g, p.g).map { $0 - $1 }
        let sy = dot(s, y)
        guard sy > 1e-12 * dot(y, y).squareRoot() * dot(s, s).squareRoot(), sy > 0 else { return }
        pairs.append((s, y, 1 / sy))
        if pairs.count > memory { pairs.removeFirst(pairs.count - memory) }
    }

    /// −H·g by the two-loop recursion, H₀ = (sᵀy / yᵀy)·I from the newest pair.
    private func direction(_ g: [Double]) -> [Double] {
        var q = g
        var alphas = [Double](repeating: 0, count: pairs.count)
        for k in stride(from: pairs.count - 1, through: 0, by: -1) {
            let a = pairs[k].rho * dot(pairs[k].s, q)
            alphas[k] = a
            for i in q.indices { q[i] -= a * pairs[k].y[i] }
        }
        if let last = pairs.last {
            let gamma = 1 / (last.rho * dot(last.y, last.y))
            for i in q.indices { q[i] *= gamma }
        }
        for k in pairs.indices {
            let b = pairs[k].rho * dot(pairs[k].y, q)
            for i in q.indices { q[i] += (alphas[k] - b) * pairs[k].s[i] }
        }
        return q.map { -$0 }
    }

    /// The accepted point x + t·d.
    private func lineSearch(_ x: [Double], _ shape: [Int], _ d: [Double], _ f0: Double, _ slope: Double,
                            _ t0: Double, _ objective: Objective) throws -> [Double] {
        func point(_ t: Double) -> [Double] { zip(x, d).map { $0 + t * $1 } }
        func evaluate(_ t: Double) throws -> (Double, Double) {
            let (f, g) = try objective.valueAndGradient(try Tensor(shape: shape, values: point(t)))
            return (f, dot(g.scalars, d))
        }
        var t = t0
        var (f, dslope) = try evaluate(t)
        // Grow while the decrease is sufficient but the slope is still steep.
        var grow = 0
        while f <= f0 + c1 * t * slope, dslope < c2 * slope, grow < 10 {
            let (f2, s2) = try evaluate(2 * t)
            guard f2 <= f0 + c1 * 2 * t * slope else { break }
            t *= 2; f = f2; dslope = s2; grow += 1
        }
        var shrink = 0
        while !(f <= f0 + c1 * t * slope), shrink < 50 {
            t *= 0.5
            (f, dslope) = try evaluate(t)
            shrink += 1
        }
        if !(f <= f0 + c1 * t * slope) { return x } // no decrease found: stay put
        return point(t)
    }
}
