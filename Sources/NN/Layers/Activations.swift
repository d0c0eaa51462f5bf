import Autodiff
import Tensor

/// An elementwise activation as a layer: no parameters, no mode.
public final class Activation: Layer {
    /// Which function, with its parameter.
    public enum Kind: Equatable {
        /// max(0, x).
        case relu
        /// x for x > 0, alpha·x otherwise.
        case leakyRelu(alpha: Double)
        /// 1 / (1 + e^−x).
        case sigmoid
        /// tanh x.
        case tanh
        /// x for x > 0, alpha·(e^x − 1) otherwise.
        case elu(alpha: Double)
    }

    /// The function applied.
    public let kind: Kind
    /// Activations have no mode; kept for the protocol.
    public var isTraining = true

    /// An activation layer of `kind`.
    public init(_ kind: Kind) { self.kind = kind }

    /// The function applied to every element.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        switch kind {
        case .relu: return x.unary(.relu)
        case let .leakyRelu(alpha): return try x.leakyRelu(alpha: alpha)
        case .sigmoid: return x.unary(.sigmoid)
        case .tanh: return x.unary(.tanh)
        case let .elu(alpha): return try x.elu(alpha: alpha)
        }
    }

    /// None.
    public var parameters: [Parameter] { [] }

    /// `ReLU()`, `LeakyReLU(0.1)`, …
    public var summary: String {
        switch kind {
        case .relu: return "ReLU()"
        case let .leakyRelu(alpha): return "LeakyReLU(\(formatNumber(alpha)))"
        case .sigmoid: return "Sigmoid()"
        case .tanh: return "Tanh()"
        case let .elu(alpha): return "ELU(\(formatNumber(alpha)))"
        }
    }
}
