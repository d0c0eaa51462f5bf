/// One entry of a subscript: an integer (drops the axis), a slice, or the whole axis.
///
/// Integers and slice bounds may be negative (counting from the end). A slice
/// follows Python: `start` and `stop` default to the ends for the step's
/// direction, out-of-range bounds are clamped, and the step must not be zero.
public enum TensorIndex: Equatable, Sendable {
    /// A single position; the axis disappears from the result.
    case at(Int)
    /// Positions `start, start + step, …` before `stop`.
    case range(start: Int?, stop: Int?, step: Int?)
    /// The whole axis (`:`).
    case all
}

extension Tensor {
    /// The view selected by `indices` (one per leading axis; missing trailing axes are
    /// taken whole). Shares storage with `self` until either is written.
    /// - Throws: `indexOutOfRange` with the valid range, `invalidArgument` for too many
    ///   indices or a zero step.
    public func subscripted(_ indices: [TensorIndex]) throws -> Tensor {
        guard indices.count <= rank else {
            throw TensorError.invalidArgument("too many indices: \(indices.count) for a tensor of rank \(rank) and shape \(formatShape(shape))")
        }
        var newShape: [Int] = [], newStrides: [Int] = []
        var newOffset = offset
        for axis in 0..<rank {
            let size = shape[axis], stride = strides[axis]
            let index = axis < indices.count ? indices[axis] : .all
            switch index {
            case .at(let i):
                let j = i < 0 ? i + size : i
                guard j >= 0, j < size else { throw TensorError.indexOutOfRange(index: i, axis: axis, size: size) }
                newOffset += j * stride
            case .all:
                newShape.append(size); newStrides.append(stride)
            case let .range(start, stop, step):
                let (first, length, by) = try Tensor.sliceBounds(start: start, stop: stop, step: step, size: size)
                if length > 0 { newOffset += first * stride }
                newShape.append(length); newStrides.append(stride * by)
            }
        }
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: newOffset)
    }

    /// Writes `value` (broadcast to the selection's shape) into the elements `indices` select.
    /// Copies the storage first when it is shared, so other tensors never see the write.
    /// - Throws: what `subscripted` throws, or `shapeMismatch` when `value` does not broadcast.
    public mutating func assign(_ indices: [TensorIndex], _ value: Tensor) throws {
        // Validate and broadcast before copying anything, so a failed assign changes nothing.
        // Keep only the shape: a live view would share the storage and force the copy.
        let targetShape = try subscripted(indices).shape
        let source = try value.broadcast(to: targetShape).contiguous()
        makeUniqueContiguous()
        let target = try subscripted(indices)
        let n = target.count
        if n == 0 { return }
        withExtendedLifetime(source) {
            var src = source.storage.base + source.offset
            target.forEachRow { dst, stride, length in
                if stride == 1 { dst.update(from: src, count: length) }
                else { for i in 0..<length { dst[i * stride] = src[i] } }
                src += length
            }
        }
    }

    /// Python slice semantics: the first position, the element count and the step.
    static func sliceBounds(start: Int?, stop: Int?, step: Int?, size: Int) throws -> (Int, Int, Int) {
        guard step != 0 else { throw TensorError.invalidArgument("slice step cannot be zero") }
        // A step longer than the axis selects at most one element either way; clamping
        // it keeps the arithmetic below (and the view's stride) from overflowing.
        let by = Swift.max(Swift.min(step ?? 1, size + 1), -(size + 1))
        func clamp(_ v: Int, _ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(v, low), high) }
        let first: Int, last: Int
        if by > 0 {
            first = start.map { clamp($0 < 0 ? $0 + size : $0, 0, size) } ?? 0
            last = stop.map { clamp($0 < 0 ? $0 + size : $0, 0, size) } ?? size
            let length = last > first ? (last - first + by - 1) / by : 0
            return (first, length, by)
        } else {
            first = start.map { clamp($0 < 0 ? $0 + size : $0, -1, size - 1) } ?? size - 1
            last = stop.map { clamp($0 < 0 ? $0 + size : $0, -1, size - 1) } ?? -1
            let length = first > last ? (first - last - by - 1) / (-by) : 0
            return (first, length, by)
        }
    }
}
