/// Gathers and scatters along one axis by integer positions (NumPy's
/// `take_along_axis` and `put_along_axis` with addition): the kernels under
/// sort, topk, repeat and row permutations, and each other's adjoint.
extension Tensor {
    /// `out[o, j, i] = self[o, positions[o, j, i], i]` with `(o, j, i)` split around
    /// `axis`: `positions` has this tensor's shape except along `axis`.
    /// - Throws: `shapeMismatch` when the other sizes differ, `indexOutOfRange` for a
    ///   position outside `0..<shape[axis]`.
    public func takeAlong(_ positions: Tensor, axis: Int) throws -> Tensor {
        let (outer, n, inner) = try lanes(matching: positions, axis: axis, op: "take_along_axis")
        let m = positions.rank == 0 ? 1 : positions.shape[axis]
        let source = contiguous(), index = positions.contiguous()
        return try Tensor(shape: positions.shape) { out in
            try source.withContiguousElements { src in
                try index.withContiguousElements { idx in
                    guard out.count > 0 else { return }
                    let o = out.baseAddress!, s = src.baseAddress!, p = idx.baseAddress! // safe: count > 0
                    for a in 0..<outer {
                        for j in 0..<m {
                            let row = (a * m + j) * inner
                            for i in 0..<inner {
                                let k = Int(p[row + i])
                                guard k >= 0, k < n else { throw TensorError.indexOutOfRange(index: k, axis: axis, size: n) }
                                o[row + i] = s[(a * n + k) * inner + i]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Zeros of `shape` with this tensor's elements added at `positions` along
    /// `axis` (repeated positions add up): the adjoint of `takeAlong`.
    /// - Throws: as `takeAlong`.
    public func scatterAddAlong(_ positions: Tensor, axis: Int, into shape: [Int]) throws -> Tensor {
        let target = try Tensor(shape: shape, repeating: 0)
        let (outer, n, inner) = try target.lanes(matching: positions, axis: axis, op: "put_along_axis")
        guard positions.shape == self.shape else {
            throw TensorError.shapeMismatch(op: "put_along_axis", lhs: positions.shape, rhs: self.shape)
        }
        let m = positions.rank == 0 ? 1 : positions.shape[axis]
        let source = contiguous(), index = positions.contiguous()
        var result = target
        try result.withMutableElements { out in
            try source.withContiguousElements { src in
                try index.withContiguousElements { idx in
                    guard src.count > 0 else { return }
                    let o = out.baseAddress!, s = src.baseAddress!, p = idx.baseAddress! // safe: count > 0
                    for a in 0..<outer {
                        for j in 0..<m {
                            let row = (a * m + j) * inner
                            for i in 0..<inner {
                                let k = Int(p[row + i])
                                guard k >= 0, k < n else { throw TensorError.indexOutOfRange(index: k, axis: axis, size: n) }
                                o[(a * n + k) * inner + i] += s[row + i]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// (elements before `axis`, size along it, elements after) once `positions`
    /// is checked to match this shape off `axis`.
    func lanes(matching positions: Tensor, axis: Int, op: String) throws -> (Int, Int, Int) {
        if rank == 0 && positions.rank == 0 { return (1, 1, 1) }
        guard positions.rank == rank, axis >= 0, axis < rank else {
            throw TensorError.shapeMismatch(op: op, lhs: shape, rhs: positions.shape)
        }
        var outer = 1, inner = 1
        for d in 0..<rank where d != axis {
            guard shape[d] == positions.shape[d] else { throw TensorError.shapeMismatch(op: op, lhs: shape, rhs: positions.shape) }
            if d < axis { outer *= shape[d] } else { inner *= shape[d] }
        }
        return (outer, shape[axis], inner)
    }
}

extension Tensor {
    /// The positions that sort each lane along `axis` ascending, stably (equal
    /// elements keep their order, NumPy's `kind="stable"`); nan sorts last, as in NumPy.
    /// With `descending`, the largest first (ties still in order of position).
    /// - Throws: `invalidArgument` for an axis out of range.
    public func argsort(axis: Int, descending: Bool = false) throws -> Tensor {
        if rank == 0 { return Tensor(0) }
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        var outer = 1, inner = 1
        for d in 0..<ax { outer *= shape[d] }
        for d in (ax + 1)..<rank { inner *= shape[d] }
        let n = shape[ax]
        let source = contiguous()
        if n > RadixOrder.maximumLength { return try comparisonArgsort(source, outer: outer, n: n, inner: inner, descending: descending) }
        return try Tensor(shape: shape) { out in
            source.withContiguousElements { src in
                guard src.count > 0, let s = src.baseAddress, let o = out.baseAddress else { return }
                let scratch = RadixOrder(capacity: n)
                for a in 0..<outer {
                    for i in 0..<inner {
                        let base = a * n * inner + i
                        scratch.order(s + base, stride: inner, count: n, descending: descending, into: o + base, outStride: inner)
                    }
                }
            }
        }
    }

    /// `argsort` by comparisons, for lanes too long for `RadixOrder`'s 32-bit positions.
    private func comparisonArgsort(_ source: Tensor, outer: Int, n: Int, inner: Int, descending: Bool) throws -> Tensor {
        try Tensor(shape: shape) { out in
            source.withContiguousElements { src in
                guard src.count > 0 else { return }
                var keys = [Double](repeating: 0, count: n)
                var order = [Int](repeating: 0, count: n)
                for a in 0..<outer {
                    for i in 0..<inner {
                        let base = a * n * inner + i
                        for k in 0..<n { keys[k] = src[base + k * inner]; order[k] = k }
                        keys.withUnsafeBufferPointer { key in
                            // nan counts as the largest value; ties keep their positions' order.
                            order.sort { x, y in
                                let (kx, ky) = descending ? (key[y], key[x]) : (key[x], key[y])
                                if Tensor.sortsBefore(kx, ky) { return true }
                                if Tensor.sortsBefore(ky, kx) { return false }
                                return x < y
                            }
                        }
                        for k in 0..<n { out[base + k * inner] = Double(order[k]) }
                    }
                }
            }
        }
    }

    /// Ascending order with nan after every number.
    @inline(__always)
    static func sortsBefore(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN { return false }
        return b.isNaN || a < b
    }

    /// The positions in the sorted 1-D `self` where `values` would be inserted to keep
    /// it sorted: the first such (`right == false`, NumPy's side="left") or the last.
    /// - Throws: `invalidShape` unless `self` is 1-D.
    public func searchSorted(_ values: Tensor, right: Bool) throws -> Tensor {
        guard rank == 1 else { throw TensorError.invalidShape("searchsorted needs a 1-D sorted tensor, got shape \(formatShape(shape))") }
        let sorted = scalars
        let n = sorted.count
        let queries = values.contiguous()
        return try Tensor(shape: values.shape) { out in
            queries.withContiguousElements { q in
                for i in 0..<q.count {
                    let v = q[i]
                    var lo = 0, hi = n
                    while lo < hi {
                        let mid = (lo + hi) / 2
                        let s = sorted[mid]
                        // nan sorts last: it is above every number.
                        let before = right ? !(v.isNaN ? false : (s.isNaN || s > v)) : (v.isNaN ? !s.isNaN : s < v)
                        if before { lo = mid + 1 } else { hi = mid }
                    }
                    out[i] = Double(lo)
                }
            }
        }
    }
}
