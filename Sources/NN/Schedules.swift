import Glibc

/// A learning-rate schedule: the rate as a function of the step number t = 0, 1, 2, …
///
/// The three decays of the notes:
/// - `stepDecay(lr0, drop, every)`: lr0 · drop^⌊t / every⌋
/// - `expDecay(lr0, k)`: lr0 · e^(−k t)
/// - `invTimeDecay(lr0, k)`: lr0 / (1 + k t)
public enum Schedule: Equatable {
    /// lr0 · drop^⌊t / every⌋.
    case stepDecay(lr0: Double, drop: Double, every: Int)
    /// lr0 · e^(−k t).
    case expDecay(lr0: Double, k: Double)
    /// lr0 / (1 + k t).
    case invTimeDecay(lr0: Double, k: Double)

    /// A step decay, checking that `every` is positive.
    /// - Throws: `NNError.invalidArgument` for `every` ≤ 0.
    public static func step(lr0: Double, drop: Double = 0.5, every: Int = 10) throws -> Schedule {
        guard every > 0 else { throw NNError.invalidArgument("step_decay: every must be positive, got \(every)") }
        return .stepDecay(lr0: lr0, drop: drop, every: every)
    }

    /// The rate at step `t` (t ≥ 0).
    public func rate(at t: Int) -> Double {
        switch self {
        case let .stepDecay(lr0, drop, every):
            return lr0 * pow(drop, Double(t / Swift.max(every, 1)))
        case let .expDecay(lr0, k):
            return lr0 * exp(-k * Double(t))
        case let .invTimeDecay(lr0, k):
            return lr0 / (1 + k * Double(t))
        }
    }

    /// The schedule as the language writes it, `step_decay(0.1, 0.5, 10)`.
    public var summary: String {
        switch self {
        case let .stepDecay(lr0, drop, every):
            return "step_decay(\(formatNumber(lr0)), \(formatNumber(drop)), \(every))"
        case let .expDecay(lr0, k):
            return "exp_decay(\(formatNumber(lr0)), \(formatNumber(k)))"
        case let .invTimeDecay(lr0, k):
            return "inv_t_decay(\(formatNumber(lr0)), \(formatNumber(k)))"
        }
    }
}
