import Glibc

extension Tensor {
    /// `x` where `x > 0`, `alpha · x` elsewhere.
    public func leakyRelu(alpha: Double = 0.01) -> Tensor {
        mapElements { $0 > 0 ? $0 : alpha * $0 }
    }

    /// `x` where `x > 0`, `alpha · (eˣ − 1)` elsewhere (computed with `expm1`).
    public func elu(alpha: Double = 1) -> Tensor {
        mapElements { $0 > 0 ? $0 : alpha * Glibc.expm1($0) }
    }

    /// Each element limited to `[low, high]` (`nan` stays `nan`).
    public func clip(_ low: Double, _ high: Double) -> Tensor {
        mapElements { $0 < low ? low : ($0 > high ? high : $0) }
    }

    /// `a` where `condition` is non-zero, `b` elsewhere; all three broadcast together.
    /// - Throws: `shapeMismatch` when the shapes do not broadcast.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let ab = try Broadcasting.shape(a.shape, b.shape, op: "where")
        let shape = try Broadcasting.shape(condition.shape, ab, op: "where")
        let c = try condition.broadcast(to: shape).contiguous()
        let x = try a.broadcast(to: shape).contiguous()
        let y = try b.broadcast(to: shape).contiguous()
        return try Tensor(shape: shape) { out in
            let pc = c.storage.base + c.offset, px = x.storage.base + x.offset, py = y.storage.base + y.offset
            for i in 0..<out.count { out[i] = pc[i] != 0 ? px[i] : py[i] }
        }
    }

    /// `exp(x - max) / Σ exp(x - max)` along `axis`; subtracting the max avoids overflow.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func softmax(axis: Int = -1) throws -> Tensor {
        let shifted = try binary(.subtract, max(axis: axis, keepDims: true))
        let e = shifted.unary(.exp)
        return try e.binary(.divide, e.sum(axis: axis, keepDims: true))
    }

    /// `x - max - log Σ exp(x - max)` along `axis`, the stable log of `softmax`.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func logSoftmax(axis: Int = -1) throws -> Tensor {
        let shifted = try binary(.subtract, max(axis: axis, keepDims: true))
        let logSum = try shifted.unary(.exp).sum(axis: axis, keepDims: true).unary(.log)
        return try shifted.binary(.subtract, logSum)
    }
}
