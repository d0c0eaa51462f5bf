import Glibc
import CVectorMath

/// Elementwise functions of one tensor.
public enum UnaryOperation: String, Sendable, CaseIterable {
    case negate = "neg", exp, log, sqrt, abs, sign, sin, cos, tanh, sigmoid, relu, softplus, square, reciprocal
}

extension Tensor {
    /// Applies `op` to every element, returning a new contiguous tensor.
    public func unary(_ op: UnaryOperation) -> Tensor {
        switch op {
        case .negate: return mapElements { -$0 }
        case .exp: return mapVector(gb_vexp)
        case .log: return mapVector(gb_vlog)
        case .sqrt: return mapElements { $0.squareRoot() }
        case .abs: return mapElements { Swift.abs($0) }
        case .sign: return mapElements { $0 > 0 ? 1 : ($0 < 0 ? -1 : ($0 == 0 ? 0 : $0)) }
        case .sin: return mapVector(gb_vsin)
        case .cos: return mapVector(gb_vcos)
        case .tanh: return mapVector(gb_vtanh)
        // 1 / (1 + e^-x): when e^-x overflows to inf the result is the exact limit 0.
        case .sigmoid: return mapVector(gb_vsigmoid)
        case .relu: return mapElements { $0 > 0 ? $0 : 0 }
        // log(1 + e^x) = max(x, 0) + log1p(e^-|x|), stable for large |x|.
        case .softplus: return mapVector(gb_vsoftplus)
        case .square: return mapElements { $0 * $0 }
        case .reciprocal: return mapElements { 1 / $0 }
        }
    }

    /// Elementwise negation.
    public static prefix func - (x: Tensor) -> Tensor { x.unary(.negate) }

    /// Applies a C vector kernel (libmvec where the CPU allows) to the contiguous elements.
    func mapVector(_ kernel: (UnsafePointer<Double>?, UnsafeMutablePointer<Double>?, Int) -> Void) -> Tensor {
        let n = count
        let out = TensorStorage(checkedCount: n)
        withContiguousElements { kernel($0.baseAddress, out.base, n) }
        return Tensor(storage: out, shape: shape)
    }
}
