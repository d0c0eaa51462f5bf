extension Expr {
    /// Multiplies out products and positive integer powers of sums, inside function
    /// arguments and bases too, and collects like terms (multinomial expansion on the
    /// sparse polynomial form, so (x + y + z)^10 costs about 700 term products).
    public func expand() -> Expr { expandedDeep() }
}
