import Tensor

/// The result of comparing reverse-mode gradients with central differences.
public struct GradCheckReport: CustomStringConvertible {
    /// The gradient from reverse mode.
    public let analytic: Tensor
    /// The gradient from central differences.
    public let numeric: Tensor
    /// Largest `|analytic - numeric|` over the elements.
    public let maxAbsoluteError: Double
    /// Largest `|analytic - numeric| / max(|analytic|, |numeric|, 1e-12)`.
    public let maxRelativeError: Double
    /// The step of the differences.
    public let step: Double

    /// True when every element agrees within `tolerance`, absolutely or relatively.
    public func passed(tolerance: Double = 1e-6) -> Bool {
        maxAbsoluteError <= tolerance || maxRelativeError <= tolerance
    }

    /// One line: the worst errors and the verdict at the default tolerance.
    public var description: String {
        let f = TensorFormatter(precision: 3)
        let verdict = passed() ? "ok" : "MISMATCH"
        return "gradcheck \(verdict): max abs error \(f.format(maxAbsoluteError)), max rel error \(f.format(maxRelativeError)) (h = \(f.format(step)), \(analytic.count) element\(analytic.count == 1 ? "" : "s"))"
    }
}

/// Compares the reverse-mode gradient of a scalar `f` at `x` with central
/// differences `(f(x + h eᵢ) - f(x - h eᵢ)) / 2h`, element by element.
///
/// The default step `h = 1e-6` balances truncation (O(h²)) against rounding
/// (O(ε/h)): expect agreement to about 1e-8 on smooth, well-scaled functions.
/// - Throws: `nonScalarOutput` when `f(x)` has more than one element.
public func gradientCheck(of f: (Variable) throws -> Variable, at x: Tensor, step h: Double = 1e-6) throws -> GradCheckReport {
    let analytic = try gradient(of: f, at: Variable(x)).value
    let base = x.contiguous().scalars
    var numeric = [Double](repeating: 0, count: base.count)
    for i in base.indices {
        var plus = base, minus = base
        plus[i] += h
        minus[i] -= h
        let fp = try f(Variable(Tensor(shape: x.shape, values: plus))).value.scalar()
        let fm = try f(Variable(Tensor(shape: x.shape, values: minus))).value.scalar()
        numeric[i] = (fp - fm) / (2 * h)
    }
    let a = analytic.scalars
    var worstAbsolute = 0.0, worstRelative = 0.0
    for i in base.indices {
        let e = Swift.abs(a[i] - numeric[i])
        let scale = Swift.max(Swift.abs(a[i]), Swift.abs(numeric[i]), 1e-12)
        // NaN must count as the worst error, not vanish in a comparison.
        worstAbsolute = e.isNaN ? .nan : (worstAbsolute.isNaN ? worstAbsolute : Swift.max(worstAbsolute, e))
        worstRelative = e.isNaN ? .nan : (worstRelative.isNaN ? worstRelative : Swift.max(worstRelative, e / scale))
    }
    return GradCheckReport(analytic: analytic, numeric: try Tensor(shape: x.shape, values: numeric),
                           maxAbsoluteError: worstAbsolute, maxRelativeError: worstRelative, step: h)
}
