import Autodiff
import Tensor

/// The losses of the notes, as differentiable functions of the prediction.
/// N is the number of samples (rows); a 1-D prediction is N samples of one value.
public enum Losses {
    /// Mean squared error with the notes' halving: L = 1/(2N) Σᵢ ‖ŷᵢ − yᵢ‖².
    /// - Throws: `TensorError.shapeMismatch` when the shapes differ.
    public static func mse(_ prediction: Variable, _ target: Variable) throws -> Variable {
        guard prediction.shape == target.shape else {
            throw TensorError.shapeMismatch(op: "mse", lhs: prediction.shape, rhs: target.shape)
        }
        let r = try prediction - target
        return try (r * r).sum() / Double(2 * samples(prediction))
    }

    /// Cross-entropy of raw scores (logits) against labels, log-softmax inside:
    /// L = −1/N Σᵢ Σₖ yᵢₖ log softmax(sᵢ)ₖ.
    ///
    /// `target` is one-hot rows (N × k) or class indices (length N, values 0..<k).
    /// With `labelSmoothing` ε the targets become 1 − ε for the class and ε/(k − 1)
    /// for the others (the notes' label smoothing). The gradient with respect to the
    /// scores is (softmax(s) − Y) / N.
    /// - Throws: `NNError.invalidArgument` for indices outside 0..<k, ε outside [0, 1),
    ///   or scores that are not a 2-D batch; `TensorError.shapeMismatch` for one-hot rows of another shape.
    public static func crossEntropy(_ scores: Variable, _ target: Tensor, labelSmoothing: Double = 0) throws -> Variable {
        guard scores.rank == 2 else {
            throw NNError.invalidArgument("cross_entropy needs scores of shape (N, k), one row per sample; got \(formatShape(scores.shape))")
        }
        guard labelSmoothing >= 0, labelSmoothing < 1 else {
            throw NNError.invalidArgument("cross_entropy needs 0 <= label_smoothing < 1, got \(labelSmoothing)")
        }
        let n = scores.shape[0], k = scores.shape[1]
        var y = try oneHot(target, rows: n, classes: k)
        if labelSmoothing > 0 {
            guard k > 1 else { throw NNError.invalidArgument("label_smoothing needs at least 2 classes") }
            let hi = 1 - labelSmoothing, lo = labelSmoothing / Double(k - 1)
            y = try Elementwise.map(y) { $0 * (hi - lo) + lo }
        }
        let logp = try scores.logSoftmax(axis: -1)
        return try -((logp * Variable(y)).sum()) / Double(Swift.max(n, 1))
    }

    /// Binary cross-entropy of probabilities p against 0/1 targets:
    /// L = −mean(y log p + (1 − y) log(1 − p)), p clipped to [1e-12, 1 − 1e-12] so
    /// a saturated prediction gives a large finite loss instead of infinity.
    /// - Throws: `TensorError.shapeMismatch` when the shapes differ.
    public static func binaryCrossEntropy(_ p: Variable, _ target: Variable) throws -> Variable {
        guard p.shape == target.shape else {
            throw TensorError.shapeMismatch(op: "binary_cross_entropy", lhs: p.shape, rhs: target.shape)
        }
        let q = try p.clip(1e-12, 1 - 1e-12)
        let terms = try target * q.log() + (1 - target) * (1 - q).log()
        return try -(terms.sum()) / Double(Swift.max(p.count, 1))
    }

    /// Rows of a batch: the first axis, or 1 for a scalar.
    static func samples(_ x: Variable) -> Int { x.rank == 0 ? 1 : Swift.max(x.shape[0], 1) }

    /// `target` as N × k one-hot rows (already one-hot rows pass through).
    static func oneHot(_ target: Tensor, rows n: Int, classes k: Int) throws -> Tensor {
        if target.shape == [n, k] { return target }
        guard target.shape == [n] else {
            throw NNError.invalidArgument("cross_entropy needs targets as one-hot rows \(formatShape([n, k])) or \(n) class indices, got shape \(formatShape(target.shape))")
        }
        let labels = target.scalars
        var out = [Double](repeating: 0, count: n * k)
        for (i, label) in labels.enumerated() {
            guard label == label.rounded(), label >= 0, label < Double(k) else {
                throw NNError.invalidArgument("cross_entropy: class index \(formatNumber(label)) in row \(i) is not an integer in 0..<\(k)")
            }
            out[i * k + Int(label)] = 1
        }
        return try Tensor(shape: [n, k], values: out)
    }
}

/// Penalties on the parameters, added to a loss (the notes' λR(w)).
public enum Regularisers {
    /// λ Σ |w| over all parameters.
    public static func l1(_ params: [Variable], lambda: Double) throws -> Variable {
        try total(params) { $0.unary(.abs).sum() } * lambda
    }

    /// λ Σ w² over all parameters; its gradient 2λw is the notes' weight decay.
    public static func l2(_ params: [Variable], lambda: Double) throws -> Variable {
        try total(params) { try ($0 * $0).sum() } * lambda
    }

    /// The elastic net: l1 · Σ|w| + l2 · Σ w².
    public static func elastic(_ params: [Variable], l1: Double, l2: Double) throws -> Variable {
        try Regularisers.l1(params, lambda: l1) + Regularisers.l2(params, lambda: l2)
    }

    private static func total(_ params: [Variable], _ term: (Variable) throws -> Variable) throws -> Variable {
        var sum = Variable(0)
        for p in params { sum = try sum + term(p) }
        return sum
    }
}
