extension Tensor {
    /// The same elements in row-major order with a new shape; one size may be `-1`
    /// (inferred). A view when the tensor is contiguous, a copy otherwise.
    /// - Throws: `invalidShape` when the counts differ or the shape has several `-1`.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        var target = newShape
        let unknown = target.indices.filter { target[$0] == -1 }
        guard unknown.count <= 1 else {
            throw TensorError.invalidShape("reshape allows one -1, got shape \(formatShape(newShape))")
        }
        let n = count
        if let u = unknown.first {
            target[u] = 1
            let known = try Shape.validate(target)
            guard known > 0, n % known == 0 else {
                throw TensorError.invalidShape("cannot reshape a tensor of shape \(formatShape(shape)) (\(n) elements) into \(formatShape(newShape))")
            }
            target[u] = n / known
        }
        let m = try Shape.validate(target)
        guard m == n else {
            throw TensorError.invalidShape("cannot reshape a tensor of shape \(formatShape(shape)) (\(n) elements) into \(formatShape(newShape))")
        }
        let c = contiguous()
        return Tensor(storage: c.storage, shape: target, strides: Shape.contiguousStrides(target), offset: c.offset)
    }

    /// The elements as a 1-D tensor, row-major.
    public func flatten() -> Tensor {
        let c = contiguous()
        return Tensor(storage: c.storage, shape: [c.count], strides: [1], offset: c.offset)
    }

    /// The view with the axes reversed (a matrix's transpose); no copy.
    public func transposed() -> Tensor {
        Tensor(storage: storage, shape: shape.reversed(), strides: strides.reversed(), offset: offset)
    }

    /// The view whose axis `i` is this tensor's axis `axes[i]`; no copy.
    /// - Throws: `invalidArgument` unless `axes` is a permutation of `0..<rank`
    ///   (negative axes count from the end).
    public func permuted(_ axes: [Int]) throws -> Tensor {
        guard axes.count == rank else {
            throw TensorError.invalidArgument("permutation \(axes) does not match rank \(rank)")
        }
        let normal = try axes.map { try Shape.normalizeAxis($0, rank: rank) }
        guard Set(normal).count == rank else {
            throw TensorError.invalidArgument("\(axes) is not a permutation of the axes 0..<\(rank)")
        }
        return Tensor(storage: storage, shape: normal.map { shape[$0] },
                      strides: normal.map { strides[$0] }, offset: offset)
    }

    /// Joins tensors along an existing `axis`; all other sizes must agree.
    /// - Throws: `invalidArgument` for no tensors or a scalar, `shapeMismatch` for
    ///   sizes that differ off the axis.
    public static func concat(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument("concat needs at least one tensor")
        }
        guard first.rank > 0 else {
            throw TensorError.invalidArgument("concat cannot join scalars; use stack")
        }
        let ax = try Shape.normalizeAxis(axis, rank: first.rank)
        var outShape = first.shape
        outShape[ax] = 0
        for t in tensors {
            var a = t.shape, b = first.shape
            guard a.count == b.count else {
                throw TensorError.shapeMismatch(op: "concat", lhs: first.shape, rhs: t.shape)
            }
            a[ax] = 0; b[ax] = 0
            guard a == b else { throw TensorError.shapeMismatch(op: "concat", lhs: first.shape, rhs: t.shape) }
            outShape[ax] += t.shape[ax]
        }
        let n = try Shape.validate(outShape)
        let out = try TensorStorage(uninitializedCount: n)
        // Each input contributes a block of `rows` × (size_ax · inner) elements.
        let rows = outShape[..<ax].reduce(1, *)
        let inner = outShape[(ax + 1)...].reduce(1, *)
        let outRow = outShape[ax] * inner
        var column = 0
        for t in tensors {
            let width = t.shape[ax] * inner
            t.withContiguousElements { src in
                guard let s = src.baseAddress, width > 0 else { return }
                for r in 0..<rows {
                    (out.base + r * outRow + column).initialize(from: s + r * width, count: width)
                }
            }
            column += width
        }
        return Tensor(storage: out, shape: outShape)
    }

    /// Joins equal-shaped tensors along a new `axis` (`0...rank`).
    /// - Throws: `invalidArgument` for no tensors, `shapeMismatch` for shapes that differ.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw TensorError.invalidArgument("stack needs at least one tensor")
        }
        let ax = try Shape.normalizeAxis(axis, rank: first.rank + 1)
        var expanded: [Tensor] = []
        expanded.reserveCapacity(tensors.count)
        for t in tensors {
            guard t.shape == first.shape else {
                throw TensorError.shapeMismatch(op: "stack", lhs: first.shape, rhs: t.shape)
            }
            var s = t.shape
            s.insert(1, at: ax)
            expanded.append(try t.reshape(s))
        }
        return try concat(expanded, axis: ax)
    }

    /// Removes size-1 axes (all of them, or only `axis`).
    /// - Throws: `invalidArgument` when `axis` is out of range or not of size 1.
    public func squeezed(axis: Int? = nil) throws -> Tensor {
        var keep: [Int] = []
        if let axis {
            let ax = try Shape.normalizeAxis(axis, rank: rank)
            guard shape[ax] == 1 else {
                throw TensorError.invalidArgument("cannot squeeze axis \(axis) of size \(shape[ax])")
            }
            keep = shape.indices.filter { $0 != ax }
        } else {
            keep = shape.indices.filter { shape[$0] != 1 }
        }
        return Tensor(storage: storage, shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
    }
}
