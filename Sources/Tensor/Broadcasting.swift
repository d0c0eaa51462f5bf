/// NumPy broadcasting: shapes are aligned on their last axes; sizes must be
/// equal or 1, and a size-1 (or missing) axis stretches to the other size.
public enum Broadcasting {
    /// The shape two shapes broadcast to.
    /// - Throws: `shapeMismatch` naming `op` and both shapes when they do not broadcast.
    public static func shape(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let r = Swift.max(a.count, b.count)
        var out = [Int](repeating: 1, count: r)
        for i in 0..<r {
            let da = i < r - a.count ? 1 : a[i - (r - a.count)]
            let db = i < r - b.count ? 1 : b[i - (r - b.count)]
            if da == db || db == 1 { out[i] = da }
            else if da == 1 { out[i] = db }
            else { throw TensorError.shapeMismatch(op: op, lhs: a, rhs: b) }
        }
        return out
    }
}

extension Tensor {
    /// A view of this tensor stretched to `target` (stride 0 on stretched axes), no copy.
    /// - Throws: `shapeMismatch` when the shape does not broadcast to `target`.
    public func broadcast(to target: [Int]) throws -> Tensor {
        if target == shape { return self }
        guard target.count >= rank else {
            throw TensorError.shapeMismatch(op: "broadcast", lhs: shape, rhs: target)
        }
        let lead = target.count - rank
        var newStrides = [Int](repeating: 0, count: target.count)
        for i in 0..<target.count where i >= lead {
            let d = shape[i - lead]
            if d == target[i] { newStrides[i] = strides[i - lead] }
            else if d == 1 { newStrides[i] = 0 }
            else { throw TensorError.shapeMismatch(op: "broadcast", lhs: shape, rhs: target) }
        }
        return Tensor(storage: storage, shape: target, strides: newStrides, offset: offset)
    }

    /// Sums `self` down to `target`, the inverse of broadcasting (used by gradients).
    /// - Throws: `shapeMismatch` when `target` does not broadcast to this shape.
    public func sumToShape(_ target: [Int]) throws -> Tensor {
        if target == shape { return self }
        guard target.count <= rank else {
            throw TensorError.shapeMismatch(op: "sum to shape", lhs: shape, rhs: target)
        }
        let lead = rank - target.count
        var result = self
        // Sum the leading axes away, then the stretched ones (keeping them as size 1).
        for _ in 0..<lead { result = try result.sum(axis: 0) }
        for i in 0..<target.count where target[i] == 1 && result.shape[i] != 1 {
            result = try result.sum(axis: i, keepDims: true)
        }
        guard result.shape == target else {
            throw TensorError.shapeMismatch(op: "sum to shape", lhs: shape, rhs: target)
        }
        return result
    }
}
