/// Boolean-mask selection and assignment, as NumPy's `x[m]` and `x[m] = v`.
///
/// Every tensor holds float64, so a mask is a tensor of 0s and 1s with exactly
/// the shape of the tensor it indexes (NumPy would require a bool dtype instead).
/// Any other value in the mask is an error rather than a silent "nonzero is true":
/// a mask that holds a 2 was almost surely meant as a list of positions.
extension Tensor {
    /// The elements where `mask` is 1, in row-major order, as a 1-D tensor.
    ///
    ///     x = [[1, -2], [-3, 4]];  x.masked(by: x > 0) == [1, 4]
    /// - Throws: `invalidShape` when `mask.shape != shape`, `invalidArgument` when
    ///   the mask holds anything but 0 and 1.
    public func masked(by mask: Tensor) throws -> Tensor {
        let positions = try maskPositions(mask)
        let source = contiguous()
        return try withExtendedLifetime(source) {
            let src = source.storage.base + source.offset
            return try Tensor(shape: [positions.count]) { out in
                for (k, p) in positions.enumerated() { out[k] = src[p] }
            }
        }
    }

    /// Writes `value` into the elements where `mask` is 1, in row-major order:
    /// `value` is one element (written everywhere) or has one element per selected
    /// position, in any shape. Copies the storage first only when it is shared.
    /// - Throws: what `masked(by:)` throws, or `invalidShape` when `value` has
    ///   neither one element nor as many as the mask selects.
    public mutating func assign(mask: Tensor, _ value: Tensor) throws {
        // Check everything before copying, so a failed assign changes nothing.
        let positions = try maskPositions(mask)
        guard value.count == 1 || value.count == positions.count else {
            throw TensorError.invalidShape("cannot assign \(value.count) values (shape \(formatShape(value.shape))) to the \(positions.count) elements the mask selects")
        }
        if positions.isEmpty { return }
        let source = value.contiguous()
        makeUniqueContiguous()
        let dst = storage.base
        withExtendedLifetime(source) {
            let src = source.storage.base + source.offset
            if source.count == 1 {
                let v = src[0]
                for p in positions { dst[p] = v }
            } else {
                for (k, p) in positions.enumerated() { dst[p] = src[k] }
            }
        }
    }

    /// The row-major positions (into a contiguous copy of `self`) where `mask` is 1.
    /// - Throws: `invalidShape` when `mask.shape != shape`, `invalidArgument` for a
    ///   mask element other than 0 and 1.
    public func maskPositions(_ mask: Tensor) throws -> [Int] {
        guard mask.shape == shape else {
            throw TensorError.invalidShape("a mask must have the shape of the tensor it indexes: tensor \(formatShape(shape)), mask \(formatShape(mask.shape))")
        }
        return try mask.withContiguousElements { m in
            var positions: [Int] = []
            for (i, x) in m.enumerated() {
                if x == 1 { positions.append(i) } else if x != 0 {
                    throw TensorError.invalidArgument("a mask must hold only 0 and 1, found \(TensorFormatter().format(x)) at position \(i)")
                }
            }
            return positions
        }
    }
}
