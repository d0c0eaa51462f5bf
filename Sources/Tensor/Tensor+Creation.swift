extension Tensor {
    /// A tensor of `shape` filled with zeros.
    /// - Throws: `invalidShape` for a negative size, `allocationTooLarge` past the limit.
    public static func zeros(_ shape: [Int]) throws -> Tensor {
        try Tensor(shape: shape, repeating: 0)
    }

    /// A tensor of `shape` filled with ones.
    /// - Throws: as `zeros(_:)`.
    public static func ones(_ shape: [Int]) throws -> Tensor {
        try Tensor(shape: shape, repeating: 1)
    }

    /// A tensor of `shape` with every element `value`.
    /// - Throws: as `zeros(_:)`.
    public static func full(_ shape: [Int], _ value: Double) throws -> Tensor {
        try Tensor(shape: shape, repeating: value)
    }

    /// The `n`×`n` identity matrix.
    /// - Throws: as `zeros(_:)`.
    public static func eye(_ n: Int) throws -> Tensor {
        var t = try zeros([n, n])
        t.withMutableElements { p in
            for i in 0..<n { p[i * n + i] = 1 }
        }
        return t
    }

    /// `start, start + step, …` up to but excluding `stop`, as NumPy's `arange`.
    ///
    /// The count is `ceil((stop - start) / step)`, and element `i` is `start + i * step`
    /// (not a running sum, so no rounding drift).
    /// - Throws: `invalidArgument` for a zero or non-finite step or bounds.
    public static func arange(_ start: Double, _ stop: Double, _ step: Double = 1) throws -> Tensor {
        guard step != 0, step.isFinite, start.isFinite, stop.isFinite else {
            throw TensorError.invalidArgument("arange needs finite bounds and a non-zero step, got (\(start), \(stop), \(step))")
        }
        let steps = ((stop - start) / step).rounded(.up)
        guard steps < Double(Tensor.allocationLimit) else {
            throw TensorError.allocationTooLarge(elements: Int(Swift.min(steps, 9e18)), limit: Tensor.allocationLimit)
        }
        let n = Swift.max(0, Int(steps))
        return try Tensor(shape: [n]) { p in
            for i in 0..<n { p[i] = start + Double(i) * step }
        }
    }

    /// `count` evenly spaced values from `start` to `stop`, both included (NumPy's `linspace`).
    /// - Throws: `invalidArgument` for a negative count.
    public static func linspace(_ start: Double, _ stop: Double, count: Int) throws -> Tensor {
        guard count >= 0 else {
            throw TensorError.invalidArgument("linspace needs a non-negative count, got \(count)")
        }
        let step = count > 1 ? (stop - start) / Double(count - 1) : 0
        return try Tensor(shape: [count]) { p in
            for i in 0..<count { p[i] = start + Double(i) * step }
            // The last point is exactly `stop`, as in NumPy.
            if count > 1 { p[count - 1] = stop }
        }
    }
}
