import Glibc

/// Elementwise functions of one tensor.
public enum UnaryOperation: String, Sendable, CaseIterable {
    case negate = "neg", exp, log, sqrt, abs, sign, sin, cos, tanh, sigmoid, relu, softplus, square, reciprocal
}

extension Tensor {
    /// Applies `op` to every element, returning a new contiguous tensor.
    public func unary(_ op: UnaryOperation) -> Tensor {
        switch op {
        case .negate: return mapElements { -$0 }
        case .exp: return mapElements { Glibc.exp($0) }
        case .log: return mapElements { Glibc.log($0) }
        case .sqrt: return mapElements { $0.squareRoot() }
        case .abs: return mapElements { Swift.abs($0) }
        case .sign: return mapElements { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0 == 0 ? 0 : $0)) }
        case .sin: return mapElements { Glibc.sin($0) }
        case .cos: return mapElements { Glibc.cos($0) }
        case .tanh: return mapElements { Glibc.tanh($0) }
        // Written so neither branch overflows: e^-x only for x ≥ 0.
        case .sigmoid: return mapElements { $0 >= 0 ? 1 / (1 + Glibc.exp(-$0)) : Glibc.exp($0) / (1 + Glibc.exp($0)) }
        case .relu: return mapElements { $0 > 0 ? $0 : 0 }
        // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), stable for large |x|.
        case .softplus: return mapElements { Swift.max($0, 0) + Glibc.log1p(Glibc.exp(-Swift.abs($0))) }
        case .square: return mapElements { $0 * $0 }
        case .reciprocal: return mapElements { 1 / $0 }
        }
    }

    public static prefix func - (x: Tensor) -> Tensor { x.unary(.negate) }
}
