import Autodiff
import Tensor

/// Layers applied in order; its parameters are theirs, its mode is set on all of them.
public final class Sequential: Layer {
    /// The layers, first applied first.
    public let layers: [Layer]

    /// A model from `layers`.
    public init(_ layers: [Layer]) { self.layers = layers }

    /// Each layer applied to the output of the one before.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        var h = x
        for layer in layers { h = try layer(h) }
        return h
    }

    /// Every layer's parameters, in order.
    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// True when the model is in training mode; setting it sets every layer.
    public var isTraining: Bool {
        get { layers.first?.isTraining ?? true }
        set { for layer in layers { layer.isTraining = newValue } }
    }

    /// `Sequential(Dense(2, 8), ReLU(), Dense(8, 1))`.
    public var summary: String { "Sequential(" + layers.map(\.summary).joined(separator: ", ") + ")" }
}
