import Glibc
import CVectorMath

/// Elementwise functions of one tensor.
public enum UnaryOperation: String, Sendable, CaseIterable {
    case negate = "neg", exp, log, sqrt, abs, sign, sin, cos, tanh, sigmoid, relu, softplus, square, reciprocal
    case floor, ceil, round, trunc
    case log1p, expm1, log2, log10, tan, arcsin, arccos, arctan, sinh, cosh
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
        case .floor: return mapVector(gb_vfloor)
        case .ceil: return mapVector(gb_vceil)
        // Halves to even, as NumPy's round (C's rint) does: 0.5 -> 0, 1.5 -> 2.
        case .round: return mapVector(gb_vrint)
        case .trunc: return mapVector(gb_vtrunc)
        case .log1p: return mapVector(gb_vlog1p)
        case .expm1: return mapVector(gb_vexpm1)
        case .log2: return mapVector(gb_vlog2)
        case .log10: return mapVector(gb_vlog10)
        case .tan: return mapVector(gb_vtan)
        case .arcsin: return mapVector(gb_vasin)
        case .arccos: return mapVector(gb_vacos)
        case .arctan: return mapVector(gb_vatan)
        case .sinh: return mapVector(gb_vsinh)
        case .cosh: return mapVector(gb_vcosh)
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
