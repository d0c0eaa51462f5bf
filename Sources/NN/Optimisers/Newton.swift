import Tensor

/// Newton's method, as in the notes: x ← x − lr·(H + damping·I)⁻¹ g with the exact
/// Hessian H at x. lr = 1 and damping = 0 give the vanilla step θ* = θ₀ − H⁻¹∇J,
/// exact in one step on a quadratic; damping helps where H is indefinite or nearly singular.
/// The Hessian comes from the objective (`minimize` supplies it).
public final class Newton: ObjectiveOptimiser {
    /// Step size (default 1).
    public var lr: Double
    /// Added to the Hessian's diagonal (default 0).
    public var damping: Double
    /// Supplies the Hessian.
    public var objective: Objective?
    private var steps = 0

    /// Newton's method with step size `lr` and `damping`.
    public init(lr: Double = 1, damping: Double = 0, objective: Objective? = nil) {
        self.lr = lr
        self.damping = damping
        self.objective = objective
    }

    /// `Newton(lr=…, damping=…)`.
    public var summary: String { "Newton(lr=\(formatNumber(lr)), damping=\(formatNumber(damping)))" }
    /// The step size.
    public var learningRate: Double { lr }
    /// Steps taken.
    public var iterations: Int { steps }

    /// x − lr·(H + damping·I)⁻¹ g.
    /// - Throws: `NNError.invalidArgument` without a Hessian or for several tensors;
    ///   `TensorError.singularMatrix` when H + damping·I is singular.
    public func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor] {
        try checkPairs(xs, gs, "Newton")
        guard xs.count == 1 else {
            throw NNError.invalidArgument("Newton steps one tensor at a time (got \(xs.count)); use it with minimize")
        }
        guard let hessian = objective?.hessian else {
            throw NNError.invalidArgument("Newton needs the Hessian: use it with minimize(f, x0, Newton())")
        }
        let x = xs[0], g = gs[0]
        try Elementwise.checkSameShape(x, g, "Newton.step")
        let n = x.count
        let h = try hessian(x)
        guard h.count == n * n else {
            throw TensorError.invalidShape("Newton: the Hessian has shape \(formatShape(h.shape)), expected (\(n), \(n))")
        }
        var a = h.scalars
        for i in 0..<n { a[i * n + i] += damping }
        let d = try solveDense(a, g.scalars, n)
        let lr = self.lr
        steps += 1
        return [try Elementwise.map(x, try Tensor(shape: x.shape, values: d)) { x, d in x - lr * d }]
    }

    /// Nothing to forget but the step count.
    public func reset() { steps = 0 }
}

/// Solves A·x = b (A n × n, row-major) by Gaussian elimination with partial pivoting.
/// Newton's systems are small (one row per unknown of a function someone wrote), so
/// a plain O(n³) loop is enough.
/// - Throws: `TensorError.singularMatrix` when a pivot vanishes.
func solveDense(_ matrix: [Double], _ rhs: [Double], _ n: Int) throws -> [Double] {
    var a = matrix, b = rhs
    var scale = 0.0
    for v in a { scale = Swift.max(scale, Swift.abs(v)) }
    let tiny = scale * Double(n) * Double.ulpOfOne
    for col in 0..<n {
        var pivot = col
        for r in (col + 1)..<Swift.max(n, col + 1) where Swift.abs(a[r * n + col]) > Swift.abs(a[pivot * n + col]) { pivot = r }
        guard Swift.abs(a[pivot * n + col]) > tiny else { throw TensorError.singularMatrix(op: "Newton") }
        if pivot != col {
            for k in 0..<n { a.swapAt(col * n + k, pivot * n + k) }
            b.swapAt(col, pivot)
        }
        let p = a[col * n + col]
        for r in (col + 1)..<Swift.max(n, col + 1) {
            let f = a[r * n + col] / p
            if f == 0 { continue }
            for k in col..<n { a[r * n + k] -= f * a[col * n + k] }
            b[r] -= f * b[col]
        }
    }
    var x = [Double](repeating: 0, count: n)
    for r in stride(from: n - 1, through: 0, by: -1) {
        var s = b[r]
        for k in (r + 1)..<Swift.max(n, r + 1) { s -= a[r * n + k] * x[k] }
        x[r] = s / a[r * n + r]
    }
    return x
}
