import Autodiff
import Tensor

/// A 2-D convolution over images N × C × H × W, as PyTorch's `Conv2d`: a
/// cross-correlation (the kernel is not flipped),
///
///     out[n, o, i, j] = b[o] + Σ_c Σ_u Σ_v W[o, c, u, v] · x[n, c, s·i + u, s·j + v]
///
/// over the input padded with `padding` zeros on each side; the output is
/// N × c_out × ((H + 2p − k) / s + 1) × ((W + 2p − k) / s + 1), rounded down.
///
/// The forward pass is im2col: the k² shifted, strided views of the padded batch are
/// stacked into one (N·OH·OW) × (C·k·k) matrix, multiplied by W as a (C·k·k) × c_out
/// matrix on BLAS. Every step is a differentiable primitive, so gradients (of any
/// order) come from the autodiff's own rules; the adjoint of a view scatters back.
public final class Conv2D: Layer {
    /// Input channels.
    public let cIn: Int
    /// Output channels (kernels).
    public let cOut: Int
    /// Kernel side.
    public let k: Int
    /// Step between kernel positions.
    public let stride: Int
    /// Zeros added on each side of each image.
    public let padding: Int
    /// The kernels, c_out × c_in × k × k.
    public let W: Parameter
    /// One bias per output channel, zeros at the start.
    public let b: Parameter
    /// Convolutions have no mode; kept for the protocol.
    public var isTraining = true

    /// A convolution from `cIn` to `cOut` channels with `k` × `k` kernels, drawn by
    /// `initialiser` with fan-in c_in·k² and fan-out c_out·k² (He: std √(2 / (c_in·k²))).
    /// - Throws: `NNError.invalidArgument` for a non-positive size or stride, or negative padding.
    public init(_ cIn: Int, _ cOut: Int, _ k: Int, stride: Int = 1, padding: Int = 0,
                initialiser: Initialiser = .he, using generator: RandomGenerator) throws {
        guard cIn > 0, cOut > 0, k > 0 else {
            throw NNError.invalidArgument("Conv2D needs positive sizes, got Conv2D(\(cIn), \(cOut), \(k))")
        }
        guard stride > 0 else { throw NNError.invalidArgument("Conv2D needs stride >= 1, got \(stride)") }
        guard padding >= 0 else { throw NNError.invalidArgument("Conv2D needs padding >= 0, got \(padding)") }
        self.cIn = cIn
        self.cOut = cOut
        self.k = k
        self.stride = stride
        self.padding = padding
        let std = initialiser.std(nIn: cIn * k * k, nOut: cOut * k * k)
        W = Parameter("W", try Tensor(shape: [cOut, cIn, k, k]) { out in
            for i in 0..<out.count { out[i] = std * generator.nextNormal() }
        })
        b = Parameter("b", try Tensor(shape: [cOut], repeating: 0))
    }

    /// The convolution of a batch N × c_in × H × W.
    /// - Throws: `TensorError.invalidShape` naming the shapes for an input of another
    ///   rank or channel count, or images smaller than the kernel.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try convolve2D(x, W.variable, b.variable, stride: stride, padding: padding)
    }

    /// W and b.
    public var parameters: [Parameter] { [W, b] }

    /// `Conv2D(1, 8, 3, stride=1, padding=1)`.
    public var summary: String { "Conv2D(\(cIn), \(cOut), \(k), stride=\(stride), padding=\(padding))" }
}

/// The cross-correlation of images `x` (N × C × H × W) with kernels `w`
/// (c_out × C × k × k) plus `b` (c_out), as `Conv2D` computes it; differentiable in all three.
/// - Throws: `TensorError.invalidShape` naming the shapes when they do not fit.
public func convolve2D(_ x: Variable, _ w: Variable, _ b: Variable, stride: Int = 1, padding: Int = 0) throws -> Variable {
    guard w.rank == 4, w.shape[2] == w.shape[3], b.shape == [w.shape[0]], stride >= 1, padding >= 0 else {
        throw TensorError.invalidShape("convolution needs kernels c_out × c_in × k × k and a bias of c_out, stride >= 1 and padding >= 0, got shapes \(formatShape(w.shape)) and \(formatShape(b.shape)), stride \(stride), padding \(padding)")
    }
    let cOut = w.shape[0], cIn = w.shape[1], k = w.shape[2]
    let name = "Conv2D(\(cIn), \(cOut), \(k), stride=\(stride), padding=\(padding))"
    guard x.rank == 4, x.shape[1] == cIn else {
        throw TensorError.invalidShape("\(name) expects images N × \(cIn) × H × W, got shape \(formatShape(x.shape))")
    }
    let h = x.shape[2] + 2 * padding, wd = x.shape[3] + 2 * padding
    guard h >= k, wd >= k else {
        throw TensorError.invalidShape("\(name): the \(k)×\(k) kernel is larger than the \(h)×\(wd) image (padding included), input shape \(formatShape(x.shape))")
    }
    let n = x.shape[0]
    let oh = (h - k) / stride + 1, ow = (wd - k) / stride + 1
    let padded = try pad(x, padding)
    var views: [Variable] = []
    views.reserveCapacity(k * k)
    for u in 0..<k {
        for v in 0..<k {
            views.append(try padded.subscripted([
                .all, .all,
                .range(start: u, stop: u + stride * (oh - 1) + 1, step: stride),
                .range(start: v, stop: v + stride * (ow - 1) + 1, step: stride),
            ]))
        }
    }
    // N × C × k² × OH × OW → (N·OH·OW) × (C·k²), the column order of w's c, u, v.
    let columns = try Variable.stack(views, axis: 2).permuted([0, 3, 4, 1, 2]).reshape([n * oh * ow, cIn * k * k])
    let kernels = try w.reshape([cOut, cIn * k * k]).transposed()
    let out = try columns.matmul(kernels) + b
    return try out.reshape([n, oh, ow, cOut]).permuted([0, 3, 1, 2])
}

/// `x` (N × C × H × W) with `p` zeros added on each side of each image.
func pad(_ x: Variable, _ p: Int) throws -> Variable {
    guard p > 0 else { return x }
    let s = x.shape
    let rows = Variable(try Tensor.zeros([s[0], s[1], p, s[3]]))
    let tall = try Variable.concat([rows, x, rows], axis: 2)
    let columns = Variable(try Tensor.zeros([s[0], s[1], s[2] + 2 * p, p]))
    return try Variable.concat([columns, tall, columns], axis: 3)
}
