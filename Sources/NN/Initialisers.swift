import Tensor

/// How a weight matrix starts, as in the notes' activation experiment.
///
/// - `xavier`: N(0, std²) with std = √(2 / (n_in + n_out))
/// - `he`: N(0, std²) with std = √(2 / n_in), for ReLU layers
/// - `normal(std:)`: N(0, std²)
/// - `zeros`: all zero (such a layer never breaks its symmetry: the notes' warning)
public enum Initialiser: Equatable {
    /// std √(2 / (n_in + n_out)).
    case xavier
    /// std √(2 / n_in).
    case he
    /// A given std.
    case normal(std: Double)
    /// All zero.
    case zeros

    /// The initialiser named as the language writes it (`"xavier"`, `"he"`,
    /// `"normal"` with `std`, `"zeros"`).
    /// - Throws: `NNError.invalidArgument` for another name or a negative std.
    public static func named(_ name: String, std: Double = 0.01) throws -> Initialiser {
        switch name {
        case "xavier", "glorot": return .xavier
        case "he", "kaiming": return .he
        case "normal":
            guard std >= 0 else { throw NNError.invalidArgument("init=\"normal\" needs std >= 0, got \(std)") }
            return .normal(std: std)
        case "zeros": return .zeros
        default:
            throw NNError.invalidArgument("unknown init \"\(name)\" (expected \"xavier\", \"he\", \"normal\" or \"zeros\")")
        }
    }

    /// The standard deviation for an n_in × n_out matrix.
    public func std(nIn: Int, nOut: Int) -> Double {
        switch self {
        case .xavier: return (2 / Double(nIn + nOut)).squareRoot()
        case .he: return (2 / Double(Swift.max(nIn, 1))).squareRoot()
        case let .normal(std): return std
        case .zeros: return 0
        }
    }

    /// An n_in × n_out matrix drawn from `generator`.
    /// - Throws: `TensorError` for an invalid or too large shape.
    public func matrix(nIn: Int, nOut: Int, using generator: RandomGenerator) throws -> Tensor {
        let s = std(nIn: nIn, nOut: nOut)
        if self == .zeros { return try Tensor(shape: [nIn, nOut], repeating: 0) }
        return try Tensor(shape: [nIn, nOut]) { out in
            for i in 0..<out.count { out[i] = s * generator.nextNormal() }
        }
    }

    /// How the language writes it.
    public var summary: String {
        switch self {
        case .xavier: return "\"xavier\""
        case .he: return "\"he\""
        case let .normal(std): return "\"normal\", std=\(formatNumber(std))"
        case .zeros: return "\"zeros\""
        }
    }
}
