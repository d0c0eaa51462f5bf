import CVectorMath

extension Tensor {
    /// Sum of all elements, as a rank-0 tensor.
    public func sum() -> Tensor {
        var total = 0.0
        forEachRow { src, stride, length in
            if stride == 1 { total += Kernels.sum(src, length) }
            else { for i in 0..<length { total += src[i * stride] } }
        }
        return Tensor(total)
    }

    /// Sum along `axis` (negative counts from the end); `keepDims` keeps it as size 1.
    /// - Throws: `invalidArgument` for an axis out of range.
    public func sum(axis: Int, keepDims: Bool = false) throws -> Tensor {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank > 0, ax == rank - 1, isContiguous, shape[ax] > 0 {
            // Rows along memory (softmax's case): the multi-accumulator kernel, four rows at a time.
            let length = shape[ax], lanes = count / length
            var outShape = shape
            outShape[ax] = 1
            let base = storage.base + offset
            let result = try Tensor(shape: outShape) { out in
                guard lanes > 0, let o = out.baseAddress else { return }
                gb_sum_rows(base, lanes, length, o)
            }
            return withExtendedLifetime(self) { keepDims ? result : Tensor(storage: result.storage, shape: Array(shape.dropLast())) }
        }
        return try reduce(axis: axis, keepDims: keepDims, initial: 0, rows: { gb_vadd_into($0, $1, $2) }) { $0 + $1 }
    }

    /// Folds the elements along `axis` with `combine`, starting each lane from `initial`.
    /// `rows`, when given, folds a whole unit-stride input row into an output row
    /// (a vector kernel doing what `combine` does element by element).
    @inline(__always)
    func reduce(axis: Int, keepDims: Bool, initial: Double,
                rows: ((UnsafeMutablePointer<Double>, UnsafePointer<Double>, Int) -> Void)? = nil,
                _ combine: (Double, Double) -> Double) throws -> Tensor {
        let ax = try Shape.normalizeAxis(axis, rank: rank)
        if rank == 0 { return self }
        var outShape = shape
        outShape[ax] = 1
        let out = try TensorStorage(count: Shape.validate(outShape), repeating: initial)
        // Reducing the last axis folds each input row into one output lane; any other
        // axis accumulates whole input rows into whole output rows, so the inner loop
        // runs along memory in both cases.
        let outStrides = Shape.contiguousStrides(outShape)
        let r = rank
        let length = shape[r - 1], inner = strides[r - 1]
        if shape.contains(0) {
            return finishReduction(out, outShape, ax, keepDims)
        }
        var index = [Int](repeating: 0, count: r)
        var position = offset
        var outPosition = 0
        let base = storage.base, po = out.base
        while true {
            let src = base + position
            if ax == r - 1 {
                var acc = po[outPosition]
                for i in 0..<length { acc = combine(acc, src[i * inner]) }
                po[outPosition] = acc
            } else if inner == 1 {
                // Unit stride lets the compiler vectorise the row update.
                let dst = po + outPosition
                if let rows { rows(dst, src, length) } else { for i in 0..<length { dst[i] = combine(dst[i], src[i]) } }
            } else {
                let dst = po + outPosition
                for i in 0..<length { dst[i] = combine(dst[i], src[i * inner]) }
            }
            var axisIndex = r - 2
            while axisIndex >= 0 {
                index[axisIndex] += 1
                position += strides[axisIndex]
                if axisIndex != ax { outPosition += outStrides[axisIndex] }
                if index[axisIndex] < shape[axisIndex] { break }
                position -= strides[axisIndex] * shape[axisIndex]
                if axisIndex != ax { outPosition -= outStrides[axisIndex] * shape[axisIndex] }
                index[axisIndex] = 0
                axisIndex -= 1
            }
            if axisIndex < 0 { break }
        }
        return finishReduction(out, outShape, ax, keepDims)
    }

    private func finishReduction(_ out: TensorStorage, _ outShape: [Int], _ axis: Int, _ keepDims: Bool) -> Tensor {
        var result = Tensor(storage: out, shape: outShape)
        if !keepDims {
            var squeezed = outShape
            squeezed.remove(at: axis)
            result = Tensor(storage: out, shape: squeezed)
        }
        return result
    }
}
