// Operations still being written; each throws or returns its input until then.
extension Expr {
    public func simplify() -> Expr { self }
    public func factor() throws -> Expr { throw SymbolicError("factor: not yet implemented") }
    public func series(_ symbol: String, about: Expr, order: Int) throws -> Expr {
        throw SymbolicError("series: not yet implemented")
    }
    public var latex: String { description }
    /// Equal after expansion and simplification.
    public func isEqual(canonically other: Expr) -> Bool {
        (self - other).expand().simplify().isZero
    }
}

public func expectation(_ e: Expr, masks: [String], p: Expr) throws -> Expr {
    throw SymbolicError("expect: not yet implemented")
}
