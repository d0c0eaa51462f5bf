import Glibc
import CVectorMath

/// Elementwise operations of two tensors, with NumPy broadcasting.
public enum BinaryOperation: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case maximum = "max", minimum = "min"
    /// `atan2(self, other)`: the angle of the point (other, self), NumPy's `arctan2(y, x)`.
    case arctan2
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
}

extension Tensor {
    /// `self op other` elementwise with broadcasting. Comparisons give 0/1.
    /// - Throws: `shapeMismatch` when the shapes do not broadcast.
    public func binary(_ op: BinaryOperation, _ other: Tensor) throws -> Tensor {
        switch op {
        case .add: return try zipWith(other, op) { $0 + $1 }
        case .subtract: return try zipWith(other, op) { $0 - $1 }
        case .multiply: return try zipWith(other, op) { $0 * $1 }
        case .divide: return try zipWith(other, op) { $0 / $1 }
        case .power: return try zipWith(other, op) { Tensor.power($0, $1) }
        // NaN propagates, as NumPy's maximum does.
        case .maximum: return try zipWith(other, op) { $0 != $0 || $0 > $1 ? $0 : $1 }
        case .minimum: return try zipWith(other, op) { $0 != $0 || $0 < $1 ? $0 : $1 }
        case .arctan2:
            if shape == other.shape, isContiguous, other.isContiguous {
                let n = count
                let out = try TensorStorage(outputCount: n, shape: shape)
                gb_vatan2(storage.base + offset, other.storage.base + other.offset, out.base, n)
                return Tensor(storage: out, shape: shape)
            }
            return try zipWith(other, op) { atan2($0, $1) }
        case .less: return try zipWith(other, op) { $0 < $1 ? 1 : 0 }
        case .lessEqual: return try zipWith(other, op) { $0 <= $1 ? 1 : 0 }
        case .greater: return try zipWith(other, op) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return try zipWith(other, op) { $0 >= $1 ? 1 : 0 }
        case .equal: return try zipWith(other, op) { $0 == $1 ? 1 : 0 }
        case .notEqual: return try zipWith(other, op) { $0 != $1 ? 1 : 0 }
        }
    }

    /// `x^y` with the small integer powers done by multiplication (exact and fast).
    @inline(__always) static func power(_ x: Double, _ y: Double) -> Double {
        if y == 2 { return x * x }
        if y == 1 { return x }
        if y == 3 { return x * x * x }
        if y == 0.5 { return x.squareRoot() }
        return pow(x, y)
    }

    /// Elementwise sum with broadcasting. - Throws: `shapeMismatch`.
    public static func + (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.add, rhs) }
    /// Elementwise difference with broadcasting. - Throws: `shapeMismatch`.
    public static func - (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.subtract, rhs) }
    /// Elementwise product with broadcasting. - Throws: `shapeMismatch`.
    public static func * (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.multiply, rhs) }
    /// Elementwise quotient with broadcasting. - Throws: `shapeMismatch`.
    public static func / (lhs: Tensor, rhs: Tensor) throws -> Tensor { try lhs.binary(.divide, rhs) }

    /// The broadcast kernel: one tight loop per output row, specialised on `f`.
    @inline(__always)
    func zipWith(_ other: Tensor, _ op: BinaryOperation, _ f: (Double, Double) -> Double) throws -> Tensor {
        let a = self, b = other
        // Fast paths: equal contiguous shapes, or a one-element operand.
        if a.shape == b.shape, a.isContiguous, b.isContiguous {
            let n = a.count
            let out = try TensorStorage(outputCount: n, shape: a.shape)
            let pa = a.storage.base + a.offset, pb = b.storage.base + b.offset, po = out.base
            for i in 0..<n { po[i] = f(pa[i], pb[i]) }
            return Tensor(storage: out, shape: a.shape)
        }
        if b.count == 1, a.isContiguous, b.rank <= a.rank {
            let n = a.count, y = b.storage.base[b.offset]
            let out = try TensorStorage(outputCount: n, shape: a.shape)
            let pa = a.storage.base + a.offset, po = out.base
            for i in 0..<n { po[i] = f(pa[i], y) }
            return Tensor(storage: out, shape: a.shape)
        }
        if a.count == 1, b.isContiguous, a.rank <= b.rank {
            let n = b.count, x = a.storage.base[a.offset]
            let out = try TensorStorage(outputCount: n, shape: b.shape)
            let pb = b.storage.base + b.offset, po = out.base
            for i in 0..<n { po[i] = f(x, pb[i]) }
            return Tensor(storage: out, shape: b.shape)
        }
        let shape = try Broadcasting.shape(a.shape, b.shape, op: op.rawValue)
        let n = try Shape.validate(shape)
        let va = try a.broadcast(to: shape), vb = try b.broadcast(to: shape)
        let out = try TensorStorage(uninitializedCount: n)
        if n == 0 { return Tensor(storage: out, shape: shape) }
        let r = shape.count
        let length = shape[r - 1]
        let sa = va.strides[r - 1], sb = vb.strides[r - 1]
        var index = [Int](repeating: 0, count: r)
        var pa = va.offset, pb = vb.offset
        var po = out.base
        let baseA = va.storage.base, baseB = vb.storage.base
        while true {
            let ra = baseA + pa, rb = baseB + pb
            if sa == 1 && sb == 1 {
                for i in 0..<length { po[i] = f(ra[i], rb[i]) }
            } else if sa == 1 && sb == 0 {
                let y = rb[0]
                for i in 0..<length { po[i] = f(ra[i], y) }
            } else if sa == 0 && sb == 1 {
                let x = ra[0]
                for i in 0..<length { po[i] = f(x, rb[i]) }
            } else {
                for i in 0..<length { po[i] = f(ra[i * sa], rb[i * sb]) }
            }
            po += length
            var axis = r - 2
            while axis >= 0 {
                index[axis] += 1
                pa += va.strides[axis]; pb += vb.strides[axis]
                if index[axis] < shape[axis] { break }
                pa -= va.strides[axis] * shape[axis]; pb -= vb.strides[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
            if axis < 0 { break }
        }
        return Tensor(storage: out, shape: shape)
    }

    /// Applies `f` to every element into a new contiguous tensor.
    @inline(__always)
    func mapElements(_ f: (Double) -> Double) -> Tensor {
        let n = count
        let out = TensorStorage(checkedCount: n)
        if isContiguous {
            let p = storage.base + offset, po = out.base
            for i in 0..<n { po[i] = f(p[i]) }
        } else {
            var po = out.base
            forEachRow { src, stride, length in
                for i in 0..<length { po[i] = f(src[i * stride]) }
                po += length
            }
        }
        return Tensor(storage: out, shape: shape)
    }
}
