extension Expr {
    /// Equal after expansion and simplification.
    public func isEqual(canonically other: Expr) -> Bool {
        (self - other).expand().simplify().isZero
    }
}
