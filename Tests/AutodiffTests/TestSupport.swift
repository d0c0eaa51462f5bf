import Tensor
import Autodiff

/// A small seeded generator (SplitMix64) so the tests need nothing from Tensor's RNG.
struct TestRandom {
    var state: UInt64

    mutating func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    /// Values in [0.5, 2] (for log, sqrt, division, powers).
    mutating func positive(_ shape: [Int]) -> Tensor {
        let n = shape.reduce(1, *)
        return (try? Tensor(shape: shape, values: (0..<n).map { _ in 0.5 + 1.5 * next() })) ?? Tensor(0)
    }

    /// Values for a domain: positive, signed, or unit (magnitude in [0.12, 0.8]).
    mutating func values(_ shape: [Int], _ domain: OpCase.Domain) -> Tensor {
        switch domain {
        case .positive: return positive(shape)
        case .signed: return signed(shape)
        case .unit: return (try? signed(shape).binary(.multiply, Tensor(0.4))) ?? Tensor(0)
        }
    }

    /// Values of either sign with magnitude in [0.3, 2], away from the kinks at 0.
    mutating func signed(_ shape: [Int]) -> Tensor {
        let n = shape.reduce(1, *)
        return (try? Tensor(shape: shape, values: (0..<n).map { _ in
            let m = 0.3 + 1.7 * next()
            return next() < 0.5 ? -m : m
        })) ?? Tensor(0)
    }
}

/// Central-difference gradient of `f` with respect to input `k`, all others fixed.
func numericGradient(_ f: ([Variable]) throws -> Variable, _ inputs: [Tensor], _ k: Int, h: Double = 1e-6) throws -> [Double] {
    let base = inputs[k].scalars
    var out = [Double](repeating: 0, count: base.count)
    for i in base.indices {
        var plus = base, minus = base
        plus[i] += h
        minus[i] -= h
        var a = inputs.map { Variable($0) }, b = a
        a[k] = Variable(try Tensor(shape: inputs[k].shape, values: plus))
        b[k] = Variable(try Tensor(shape: inputs[k].shape, values: minus))
        out[i] = (try f(a).value.scalar() - f(b).value.scalar()) / (2 * h)
    }
    return out
}

/// Largest elementwise difference, scaled by max(1, |expected|).
func worstError(_ actual: [Double], _ expected: [Double]) -> Double {
    guard actual.count == expected.count else { return .infinity }
    var worst = 0.0
    for (a, e) in zip(actual, expected) {
        let d = abs(a - e) / max(1, abs(e))
        if !(d <= worst) { worst = d.isNaN ? .infinity : d }
    }
    return worst
}
