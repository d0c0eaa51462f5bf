import Autodiff
import Tensor

/// Pooling over non-overlapping k × k windows of images N × C × H × W, as PyTorch's
/// `MaxPool2d(k)` / `AvgPool2d(k)` (stride k, no padding): the output is
/// N × C × ⌊H/k⌋ × ⌊W/k⌋, and rows or columns left over at the bottom or right are dropped.
///
/// Each image is reshaped into blocks N × C × OH × k × OW × k and reduced over the two
/// in-block axes, so the gradient is the autodiff's: max pooling routes it to the
/// first largest element of each window, average pooling spreads it evenly.
public final class Pool2D: Layer {
    /// Which reduction.
    public enum Kind: Equatable {
        /// The largest element of each window.
        case max
        /// The mean of each window.
        case average
    }

    /// The reduction over each window.
    public let kind: Kind
    /// Window side and stride.
    public let k: Int
    /// Pooling has no mode; kept for the protocol.
    public var isTraining = true

    /// Pooling of `kind` over `k` × `k` windows.
    /// - Throws: `NNError.invalidArgument` for k < 1.
    public init(_ kind: Kind, _ k: Int) throws {
        guard k >= 1 else { throw NNError.invalidArgument("\(kind == .max ? "MaxPool2D" : "AvgPool2D") needs a window k >= 1, got \(k)") }
        self.kind = kind
        self.k = k
    }

    /// The pooled batch.
    /// - Throws: `TensorError.invalidShape` naming the shape for a non-4-D input or
    ///   images smaller than the window.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        guard x.rank == 4 else {
            throw TensorError.invalidShape("\(summary) expects images N × C × H × W, got shape \(formatShape(x.shape))")
        }
        let s = x.shape
        let oh = s[2] / k, ow = s[3] / k
        guard oh >= 1, ow >= 1 else {
            throw TensorError.invalidShape("\(summary): the \(k)×\(k) window is larger than the \(s[2])×\(s[3]) image, input shape \(formatShape(s))")
        }
        var body = x
        if oh * k != s[2] || ow * k != s[3] {
            body = try x.subscripted([.all, .all, .range(start: 0, stop: oh * k, step: 1), .range(start: 0, stop: ow * k, step: 1)])
        }
        let blocks = try body.reshape([s[0], s[1], oh, k, ow, k])
        switch kind {
        case .max: return try blocks.max(axis: 5).max(axis: 3)
        case .average: return try blocks.mean(axis: 5).mean(axis: 3)
        }
    }

    /// None.
    public var parameters: [Parameter] { [] }

    /// `MaxPool2D(2)` or `AvgPool2D(2)`.
    public var summary: String { "\(kind == .max ? "MaxPool2D" : "AvgPool2D")(\(k))" }
}

/// Each sample flattened to one row: N × … becomes N × (product of the rest), as
/// between the convolutional and the dense part of a network.
public final class Flatten: Layer {
    /// Flatten has no mode; kept for the protocol.
    public var isTraining = true

    /// A flattening layer.
    public init() {}

    /// The batch as N rows.
    /// - Throws: `TensorError.invalidShape` for a scalar.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        guard x.rank >= 1 else { throw TensorError.invalidShape("Flatten() expects a batch with one sample per row, got a scalar") }
        return try x.reshape([x.shape[0], x.shape.dropFirst().reduce(1, *)])
    }

    /// None.
    public var parameters: [Parameter] { [] }

    /// `Flatten()`.
    public var summary: String { "Flatten()" }
}
