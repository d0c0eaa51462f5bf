import Tensor

/// What can go wrong when differentiating, phrased for the user.
public enum AutodiffError: Error, Equatable, CustomStringConvertible {
    /// Reverse mode needs a one-element output; the shape it got.
    case nonScalarOutput(shape: [Int])
    /// A function was not differentiable where it was asked (the reason).
    case notDifferentiable(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .nonScalarOutput(shape):
            return "gradient needs a function with a single (scalar) output, got shape \(formatShape(shape)); use jacobian for vector outputs"
        case let .notDifferentiable(reason):
            return reason
        }
    }
}
