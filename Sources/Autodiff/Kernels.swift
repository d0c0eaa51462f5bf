import Tensor

/// The one kernel the graph needs beyond Tensor's public operations: the extremum
/// with the mask of the element each lane's gradient is routed to.
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
}
