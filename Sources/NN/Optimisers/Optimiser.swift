import Tensor

/// An optimiser: given a point and the gradient there, returns the next point,
/// keeping whatever it needs between calls (velocity, moments, curvature pairs).
///
/// `step(xs, gs)` updates several tensors at once (the parameters of a model); each
/// position in the list keeps its own state, and time-dependent terms (Adam's bias
/// correction, schedules) advance once per call. `step(x, g)` is the one-tensor case.
///
///     let opt = Momentum(lr: 0.1, rho: 0.9)
///     var x = Tensor([1, 2])
///     x = try opt.step(x, gradient(at: x))
public protocol Optimiser: AnyObject {
    /// The name and hyperparameters, as the language prints them (`Adam(lr=0.001, ...)`).
    var summary: String { get }
    /// The learning rate the next step will use (the schedule's value when there is one).
    var learningRate: Double { get }
    /// Number of steps taken so far.
    var iterations: Int { get }
    /// Returns the next value of every tensor in `xs`, given the gradients `gs`.
    /// - Throws: `TensorError.shapeMismatch` when a gradient's shape differs from its tensor's.
    func step(_ xs: [Tensor], _ gs: [Tensor]) throws -> [Tensor]
    /// Forgets the state (velocity, moments, step count) so the optimiser starts afresh.
    func reset()
}

extension Optimiser {
    /// The next point from `x` given the gradient `g` at it.
    /// - Throws: `TensorError.shapeMismatch` when `g` and `x` differ in shape.
    public func step(_ x: Tensor, _ g: Tensor) throws -> Tensor {
        let next = try step([x], [g])
        return next[0] // safe: step returns one tensor per input
    }
}

/// What every first-order optimiser shares: the learning rate or its schedule,
/// weight decay, and the step counter.
public struct OptimiserSettings {
    /// Base learning rate, used when `schedule` is nil.
    public var lr: Double
    /// Weight decay λ: the gradient gets 2λx added (the notes' ∂(λ‖w‖²)/∂w), so a
    /// plain SGD step is x → (1 − 2ηλ)x − η g.
    public var weightDecay: Double
    /// A schedule replacing `lr` by `schedule.rate(at: iterations)`.
    public var schedule: Schedule?
    /// Steps taken.
    public var iterations = 0

    /// Settings with learning rate `lr`, weight decay and an optional schedule.
    public init(lr: Double, weightDecay: Double = 0, schedule: Schedule? = nil) {
        self.lr = lr
        self.weightDecay = weightDecay
        self.schedule = schedule
    }

    /// The learning rate of the current step.
    public var currentRate: Double { schedule?.rate(at: iterations) ?? lr }

    /// The gradient with weight decay added, and a shape check.
    func decayed(_ x: Tensor, _ g: Tensor, _ op: String) throws -> Tensor {
        try Elementwise.checkSameShape(x, g, op)
        if weightDecay == 0 { return g }
        let twoLambda = 2 * weightDecay
        return try Elementwise.map(x, g) { x, g in g + twoLambda * x }
    }

    /// Text for `lr=…, weight_decay=…` in a summary (decay only when set).
    var summaryTail: String {
        var parts = [schedule.map { "lr=\($0.summary)" } ?? "lr=\(formatNumber(lr))"]
        if weightDecay != 0 { parts.append("weight_decay=\(formatNumber(weightDecay))") }
        return parts.joined(separator: ", ")
    }
}

/// A first-order optimiser: its rate, decay and step count live in `settings`,
/// and each step visits the (tensor, gradient) pairs one by one.
public protocol FirstOrderOptimiser: Optimiser {
    /// Learning rate, schedule, weight decay and step count.
    var settings: OptimiserSettings { get set }
}

extension FirstOrderOptimiser {
    /// The rate of the next step.
    public var learningRate: Double { settings.currentRate }
    /// Steps taken.
    public var iterations: Int { settings.iterations }
}

extension OptimiserSettings {
    /// One step over every pair: checks the pairing, adds weight decay to each
    /// gradient, passes slot index, tensor and decayed gradient to `update` for the
    /// next value, and counts the step once all pairs are done.
    mutating func stepEach(_ xs: [Tensor], _ gs: [Tensor], _ name: String,
                           _ update: (Int, Tensor, Tensor) throws -> Tensor) throws -> [Tensor] {
        try checkPairs(xs, gs, name)
        var out: [Tensor] = []
        out.reserveCapacity(xs.count)
        for (i, (x, g)) in zip(xs, gs).enumerated() {
            out.append(try update(i, x, try decayed(x, g, "\(name).step")))
        }
        iterations += 1
        return out
    }
}

/// Checks that `xs` and `gs` pair up.
func checkPairs(_ xs: [Tensor], _ gs: [Tensor], _ op: String) throws {
    guard xs.count == gs.count else {
        throw TensorError.invalidArgument("\(op).step: \(xs.count) tensors but \(gs.count) gradients")
    }
}

/// Per-tensor state that grows to as many slots as tensors are stepped.
struct SlotState {
    private var slots: [Tensor?] = []

    /// The state of slot `i`, or zeros of `shape` the first time (moments start at zero).
    mutating func take(_ i: Int, shape: [Int]) throws -> Tensor {
        if i >= slots.count { slots.append(contentsOf: repeatElement(nil, count: i - slots.count + 1)) }
        if let s = slots[i], s.shape == shape {
            slots[i] = nil // drop our reference so the caller mutates in place
            return s
        }
        return try Tensor(shape: shape, repeating: 0)
    }

    /// Stores the updated state of slot `i`.
    mutating func put(_ i: Int, _ value: Tensor) { slots[i] = value }

    /// Forgets every slot.
    mutating func clear() { slots = [] }
}

/// A number as the language prints it: integers without a decimal point.
func formatNumber(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return "\(x)"
}
