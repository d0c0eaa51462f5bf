import Tensor

/// True when every pair differs by at most `tolerance · max(1, |expected|)`.
func close(_ actual: [Double], _ expected: [Double], _ tolerance: Double = 1e-12) -> Bool {
    guard actual.count == expected.count else { return false }
    for (a, e) in zip(actual, expected) {
        if a.isNaN && e.isNaN { continue }
        if Swift.abs(a - e) > tolerance * Swift.max(1, Swift.abs(e)) { return false }
    }
    return true
}

/// A matrix from nested rows (test data only).
func matrix(_ rows: [[Double]]) throws -> Tensor {
    try Tensor(shape: [rows.count, rows.first?.count ?? 0], values: rows.flatMap { $0 })
}

/// The error a throwing expression raised, or nil.
func caught(_ body: () throws -> Any) -> TensorError? {
    do { _ = try body(); return nil } catch let e as TensorError { return e } catch { return nil }
}
