import Autodiff
import Tensor

/// A trainable tensor of a layer (a weight matrix, a bias, BatchNorm's γ and β).
///
/// The optimiser replaces `value` after each step; `variable` is the graph leaf
/// the forward pass uses, so gradients can be taken with respect to it.
public final class Parameter {
    /// A short name within its layer: `W`, `b`, `gamma`, `beta`.
    public let name: String
    /// The current value; setting it starts a fresh leaf.
    public var value: Tensor {
        didSet { variable = Variable.leaf(value) }
    }
    /// The leaf the forward pass reads.
    public private(set) var variable: Variable

    /// A parameter named `name` holding `value`.
    public init(_ name: String, _ value: Tensor) {
        self.name = name
        self.value = value
        self.variable = Variable.leaf(value)
    }
}

/// A layer of a network: a function of a batch (one sample per row) with
/// parameters and a training/evaluation mode.
///
/// Layers are reference types: `model.params` and an optimiser update them in place,
/// and a layer shared by two models is one layer.
public protocol Layer: AnyObject {
    /// The layer applied to a batch.
    /// - Throws: `TensorError.shapeMismatch` when the batch does not fit the layer.
    func callAsFunction(_ x: Variable) throws -> Variable
    /// The trainable parameters, in a fixed order.
    var parameters: [Parameter] { get }
    /// True in training mode (dropout masks, batch statistics), false in evaluation.
    var isTraining: Bool { get set }
    /// How the layer prints: `Dense(784, 128)`.
    var summary: String { get }
}

extension Layer {
    /// Training mode: Dropout drops, BatchNorm uses and updates batch statistics.
    public func train() { isTraining = true }
    /// Evaluation mode: Dropout is the identity, BatchNorm uses its running statistics.
    public func eval() { isTraining = false }

    /// The layer applied to a batch of constants.
    /// - Throws: what the forward pass throws.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try self(Variable(x)).value
    }
}

/// The number of columns of a batch, checked against what a layer expects.
func checkFeatures(_ x: Variable, _ expected: Int, _ layer: String) throws {
    guard x.rank == 2, x.shape[1] == expected else {
        throw TensorError.invalidShape("\(layer) expects a batch with \(expected) columns (one sample per row), got shape \(formatShape(x.shape))")
    }
}
