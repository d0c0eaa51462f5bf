import Tensor

/// Tensor kernels the graph needs beyond Tensor's public operations: the
/// extremum mask, selection and the narrow/concatenate pair. Each walks contiguous
/// buffers with no per-element closures.
enum GraphKernels {
    /// Splits `shape` around `axis` into (elements before, axis size, elements after).
    static func lanes(_ shape: [Int], _ axis: Int) -> (outer: Int, n: Int, inner: Int) {
        var outer = 1, inner = 1
        for i in 0..<axis { outer *= shape[i] }
        for i in (axis + 1)..<shape.count { inner *= shape[i] }
        return (outer, shape[axis], inner)
    }

    /// The maximum (or minimum) of all elements or along `axis`, and a 0/1 mask of
    /// the input's shape marking the first extreme element of each lane. NaN wins,
    /// as in NumPy.
    static func extremum(_ t: Tensor, max: Bool, axis: Int?, keepDims: Bool) throws -> (value: Tensor, mask: Tensor) {
        let shape = t.shape
        let (outer, n, inner): (Int, Int, Int)
        if let axis, !shape.isEmpty { (outer, n, inner) = lanes(shape, axis) } else { (outer, n, inner) = (1, t.count, 1) }
        guard n > 0 else {
            throw TensorError.invalidArgument("\(max ? "max" : "min") of an empty tensor")
        }
        var outShape: [Int] = []
        if let axis, !shape.isEmpty {
            outShape = shape
            if keepDims { outShape[axis] = 1 } else { outShape.remove(at: axis) }
        } else if keepDims {
            outShape = [Int](repeating: 1, count: shape.count)
        }
        var values = [Double](repeating: 0, count: outer * inner)
        var mask = [Double](repeating: 0, count: t.count)
        t.withContiguousElements { p in
            for o in 0..<outer {
                for j in 0..<inner {
                    let base = o * n * inner + j
                    var best = p[base], at = 0
                    if best == best {
                        for k in 1..<n {
                            let x = p[base + k * inner]
                            if x != x { best = x; at = k; break }
                            if max ? x > best : x < best { best = x; at = k }
                        }
                    }
                    values[o * inner + j] = best
                    mask[base + at * inner] = 1
                }
            }
        }
        return (try Tensor(shape: outShape, values: values), try Tensor(shape: shape, values: mask))
    }

    /// `a` where `condition` is nonzero, `b` elsewhere, with broadcasting.
    static func select(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        let s1 = try Broadcasting.shape(condition.shape, a.shape, op: "where")
        let shape = try Broadcasting.shape(s1, b.shape, op: "where")
        let c = try condition.broadcast(to: shape).contiguous()
        let x = try a.broadcast(to: shape).contiguous(), y = try b.broadcast(to: shape).contiguous()
        return try Tensor(shape: shape) { out in
            c.withContiguousElements { pc in
                x.withContiguousElements { px in
                    y.withContiguousElements { py in
                        for i in 0..<out.count { out[i] = pc[i] != 0 ? px[i] : py[i] }
                    }
                }
            }
        }
    }

    /// Elements `start..<start+length` along `axis`.
    static func narrow(_ t: Tensor, axis: Int, start: Int, length: Int) throws -> Tensor {
        let (outer, n, inner) = lanes(t.shape, axis)
        var shape = t.shape
        shape[axis] = length
        return try Tensor(shape: shape) { out in
            t.withContiguousElements { p in
                guard let src = p.baseAddress, let dst = out.baseAddress else { return }
                for o in 0..<outer {
                    (dst + o * length * inner).update(from: src + (o * n + start) * inner, count: length * inner)
                }
            }
        }
    }

    /// The tensors joined along `axis`; every other size must agree.
    static func concat(_ ts: [Tensor], axis: Int) throws -> Tensor {
        guard let first = ts.first else { throw TensorError.invalidArgument("concat needs at least one tensor") }
        guard first.rank > 0 else { throw TensorError.invalidArgument("concat needs tensors of rank 1 or more") }
        var shape = first.shape
        shape[axis] = 0
        for t in ts {
            var s = t.shape
            guard s.count == shape.count else { throw TensorError.shapeMismatch(op: "concat", lhs: first.shape, rhs: t.shape) }
            s[axis] = 0
            guard s == first.shape.enumerated().map({ $0.offset == axis ? 0 : $0.element }) else {
                throw TensorError.shapeMismatch(op: "concat", lhs: first.shape, rhs: t.shape)
            }
            shape[axis] += t.shape[axis]
        }
        let (outer, total, inner) = lanes(shape, axis)
        return try Tensor(shape: shape) { out in
            guard let dst = out.baseAddress else { return }
            var column = 0
            for t in ts {
                let n = t.shape[axis]
                t.withContiguousElements { p in
                    guard let src = p.baseAddress else { return }
                    for o in 0..<outer {
                        (dst + (o * total + column) * inner).update(from: src + o * n * inner, count: n * inner)
                    }
                }
                column += n
            }
        }
    }

    /// The axes reordered: output axis `i` is input axis `permutation[i]`.
    static func permute(_ t: Tensor, _ permutation: [Int]) throws -> Tensor {
        let r = t.rank
        guard permutation.count == r, Set(permutation) == Set(0..<r) else {
            throw TensorError.invalidArgument("permutation \(permutation) does not reorder \(r) axes")
        }
        let inShape = t.shape
        let shape = permutation.map { inShape[$0] }
        var inStrides = [Int](repeating: 1, count: r)
        var s = 1
        for i in stride(from: r - 1, through: 0, by: -1) { inStrides[i] = s; s *= inShape[i] }
        let strides = permutation.map { inStrides[$0] }
        return try Tensor(shape: shape) { out in
            if out.isEmpty { return }
            t.withContiguousElements { p in
                if r == 2 {
                    let rows = shape[0], cols = shape[1]
                    // Blocked so both sides stay in cache.
                    let b = 32
                    for i0 in stride(from: 0, to: rows, by: b) {
                        for j0 in stride(from: 0, to: cols, by: b) {
                            for i in i0..<Swift.min(i0 + b, rows) {
                                for j in j0..<Swift.min(j0 + b, cols) { out[i * cols + j] = p[j * rows + i] }
                            }
                        }
                    }
                    return
                }
                var index = [Int](repeating: 0, count: r)
                var position = 0
                for k in 0..<out.count {
                    out[k] = p[position]
                    var axis = r - 1
                    while axis >= 0 {
                        index[axis] += 1
                        position += strides[axis]
                        if index[axis] < shape[axis] { break }
                        position -= strides[axis] * shape[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
            }
        }
    }

    /// The same elements under another shape; one `-1` is inferred.
    static func reshape(_ t: Tensor, _ requested: [Int]) throws -> Tensor {
        let shape = try resolveShape(requested, count: t.count)
        if shape == t.shape { return t }
        let c = t.contiguous()
        return try Tensor(shape: shape) { out in
            c.withContiguousElements { p in
                if let src = p.baseAddress, let dst = out.baseAddress { dst.update(from: src, count: p.count) }
            }
        }
    }

    /// `requested` with its `-1` filled in so the count is `count`.
    static func resolveShape(_ requested: [Int], count: Int) throws -> [Int] {
        var shape = requested
        let unknown = requested.indices.filter { requested[$0] == -1 }
        guard unknown.count <= 1 else { throw TensorError.invalidShape("reshape allows only one -1, got \(formatShape(requested))") }
        if let u = unknown.first {
            let known = requested.enumerated().filter { $0.offset != u }.reduce(1) { $0 * $1.element }
            guard known > 0, count % known == 0 else {
                throw TensorError.invalidShape("cannot reshape \(count) elements into \(formatShape(requested))")
            }
            shape[u] = count / known
        }
        guard try Shape.validate(shape) == count else {
            throw TensorError.invalidShape("cannot reshape \(count) elements into \(formatShape(requested))")
        }
        return shape
    }
}
