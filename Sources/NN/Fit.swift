import Autodiff
import Support
import Tensor

/// A loss: prediction and target to a one-element Variable.
public typealias Loss = (Variable, Variable) throws -> Variable

/// The record of a `fit`: the loss per epoch and how training ended.
public struct History: Equatable {
    /// Mean training loss of each epoch (batches weighted by their size).
    public var train: [Double] = []
    /// Validation loss after each epoch (empty without validation data).
    public var validation: [Double] = []
    /// Training accuracy of each epoch's batches (with `FitOptions.accuracy`; empty otherwise).
    public var trainAccuracy: [Double] = []
    /// Validation accuracy after each epoch (with `FitOptions.accuracy` and validation data).
    public var validationAccuracy: [Double] = []
    /// True when early stopping ended training.
    public var stoppedEarly = false
    /// The epoch (from 1) with the lowest monitored loss, when early stopping was on.
    public var bestEpoch: Int?
    /// The epoch whose weights the model holds after a restore of the best weights;
    /// nil when the model kept its last weights.
    public var restoredEpoch: Int?
    /// True when the stop check (Ctrl-C) ended training; the model keeps what it learned.
    public var interrupted = false

    /// An empty history.
    public init() {}
}

/// How far a `fit` has got, for a progress bar.
public struct FitProgress {
    /// Batches done so far, over all epochs.
    public var done: Int
    /// Batches in the whole run.
    public var total: Int
    /// Current epoch, from 1.
    public var epoch: Int
    /// The running mean loss of the current epoch.
    public var loss: Double
    /// Training rows processed per second so far.
    public var rate: Double
    /// Seconds left at the rate so far.
    public var eta: Double
    /// `epoch 2/5  loss 0.0312  val_loss 0.0401  val_acc 0.9733  5120 rows/s  ETA 3s`.
    public var message: String
}

/// The settings of a `fit`, with the defaults of the language's `fit`.
public struct FitOptions {
    /// Passes over the data (default 1).
    public var epochs = 1
    /// Rows per batch (default 32); the last batch of an epoch may be smaller.
    public var batchSize = 32
    /// Visit the rows in a new random order each epoch (default true).
    public var shuffle = true
    /// Data evaluated after each epoch, in evaluation mode.
    public var validation: (x: Tensor, y: Tensor)?
    /// Also record the accuracy (largest score = label, `Datasets.accuracy`) of the
    /// training batches and the validation data: for classifiers trained on scores.
    public var accuracy = false
    /// Stop after this many epochs without a new best loss (validation loss when given,
    /// the epoch's mean training loss otherwise); nil never stops early.
    public var earlyStopping: Int?
    /// With early stopping, end with the weights (and BatchNorm running statistics) of
    /// the epoch with the best loss, as Keras' `restore_best_weights`, whether training
    /// stopped early or ran all its epochs (default true); false keeps the last weights.
    /// A stop check (Ctrl-C) never restores: the model keeps what it learned.
    public var restoreBest = true
    /// A penalty on the parameters added to every batch loss (l1, l2, elastic).
    public var regulariser: (([Variable]) throws -> Variable)?
    /// Source of the shuffles; the default is a fresh stream seeded with 0, so a fit
    /// given no generator shuffles the same way every time (the language passes its session's).
    public var generator = RandomGenerator(seed: 0)

    /// The defaults.
    public init() {}
}

/// Trains `model` on (X, Y) by mini-batch gradient steps and returns the loss history.
///
/// Each batch: forward in training mode, loss (plus the regulariser), gradients of
/// the loss with respect to every parameter (first order, no graph kept), one
/// `optimiser.step` over all parameters. `progress` hears after every batch;
/// `shouldStop` is asked before each batch, and a true answer ends training cleanly
/// (the history says `interrupted`, the model keeps its trained parameters).
/// With early stopping and `restoreBest`, the model ends with the weights of its best
/// epoch (`History.restoredEpoch`) unless that was the last one.
/// The model's mode is restored at the end.
/// - Throws: `NNError.invalidArgument` for mismatched row counts or bad options;
///   what the model, loss or optimiser throws.
public func fit(_ model: Layer, _ x: Tensor, _ y: Tensor, loss: Loss, optimiser: Optimiser,
                options: FitOptions = FitOptions(), progress: ((FitProgress) -> Void)? = nil,
                shouldStop: (() -> Bool)? = nil) throws -> History {
    guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
        throw NNError.invalidArgument("fit needs X and Y with the same number of rows, got shapes \(formatShape(x.shape)) and \(formatShape(y.shape))")
    }
    guard options.epochs >= 0 else { throw NNError.invalidArgument("fit needs epochs >= 0, got \(options.epochs)") }
    guard options.batchSize > 0 else { throw NNError.invalidArgument("fit needs batch_size > 0, got \(options.batchSize)") }
    if let patience = options.earlyStopping, patience < 1 {
        throw NNError.invalidArgument("fit needs early_stopping >= 1, got \(patience)")
    }
    if let v = options.validation, v.x.rank < 1 || v.y.rank < 1 || v.x.shape[0] != v.y.shape[0] {
        throw NNError.invalidArgument("fit: validation X and Y differ in rows, shapes \(formatShape(v.x.shape)) and \(formatShape(v.y.shape))")
    }
    let rows = x.shape[0]
    let xs = x.contiguous(), ys = y.contiguous()
    let batches = (rows + options.batchSize - 1) / options.batchSize
    let total = batches * options.epochs
    let wasTraining = model.isTraining
    defer { model.isTraining = wasTraining }
    let params = model.parameters
    var history = History()
    var best = Double.infinity, sinceBest = 0, done = 0
    var bestState: ModelSnapshot?
    var order = Array(0..<rows)
    let started = monotonicSeconds()
    var rowsDone = 0

    guard options.epochs > 0 else { return history }
    for epoch in 1...options.epochs {
        model.train()
        if options.shuffle { order = options.generator.permutation(rows) }
        var sum = 0.0, seen = 0, hits = 0.0
        for batch in 0..<batches {
            if shouldStop?() == true {
                history.interrupted = true
                if seen > 0 { history.train.append(sum / Double(seen)) }
                return history
            }
            let start = batch * options.batchSize, end = Swift.min(start + options.batchSize, rows)
            let contiguousRange = !options.shuffle
            let bx = try rowsOf(xs, order, start, end, contiguousRange)
            let by = try rowsOf(ys, order, start, end, contiguousRange)
            let scores = try model(Variable(bx))
            if options.accuracy { hits += try Datasets.accuracy(scores.value, by) * Double(end - start) }
            var value = try loss(scores, Variable(by))
            if let r = options.regulariser { value = try value + r(params.map(\.variable)) }
            let lossValue = try value.value.scalar()
            let grads = try gradients(of: value, withRespect: params.map(\.variable), createGraph: false)
            let next = try optimiser.step(params.map(\.value), grads.map(\.value))
            for (p, v) in zip(params, next) { p.value = v }
            sum += lossValue * Double(end - start)
            seen += end - start
            done += 1
            if let progress {
                let mean = sum / Double(seen)
                rowsDone += end - start
                let elapsed = monotonicSeconds() - started
                let rate = Double(rowsDone) / Swift.max(elapsed, 1e-9)
                let eta = elapsed / Double(done) * Double(total - done)
                var columns = "epoch \(epoch)/\(options.epochs)  loss \(shortNumber(mean))"
                if options.accuracy { columns += "  acc \(fixed4(hits / Double(seen)))" }
                if let vl = history.validation.last { columns += "  val_loss \(shortNumber(vl))" }
                if let va = history.validationAccuracy.last { columns += "  val_acc \(fixed4(va))" }
                progress(FitProgress(done: done, total: total, epoch: epoch, loss: mean, rate: rate, eta: eta,
                                     message: columns + "  \(Int(rate)) rows/s  ETA \(etaText(eta))"))
            }
        }
        let trainLoss = sum / Double(Swift.max(seen, 1))
        history.train.append(trainLoss)
        if options.accuracy { history.trainAccuracy.append(hits / Double(Swift.max(seen, 1))) }
        var monitored = trainLoss
        if let v = options.validation {
            model.eval()
            let scores = try model(Variable(v.x))
            let vl = try loss(scores, Variable(v.y)).value.scalar()
            history.validation.append(vl)
            if options.accuracy { history.validationAccuracy.append(try Datasets.accuracy(scores.value, v.y)) }
            monitored = vl
        }
        if let patience = options.earlyStopping {
            if monitored < best {
                best = monitored
                sinceBest = 0
                history.bestEpoch = epoch
                if options.restoreBest { bestState = ModelSnapshot(model) }
            } else {
                sinceBest += 1
            }
            if sinceBest >= patience { history.stoppedEarly = true; break }
        }
    }
    if let bestState, let bestEpoch = history.bestEpoch, bestEpoch != history.train.count {
        bestState.restore()
        history.restoredEpoch = bestEpoch
    }
    return history
}

/// Rows `order[start..<end]` of `t` (rows `start..<end` when `inOrder`), copied into a new tensor.
func rowsOf(_ t: Tensor, _ order: [Int], _ start: Int, _ end: Int, _ inOrder: Bool) throws -> Tensor {
    var shape = t.shape
    shape[0] = end - start
    let width = t.shape.dropFirst().reduce(1, *)
    return try t.withContiguousElements { src in
        try Tensor(shape: shape) { out in
            guard let s = src.baseAddress, let o = out.baseAddress, width > 0 else { return }
            for (k, i) in (start..<end).enumerated() {
                let row = inOrder ? i : order[i]
                (o + k * width).update(from: s + row * width, count: width)
            }
        }
    }
}

/// An accuracy for a progress message: four decimals.
func fixed4(_ x: Double) -> String {
    "\((x * 10_000).rounded() / 10_000)"
}

/// Time left for a progress message: `42s`, `3m05s`, `1h02m`.
func etaText(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    let s = Int(seconds.rounded())
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m" + (s % 60 < 10 ? "0" : "") + "\(s % 60)s" }
    return "\(s / 3600)h" + (s / 60 % 60 < 10 ? "0" : "") + "\(s / 60 % 60)m"
}

/// A loss for a progress message: four significant digits.
func shortNumber(_ x: Double) -> String {
    guard x.isFinite, x != 0 else { return "\(x)" }
    let magnitude = Swift.abs(x)
    if magnitude >= 1e-3, magnitude < 1e5 {
        let digits = Swift.max(0, 3 - Int((magnitude).log10Floor))
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        return "\((x * p).rounded() / p)"
    }
    return "\(x)"
}

extension Double {
    /// ⌊log₁₀ self⌋ for a positive finite value.
    var log10Floor: Double {
        var e = 0.0, v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
