/// What can go wrong in a tensor operation. Carries no source span: the
/// language layer adds the span of the call that failed.
public enum TensorError: Error, Equatable, CustomStringConvertible {
    /// Two shapes that do not broadcast together, or do not fit an operation.
    case shapeMismatch(op: String, lhs: [Int], rhs: [Int])
    /// A shape that is not valid for the operation (negative size, wrong rank…).
    case invalidShape(String)
    /// An integer index outside `-size..<size` on some axis.
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    /// A matrix that LAPACK found singular (or not positive definite).
    case singularMatrix(op: String)
    /// An operation that needs a square matrix got another shape.
    case notSquare(op: String, shape: [Int])
    /// An allocation larger than `Tensor.allocationLimit` elements; `shape` when the
    /// operation knew it.
    case allocationTooLarge(elements: Int, limit: Int, shape: [Int]? = nil)
    /// An allocation that would take the live tensor memory past the budget's byte limit;
    /// `shape` when the operation knew it. `bytes` 0 with no shape: a result of several
    /// tensors that took it past, `live` then what is in use with them.
    case memoryLimitExceeded(shape: [Int]?, bytes: Int, live: Int, limit: Int)
    /// An iterative LAPACK routine did not converge.
    case didNotConverge(op: String)
    /// Anything else, already phrased for the user.
    case invalidArgument(String)

    /// The message shown to the user, naming shapes as NumPy prints them.
    public var description: String {
        switch self {
        case let .shapeMismatch(op, lhs, rhs):
            return "shape mismatch in \(op): \(formatShape(lhs)) and \(formatShape(rhs))"
        case let .invalidShape(message):
            return message
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range for axis \(axis) with size \(size) (valid: \(-size) to \(size - 1))"
        case let .singularMatrix(op):
            return "\(op): matrix is singular"
        case let .notSquare(op, shape):
            return "\(op) needs a square matrix, got shape \(formatShape(shape))"
        case let .allocationTooLarge(elements, limit, shape):
            let (product, overflow) = elements.multipliedReportingOverflow(by: 8)
            let size = byteString(overflow ? Int.max : product)
            let what = shape.map { "a tensor of shape \(formatShape($0)) needs \(size) (\(elements) elements)" }
                ?? "allocation of \(elements) elements (\(size))"
            return "\(what), past the limit of \(limit) elements (\(byteString(limit * 8))) for one tensor"
        case let .memoryLimitExceeded(shape, bytes, live, limit):
            if shape == nil && bytes == 0 {
                return "the result takes the live tensor memory to \(byteString(live)), past the memory limit of "
                    + "\(byteString(limit)); raise it with --max-memory SIZE"
            }
            let what = shape.map { "a tensor of shape \(formatShape($0))" } ?? "a tensor"
            return "\(what) needs \(byteString(bytes)), past the memory limit of \(byteString(limit)) "
                + "(\(byteString(live)) in use); raise it with --max-memory SIZE"
        case let .didNotConverge(op):
            return "\(op) did not converge"
        case let .invalidArgument(message):
            return message
        }
    }
}

/// `(2, 3)` for a shape, `()` for a scalar, as NumPy prints them.
public func formatShape(_ shape: [Int]) -> String {
    if shape.count == 1 { return "(\(shape[0]),)" }
    return "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

func byteString(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
    return unit == 0 ? "\(bytes) B" : "\((value * 10).rounded() / 10) \(units[unit])"
}
