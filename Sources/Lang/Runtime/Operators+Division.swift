import Autodiff
import Glibc
import Tensor

/// `//` and `%` with NumPy's rules: the remainder takes the divisor's sign and
/// `a == (a // b) * b + a % b`. Both come from one `divmod`, NumPy's
/// `npy_divmod`, so the pair agrees to the last bit with `np.floor_divide` and
/// `np.remainder` (and with CPython's float `//` and `%`).
extension Operators {
    /// NumPy's `npy_divmod`: the floored quotient and the remainder of `a / b`.
    /// The quotient is computed from `a - fmod(a, b)`, which is a multiple of `b`
    /// up to rounding, and snapped to the nearest integer: `floor(a / b)` alone
    /// gets `1 // 0.1` wrong (10 instead of 9).
    @inline(__always)
    static func divmod(_ a: Double, _ b: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(a, b)
        if b == 0 { return (a / b, mod) }
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        } else {
            mod = copysign(0, b)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = copysign(0, a / b)
        }
        return (floordiv, mod)
    }

    /// `a % b`, the remainder of `divmod`, with a shortcut for whole numbers below 2⁵³:
    /// there `fmod` is exact and equals the integer remainder, so one integer division
    /// replaces the libm call (`i % 1000` in a loop). Same sign rule, same `-0.0`.
    @inline(__always)
    static func modulo(_ a: Double, _ b: Double) -> Double {
        if abs(a) < 0x1p53, abs(b) < 0x1p53, b != 0 {
            let ia = Int(a), ib = Int(b)
            if Double(ia) == a, Double(ib) == b {
                var r = ia % ib
                if r == 0 { return copysign(0, b) }
                if (r < 0) != (ib < 0) { r += ib }
                return Double(r)
            }
        }
        return divmod(a, b).remainder
    }

    /// `a // b` or `a % b` elementwise with broadcasting.
    static func divmod(_ op: BinaryOperator, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        let shape = try Broadcasting.shape(x.shape, y.shape, op: op.rawValue)
        let xs = try x.broadcast(to: shape).scalars, ys = try y.broadcast(to: shape).scalars
        var out = [Double](repeating: 0, count: xs.count)
        let quotient = op == .floorDivide
        xs.withUnsafeBufferPointer { a in
            ys.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count {
                        let (q, r) = divmod(a[i], b[i])
                        o[i] = quotient ? q : r
                    }
                }
            }
        }
        return try Tensor(shape: shape, values: out)
    }

    /// `a % b` or `a // b` when either side is differentiable. The remainder is
    /// `a - q * b` with the quotient `q` held constant, which is its derivative
    /// almost everywhere (1 for `a`, `-q` for `b`, as PyTorch's `remainder`);
    /// the floored quotient is piecewise constant, so it is a constant (gradient 0).
    static func divmod(_ op: BinaryOperator, _ a: Variable, _ b: Variable) throws -> Value {
        let q = try divmod(.floorDivide, a.value, b.value)
        if op == .floorDivide { return wrap(q) }
        let value = try divmod(.modulo, a.value, b.value)
        let r = try a.binary(.subtract, try Variable(q).binary(.multiply, b))
        // The graph's arithmetic rounds differently from fmod; keep NumPy's value, the graph's derivative.
        return .variable(try r.binary(.add, Variable(try value.binary(.subtract, r.value))))
    }
}
