/// Shape arithmetic shared by every kernel.
public enum Shape {
    /// Number of elements of `shape`, or nil when the product overflows `Int`.
    public static func elementCount(_ shape: [Int]) -> Int? {
        var n = 1
        for d in shape {
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            if overflow { return nil }
            n = p
        }
        return n
    }

    /// Row-major (C order) strides of `shape`, in elements.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var s = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[i] = s
            s *= Swift.max(shape[i], 1)
        }
        return strides
    }

    /// Checks that every size is non-negative and the count fits the limit.
    /// - Returns: the element count.
    public static func validate(_ shape: [Int]) throws -> Int {
        for d in shape where d < 0 {
            throw TensorError.invalidShape("negative dimension \(d) in shape \(formatShape(shape))")
        }
        guard let n = elementCount(shape) else {
            throw TensorError.allocationTooLarge(elements: Int.max, limit: Tensor.allocationLimit, shape: shape)
        }
        if n > Tensor.allocationLimit {
            throw TensorError.allocationTooLarge(elements: n, limit: Tensor.allocationLimit, shape: shape)
        }
        // Checked here too, where the shape is known, so the message can name it.
        let budget = MemoryBudget.current
        if budget.wouldExceed(n * MemoryLayout<Double>.stride) {
            throw TensorError.memoryLimitExceeded(shape: shape, bytes: n * MemoryLayout<Double>.stride,
                                                  live: budget.liveBytes, limit: budget.byteLimit)
        }
        return n
    }

    /// Normalises a possibly negative axis against `rank`.
    public static func normalizeAxis(_ axis: Int, rank: Int) throws -> Int {
        let a = axis < 0 ? axis + rank : axis
        guard a >= 0, a < Swift.max(rank, 1) else {
            throw TensorError.invalidArgument("axis \(axis) is out of range for a tensor of rank \(rank)")
        }
        return a
    }
}
