/// Elementwise tests of values, giving 0/1 tensors of the input's shape (the
/// language prints them as booleans once it has boolean tensors).
extension Tensor {
    /// 1 where the element is NaN.
    public func isNaN() -> Tensor { mapElements { $0.isNaN ? 1 : 0 } }

    /// 1 where the element is +inf or -inf.
    public func isInfinite() -> Tensor { mapElements { $0.isInfinite ? 1 : 0 } }

    /// 1 where the element is neither NaN nor infinite.
    public func isFinite() -> Tensor { mapElements { $0.isFinite ? 1 : 0 } }

    /// 1 where `|self - other| <= atol + rtol * |other|` (NumPy's `isclose`, not
    /// symmetric: `other` is the reference). Equal infinities are close; NaN is
    /// close to NaN only when `equalNaN`.
    /// - Throws: `shapeMismatch` when the shapes do not broadcast.
    public func isClose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws -> Tensor {
        // Checked here so a mismatch names isclose, not the kernel's subtraction.
        _ = try Broadcasting.shape(shape, other.shape, op: "isclose")
        return try zipWith(other, .subtract) { a, b in
            if a == b { return 1 }
            if a.isNaN || b.isNaN { return equalNaN && a.isNaN && b.isNaN ? 1 : 0 }
            if a.isInfinite || b.isInfinite { return 0 }
            return Swift.abs(a - b) <= atol + rtol * Swift.abs(b) ? 1 : 0
        }
    }
}
