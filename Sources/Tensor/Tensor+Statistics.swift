import Glibc
import CVectorMath

extension Tensor {
    /// Mean of all elements, as a rank-0 tensor (`nan` for an empty tensor, as NumPy).
    public func mean() -> Tensor {
        Tensor((try? sum().scalar()).map { $0 / Double(count) } ?? .nan)
    }

    /// Mean along `axis`.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func mean(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        let n = rank == 0 ? 1 : shape[ax]
        return try sum(axis: axis, keepDims: keepDims).binary(.divide, Tensor(Double(n)))
    }

    /// Variance of all elements, `Σ(x - mean)² / (n - ddof)` (two passes, as NumPy).
    public func variance(ddof: Int = 0) -> Tensor {
        let m = (try? mean().scalar()) ?? .nan
        var total = 0.0
        forEachRow { src, stride, length in
            if stride == 1 { total += Kernels.sumOfSquares(src, length, center: m) }
            else { for i in 0..<length { let d = src[i * stride] - m; total += d * d } }
        }
        return Tensor(total / Double(count - ddof))
    }

    /// Variance along `axis` with `ddof` delta degrees of freedom.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func variance(axis: Int, keepDims: Bool = false, ddof: Int = 0) throws -> Tensor {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        let n = rank == 0 ? 1 : shape[ax]
        let deviation = try binary(.subtract, mean(axis: ax, keepDims: true))
        let squares = deviation.unary(.square)
        return try squares.sum(axis: ax, keepDims: keepDims).binary(.divide, Tensor(Double(n - ddof)))
    }

    /// Standard deviation of all elements, `sqrt(variance(ddof:))`.
    public func std(ddof: Int = 0) -> Tensor {
        variance(ddof: ddof).unary(.sqrt)
    }

    /// Standard deviation along `axis`.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func std(axis: Int, keepDims: Bool = false, ddof: Int = 0) throws -> Tensor {
        try variance(axis: axis, keepDims: keepDims, ddof: ddof).unary(.sqrt)
    }

    /// Largest element (`nan` if any element is `nan`, as NumPy).
    /// - Throws: `invalidArgument` for an empty tensor.
    public func max() throws -> Tensor {
        try extreme(name: "max") { $0 != $0 || $0 > $1 ? $0 : $1 }
    }

    /// Smallest element (`nan` if any element is `nan`).
    /// - Throws: `invalidArgument` for an empty tensor.
    public func min() throws -> Tensor {
        try extreme(name: "min") { $0 != $0 || $0 < $1 ? $0 : $1 }
    }

    /// Largest element along `axis`.
    /// - Throws: `invalidArgument` for a bad axis or an empty axis.
    public func max(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try checkNonEmpty(axis: axis, name: "max")
        return try reduce(axis: axis, keepDims: keepDims, initial: -.infinity, rows: { gb_vmax_into($0, $1, $2) }) { $0 != $0 || $0 > $1 ? $0 : $1 }
    }

    /// Smallest element along `axis`.
    /// - Throws: `invalidArgument` for a bad axis or an empty axis.
    public func min(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try checkNonEmpty(axis: axis, name: "min")
        return try reduce(axis: axis, keepDims: keepDims, initial: .infinity, rows: { gb_vmin_into($0, $1, $2) }) { $0 != $0 || $0 < $1 ? $0 : $1 }
    }

    /// Row-major position of the largest element (the first on ties; the first `nan` wins).
    /// - Throws: `invalidArgument` for an empty tensor.
    public func argmax() throws -> Tensor {
        guard count > 0 else { throw TensorError.invalidArgument("argmax of an empty tensor") }
        return Tensor(Double(withContiguousElements { Tensor.argmaxLane($0.baseAddress!, count, 1) })) // safe: count > 0
    }

    /// Position of the largest element along `axis`, as a tensor of indices.
    /// - Throws: `invalidArgument` for a bad axis or an empty axis.
    public func argmax(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try checkNonEmpty(axis: axis, name: "argmax")
        if rank == 0 { return Tensor(0) }
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        // Move the axis last so each lane is contiguous.
        var order = Array(0..<rank)
        order.remove(at: ax); order.append(ax)
        let moved = try permuted(order).contiguous()
        let length = shape[ax]
        var outShape = shape
        outShape[ax] = 1
        let lanes = count / length
        let result = try Tensor(shape: outShape) { out in
            let base = moved.storage.base + moved.offset
            for lane in 0..<lanes { out[lane] = Double(Tensor.argmaxLane(base + lane * length, length, 1)) }
        }
        return keepDims ? result : try result.squeezed(axis: ax)
    }

    /// Euclidean (Frobenius) norm of all elements, `sqrt(Σ x²)`, as a rank-0 tensor.
    public func norm() -> Tensor {
        var total = 0.0
        forEachRow { src, stride, length in
            if stride == 1 { total += Kernels.sumOfSquares(src, length) }
            else { for i in 0..<length { let x = src[i * stride]; total += x * x } }
        }
        return Tensor(total.squareRoot())
    }

    /// Euclidean norm along `axis`.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func norm(axis: Int, keepDims: Bool = false) throws -> Tensor {
        try unary(.square).sum(axis: axis, keepDims: keepDims).unary(.sqrt)
    }

    private func extreme(name: String, _ pick: (Double, Double) -> Double) throws -> Tensor {
        guard count > 0 else { throw TensorError.invalidArgument("\(name) of an empty tensor") }
        var best = storage.base[offset]
        forEachRow { src, stride, length in
            for i in 0..<length { best = pick(best, src[i * stride]) }
        }
        return Tensor(best)
    }

    private func checkNonEmpty(axis: Int, name: String) throws {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank > 0 && shape[ax] == 0 {
            throw TensorError.invalidArgument("\(name) along axis \(axis) of size 0")
        }
    }

    static func argmaxLane(_ p: UnsafePointer<Double>, _ n: Int, _ stride: Int) -> Int {
        var best = 0
        var value = p[0]
        if value != value { return 0 }
        for i in 1..<Swift.max(n, 1) {
            let x = p[i * stride]
            if x != x { return i }
            if x > value { value = x; best = i }
        }
        return best
    }
}
