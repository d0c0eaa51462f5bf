import Tensor

// NumPy's rearranging functions as compositions of reshape, broadcast, slices
// and concatenation, so their gradients (of any order) come from those rules.
extension Variable {
    /// Removes the size-1 axes `axes` (normalised), or every size-1 axis when nil.
    /// - Throws: `invalidArgument` for an axis whose size is not 1.
    public func squeezed(axes: [Int]?) throws -> Variable {
        let drop = axes ?? shape.indices.filter { shape[$0] == 1 }
        for a in drop where shape[a] != 1 {
            throw TensorError.invalidArgument("squeeze: axis \(a) has size \(shape[a]), not 1 (shape \(formatShape(shape)))")
        }
        return try reshape(shape.indices.filter { !drop.contains($0) }.map { shape[$0] })
    }

    /// New size-1 axes at the positions `axes` of the result (normalised).
    public func expandedDims(axes: [Int]) throws -> Variable {
        var out = shape
        for a in axes.sorted() { out.insert(1, at: a) }
        return try reshape(out)
    }

    /// NumPy's `tile`: the tensor repeated `reps[i]` times along each axis (the
    /// shorter of `reps` and the shape is padded with leading 1s).
    /// - Throws: `invalidArgument` for a negative repetition.
    public func tiled(_ reps: [Int]) throws -> Variable {
        guard reps.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidArgument("tile: repetitions must be ≥ 0, got \(reps)") }
        let r = Swift.max(rank, reps.count)
        let dims = [Int](repeating: 1, count: r - rank) + shape
        let times = [Int](repeating: 1, count: r - reps.count) + reps
        var interleaved: [Int] = [], stretched: [Int] = []
        for i in 0..<r {
            interleaved += [1, dims[i]]
            stretched += [times[i], dims[i]]
        }
        return try reshape(interleaved).broadcast(to: stretched).reshape(zip(times, dims).map { $0 * $1 })
    }

    /// NumPy's `repeat` with one count: each element `times` times in a row along `axis` (normalised).
    public func repeated(_ times: Int, axis: Int) throws -> Variable {
        guard times >= 0 else { throw TensorError.invalidArgument("repeat: repeats must be ≥ 0, got \(times)") }
        var split = shape, stretched = shape, out = shape
        split.insert(1, at: axis + 1)
        stretched.insert(times, at: axis + 1)
        out[axis] *= times
        return try reshape(split).broadcast(to: stretched).reshape(out)
    }

    /// NumPy's `repeat` with a count per element along `axis` (normalised).
    /// - Throws: `invalidArgument` for a negative count or a count list of the wrong length.
    public func repeated(_ counts: [Int], axis: Int) throws -> Variable {
        guard counts.count == shape[axis] else {
            throw TensorError.invalidArgument("repeat: \(counts.count) repeats for an axis of size \(shape[axis])")
        }
        guard counts.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidArgument("repeat: repeats must be ≥ 0, got \(counts)") }
        var sources: [Int] = []
        for (i, c) in counts.enumerated() { sources += [Int](repeating: i, count: c) }
        var out = shape
        out[axis] = sources.count
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let positions = try Tensor(shape: out) { p in
            var k = 0
            for _ in 0..<outer { for s in sources { for _ in 0..<inner { p[k] = Double(s); k += 1 } } }
        }
        return try takeAlong(positions, axis: axis)
    }

    /// The pieces between the cut positions `cuts` along `axis` (normalised);
    /// cuts past the end are clamped, as NumPy's `split` does.
    public func split(at cuts: [Int], axis: Int) throws -> [Variable] {
        let n = shape[axis]
        var pieces: [Variable] = []
        var start = 0
        for cut in cuts + [n] {
            let c = Swift.min(Swift.max(cut < 0 ? cut + n : cut, 0), n)
            let from = Swift.min(start, n)
            pieces.append(try slice(axis: axis, start: from, length: Swift.max(c - from, 0)))
            start = Swift.max(c, start)
        }
        return pieces
    }

    /// Elements `start..<start+length` along `axis`, also when the slice is empty.
    func slice(axis: Int, start: Int, length: Int) throws -> Variable {
        if length == 0 {
            var indices = [TensorIndex](repeating: .all, count: axis + 1)
            indices[axis] = .range(start: start, stop: start, step: 1)
            return try subscripted(indices)
        }
        return try narrow(axis: axis, start: start, length: length)
    }

    /// The elements reversed along each of `axes` (normalised).
    public func flipped(axes: [Int]) throws -> Variable {
        var indices = [TensorIndex](repeating: .all, count: rank)
        for a in axes { indices[a] = .range(start: nil, stop: nil, step: -1) }
        return rank == 0 ? self : try subscripted(indices)
    }

    /// NumPy's `roll` along one axis (normalised): element i moves to (i + shift) mod n.
    public func rolled(_ shift: Int, axis: Int) throws -> Variable {
        let n = shape[axis]
        guard n > 0 else { return self }
        let s = ((shift % n) + n) % n
        if s == 0 { return self }
        return try Variable.concat([narrow(axis: axis, start: n - s, length: s), narrow(axis: axis, start: 0, length: n - s)], axis: axis)
    }

    /// NumPy's `pad` along one axis (normalised) by `before` and `after`
    /// elements: `constant` (with `value`), `edge`, `reflect`, `symmetric` or `wrap`.
    /// - Throws: `invalidArgument` for a negative width, an unknown mode, or a
    ///   non-constant mode on an empty axis.
    public func padded(axis: Int, before: Int, after: Int, mode: String, value: Double) throws -> Variable {
        guard before >= 0, after >= 0 else { throw TensorError.invalidArgument("pad: widths must be ≥ 0, got \(before) and \(after)") }
        if before == 0 && after == 0 { return self }
        if mode == "constant" {
            var parts: [Variable] = []
            var side = shape
            side[axis] = before
            if before > 0 { parts.append(Variable(try Tensor(shape: side, repeating: value))) }
            parts.append(self)
            side[axis] = after
            if after > 0 { parts.append(Variable(try Tensor(shape: side, repeating: value))) }
            return try Variable.concat(parts, axis: axis)
        }
        guard ["edge", "reflect", "symmetric", "wrap"].contains(mode) else {
            throw TensorError.invalidArgument("pad: unknown mode \"\(mode)\" (constant, edge, reflect, symmetric or wrap)")
        }
        let n = shape[axis]
        guard n > 0 else { throw TensorError.invalidArgument("pad: mode \"\(mode)\" needs a non-empty axis \(axis)") }
        if mode == "edge" {
            var parts: [Variable] = []
            var side = shape
            side[axis] = before
            if before > 0 { parts.append(try narrow(axis: axis, start: 0, length: 1).broadcast(to: side)) }
            parts.append(self)
            side[axis] = after
            if after > 0 { parts.append(try narrow(axis: axis, start: n - 1, length: 1).broadcast(to: side)) }
            return try Variable.concat(parts, axis: axis)
        }
        if mode == "reflect" && n == 1 { return try padded(axis: axis, before: before, after: after, mode: "edge", value: value) }
        // Grown a period at a time from the original (NumPy's reflection of reflections).
        var current = self, left = before, right = after
        while left > 0 || right > 0 {
            let m = current.shape[axis]
            let period = mode == "reflect" ? n - 1 : n
            let l = Swift.min(left, period), r = Swift.min(right, period)
            var parts: [Variable] = []
            switch mode {
            case "wrap":
                // Current index i holds original position i - (before - left), periodic in n.
                if l > 0 { parts.append(try current.narrow(axis: axis, start: n - l, length: l)) }
                parts.append(current)
                if r > 0 { parts.append(try current.narrow(axis: axis, start: (before - left) + (after - right), length: r)) }
            default:
                // Each step but the last adds a whole period, so the ends stay mirror points.
                let skip = mode == "reflect" ? 1 : 0
                if l > 0 { parts.append(try current.narrow(axis: axis, start: skip, length: l).flipped(axes: [axis])) }
                parts.append(current)
                if r > 0 { parts.append(try current.narrow(axis: axis, start: m - skip - r, length: r).flipped(axes: [axis])) }
            }
            current = try Variable.concat(parts, axis: axis)
            left -= l; right -= r
        }
        return current
    }
}
