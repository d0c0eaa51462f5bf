import Tensor

/// The function an optimiser minimises, for optimisers that need more than the
/// gradient at the current point: LBFGS's line search needs values and gradients
/// at trial points, Newton needs the Hessian.
public struct Objective {
    /// f(x) and ∇f(x).
    public var valueAndGradient: (Tensor) throws -> (Double, Tensor)
    /// The Hessian ∇²f(x) (n × n for an x of n elements), when known.
    public var hessian: ((Tensor) throws -> Tensor)?

    /// An objective from its value-and-gradient and optional Hessian.
    public init(valueAndGradient: @escaping (Tensor) throws -> (Double, Tensor),
                hessian: ((Tensor) throws -> Tensor)? = nil) {
        self.valueAndGradient = valueAndGradient
        self.hessian = hessian
    }
}

/// An optimiser that needs the objective itself (set by `minimize` before stepping).
public protocol ObjectiveOptimiser: Optimiser {
    /// The function being minimised; `step` throws while it is nil.
    var objective: Objective? { get set }
}

/// Sum of a[i]·b[i].
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<Swift.min(a.count, b.count) { s += a[i] * b[i] }
    return s
}
