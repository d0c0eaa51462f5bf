import Autodiff
import Tensor

/// A fully connected layer: Y = X·W + b for a batch X with one sample per row,
/// W of shape n_in × n_out and b of length n_out (zeros at the start).
public final class Dense: Layer {
    /// Input width.
    public let nIn: Int
    /// Output width.
    public let nOut: Int
    /// The weight matrix, n_in × n_out.
    public let W: Parameter
    /// The bias, length n_out.
    public let b: Parameter
    /// How `W` was initialised (for printing).
    public let initialiser: Initialiser
    /// Dense layers have no mode; kept for the protocol.
    public var isTraining = true

    /// A layer from `nIn` to `nOut` units with weights drawn by `initialiser`.
    /// - Throws: `NNError.invalidArgument` for a non-positive size.
    public init(_ nIn: Int, _ nOut: Int, initialiser: Initialiser = .xavier,
                using generator: RandomGenerator) throws {
        guard nIn > 0, nOut > 0 else {
            throw NNError.invalidArgument("Dense needs positive sizes, got Dense(\(nIn), \(nOut))")
        }
        self.nIn = nIn
        self.nOut = nOut
        self.initialiser = initialiser
        W = Parameter("W", try initialiser.matrix(nIn: nIn, nOut: nOut, using: generator))
        b = Parameter("b", try Tensor(shape: [nOut], repeating: 0))
    }

    /// X·W + b.
    /// - Throws: `TensorError.invalidShape` when X is not a batch of n_in columns.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try checkFeatures(x, nIn, "Dense(\(nIn), \(nOut))")
        return try x.matmul(W.variable) + b.variable
    }

    /// W and b.
    public var parameters: [Parameter] { [W, b] }
    /// `Dense(784, 128)`.
    public var summary: String { "Dense(\(nIn), \(nOut))" }
}
