/// NumPy's advanced indexing: integer gathers, boolean selection, and their scatters.
///
/// A subscript that holds an integer array or a mask is *advanced*. As in NumPy, a
/// mask over k axes stands for the k integer arrays of its nonzero positions; every
/// integer array and every integer scalar is then an advanced index, broadcast
/// together to one shape B. When the advanced indices sit on adjacent axes, B takes
/// their place in the result; otherwise B comes first (NumPy's rule). Slices keep
/// their axes. Unlike a basic subscript, the result is a copy.
public enum AdvancedIndex {
    /// An integer, a slice or the whole axis.
    case basic(TensorIndex)
    /// Integer positions laid out in `shape` (negative counts from the end).
    case positions([Int], shape: [Int])
    /// A 0/1 mask over as many consecutive axes as it has.
    case mask(Tensor)
}

/// Where each element of an advanced selection lives in the row-major source.
///
/// Element `(i, j, k)` of the result, flattened as `outer × middle × inner`, is
/// source element `outer[i] + middle[j] + inner[k]`: the axes before the advanced
/// ones, the advanced (broadcast) positions, the axes after. Keeping the three
/// apart lets a gather copy whole rows when `inner` is a contiguous run.
public struct GatherPlan: Sendable {
    /// The shape of the tensor the plan reads from.
    public let sourceShape: [Int]
    /// The shape of the selection.
    public let shape: [Int]
    let outer: [Int], middle: [Int], inner: [Int]

    /// Number of selected elements.
    public var count: Int { outer.count * middle.count * inner.count }
}

extension Tensor {
    /// The plan of `indices` (one per leading axis; missing axes are taken whole).
    /// - Throws: `indexOutOfRange` naming the axis and its size, `invalidShape` for a
    ///   mask whose shape differs from the axes it covers, `invalidArgument` for too
    ///   many indices, a mask holding anything but 0 and 1, or arrays that do not broadcast.
    public func gatherPlan(_ indices: [AdvancedIndex]) throws -> GatherPlan {
        // Masks become the integer arrays of their nonzero positions, one per covered axis.
        var perAxis: [AdvancedIndex] = []
        for index in indices {
            guard case .mask(let m) = index else { perAxis.append(index); continue }
            let axis = perAxis.count, k = m.rank
            let covered = Array(shape.dropFirst(axis).prefix(k))
            guard k >= 1, axis + k <= rank, m.shape == covered else {
                throw TensorError.invalidShape("a mask must have the shape of the axes it indexes: tensor \(formatShape(shape)), mask \(formatShape(m.shape)) at axis \(axis)")
            }
            var columns = [[Int]](repeating: [], count: k)
            try m.withContiguousElements { p in
                for flat in 0..<p.count {
                    let x = p[flat]
                    if x == 0 { continue }
                    guard x == 1 else {
                        throw TensorError.invalidArgument("a mask must hold only 0 and 1, found \(TensorFormatter().format(x)) at position \(flat)")
                    }
                    var rest = flat
                    for a in stride(from: k - 1, through: 0, by: -1) {
                        columns[a].append(rest % covered[a])
                        rest /= covered[a]
                    }
                }
            }
            for c in columns { perAxis.append(.positions(c, shape: [c.count])) }
        }
        guard perAxis.count <= rank else {
            throw TensorError.invalidArgument("too many indices: \(perAxis.count) for a tensor of rank \(rank) and shape \(formatShape(shape))")
        }
        while perAxis.count < rank { perAxis.append(.basic(.all)) }

        let strides = Shape.contiguousStrides(shape)
        var advancedAxes: [Int] = [], arrays: [([Int], [Int])] = []
        var sliced: [(axis: Int, offsets: [Int])] = []
        for (axis, index) in perAxis.enumerated() {
            let size = shape[axis]
            switch index {
            case let .positions(values, s):
                advancedAxes.append(axis); arrays.append((values, s))
            case .basic(.at(let i)):
                advancedAxes.append(axis); arrays.append(([i], []))
            case .basic(.all):
                sliced.append((axis, (0..<size).map { $0 * strides[axis] }))
            case let .basic(.range(start, stop, step)):
                let (first, length, by) = try Tensor.sliceBounds(start: start, stop: stop, step: step, size: size)
                sliced.append((axis, (0..<length).map { (first + $0 * by) * strides[axis] }))
            case .mask:
                break  // expanded above
            }
        }
        // The advanced arrays broadcast together; each becomes source offsets along its axis.
        var b: [Int] = []
        for (_, s) in arrays { b = try Broadcasting.shape(b, s, op: "indexing (index arrays)") }
        let bCount = b.reduce(1, *)
        var middle = [Int](repeating: 0, count: bCount)
        for (n, (values, s)) in arrays.enumerated() {
            let axis = advancedAxes[n], size = shape[axis], stride = strides[axis]
            var offsets = [Int](repeating: 0, count: values.count)
            for (k, i) in values.enumerated() {
                let j = i < 0 ? i + size : i
                guard j >= 0, j < size else { throw TensorError.indexOutOfRange(index: i, axis: axis, size: size) }
                offsets[k] = j * stride
            }
            // Broadcast by walking B with the array's own strides (0 on stretched axes).
            let padded = [Int](repeating: 1, count: b.count - s.count) + s
            var own = Shape.contiguousStrides(padded)
            for a in 0..<b.count where padded[a] == 1 { own[a] = 0 }
            var position = [Int](repeating: 0, count: b.count), source = 0
            for k in 0..<bCount {
                middle[k] += offsets[source]
                var a = b.count - 1
                while a >= 0 {
                    position[a] += 1; source += own[a]
                    if position[a] < b[a] { break }
                    source -= own[a] * b[a]; position[a] = 0; a -= 1
                }
            }
        }
        let adjacent = advancedAxes.isEmpty || advancedAxes.last! - advancedAxes.first! + 1 == advancedAxes.count
        let split = adjacent ? sliced.firstIndex { $0.axis > (advancedAxes.first ?? rank) } ?? sliced.count : 0
        let before = sliced[..<split], after = sliced[split...]
        let shapeOut = before.map(\.offsets.count) + b + after.map(\.offsets.count)
        _ = try Shape.validate(shapeOut)
        return GatherPlan(sourceShape: shape, shape: shapeOut, outer: Tensor.combine(before.map(\.offsets)),
                          middle: middle, inner: Tensor.combine(after.map(\.offsets)))
    }

    /// Every sum of one offset per list, row-major (the first list varies slowest).
    private static func combine(_ lists: [[Int]]) -> [Int] {
        var sums = [0]
        for list in lists {
            var next: [Int] = []
            next.reserveCapacity(sums.count * list.count)
            for s in sums { for o in list { next.append(s + o) } }
            sums = next
        }
        return sums
    }

    /// The elements `plan` selects, as a new tensor of `plan.shape`.
    /// - Throws: `invalidShape` when the plan was made for another shape.
    public func gathered(_ plan: GatherPlan) throws -> Tensor {
        guard plan.sourceShape == shape else {
            throw TensorError.invalidShape("a gather planned for shape \(formatShape(plan.sourceShape)) applied to \(formatShape(shape))")
        }
        let source = contiguous()
        let run = plan.inner.count
        // Rows of the source stay rows of the result when `inner` is 0, 1, 2, …
        let contiguousRun = plan.inner.enumerated().allSatisfy { $0.offset == $0.element }
        return try withExtendedLifetime(source) {
            let src = UnsafePointer(source.storage.base + source.offset)
            return try Tensor(shape: plan.shape) { out in
                guard var dst = out.baseAddress else { return }
                plan.outer.withUnsafeBufferPointer { outer in
                    plan.middle.withUnsafeBufferPointer { middle in
                        plan.inner.withUnsafeBufferPointer { inner in
                            for o in outer {
                                for m in middle {
                                    let base = src + o + m
                                    if contiguousRun { dst.update(from: base, count: run) }
                                    else { for k in 0..<run { dst[k] = base[inner[k]] } }
                                    dst += run
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes `value` (broadcast to `plan.shape`) into the elements `plan` selects;
    /// with `accumulate`, adds instead, so a repeated position receives every
    /// contribution (the adjoint of `gathered`). Otherwise the last write wins, as in NumPy.
    /// - Throws: `shapeMismatch` when `value` does not broadcast to the selection.
    public mutating func scatter(_ plan: GatherPlan, _ value: Tensor, accumulate: Bool = false) throws {
        guard plan.sourceShape == shape else {
            throw TensorError.invalidShape("a scatter planned for shape \(formatShape(plan.sourceShape)) applied to \(formatShape(shape))")
        }
        // A value with one element per selected position fits whatever its shape, as the old masks allowed.
        let fitted = value.count == plan.count && value.shape != plan.shape && value.count > 1
            ? try value.reshape(plan.shape) : value
        guard let stretched = try? fitted.broadcast(to: plan.shape) else {
            throw TensorError.invalidShape("cannot assign a value of shape \(formatShape(value.shape)) to the \(plan.count) selected elements (shape \(formatShape(plan.shape)))")
        }
        let source = stretched.contiguous()
        if plan.count == 0 { return }
        makeUniqueContiguous()
        let dst = storage.base
        withExtendedLifetime(source) {
            var src = UnsafePointer(source.storage.base + source.offset)
            for o in plan.outer {
                for m in plan.middle {
                    let base = dst + o + m
                    plan.inner.withUnsafeBufferPointer { inner in
                        if accumulate { for k in 0..<inner.count { base[inner[k]] += src[k] } }
                        else { for k in 0..<inner.count { base[inner[k]] = src[k] } }
                    }
                    src += plan.inner.count
                }
            }
        }
    }
}
