/// Differentiation by the chain rule, one rule per node kind.
extension Expr {
    /// The `order`-th derivative with respect to the symbol named `symbol`.
    public func diff(_ symbol: String, order: Int = 1) throws -> Expr {
        guard Expr.isValidSymbolName(symbol) else {
            throw SymbolicError("diff: '\(symbol)' is not a symbol name")
        }
        guard order >= 0 else { throw SymbolicError("diff: the order must be non-negative, not \(order)") }
        var e = self
        for _ in 0..<order {
            var memo: [Expr: Expr] = [:]
            e = try e.derivative(symbol, &memo)
        }
        return e
    }

    /// Derivatives of shared subexpressions are computed once.
    private func derivative(_ x: String, _ memo: inout [Expr: Expr]) throws -> Expr {
        if let d = memo[self] { return d }
        let d: Expr
        switch node {
        case .number, .float:
            d = Expr.zero
        case .symbol(let s):
            d = s == x ? Expr.one : Expr.zero
        case .sum(let ts):
            var parts: [Expr] = []
            parts.reserveCapacity(ts.count)
            for t in ts where t.contains(symbol: x) { parts.append(try t.derivative(x, &memo)) }
            d = Expr.sum(parts)
        case .product(let fs):
            // Leibniz: sum over factors of (factor' * the others).
            var parts: [Expr] = []
            for (i, f) in fs.enumerated() where f.contains(symbol: x) {
                var others = fs
                others[i] = try f.derivative(x, &memo)
                parts.append(Expr.product(others))
            }
            d = Expr.sum(parts)
        case .power(let b, let e):
            if !e.contains(symbol: x) {
                guard b.contains(symbol: x) else { d = Expr.zero; break }
                d = Expr.product([e, b.power(e - Expr.one), try b.derivative(x, &memo)])
            } else {
                // d(b^e) = b^e * (e' * log b + e * b' / b)
                let logB = try Expr.apply(.log, b)
                let inner = Expr.product([try e.derivative(x, &memo), logB])
                    + Expr.product([e, try b.derivative(x, &memo), b.power(Expr.minusOne)])
                d = self * inner
            }
        case .apply(let f, let u):
            guard u.contains(symbol: x) else { d = Expr.zero; break }
            let du = try u.derivative(x, &memo)
            let outer: Expr
            switch f {
            case .exp: outer = self
            case .log: outer = u.power(Expr.minusOne)
            case .sqrt: outer = Expr.half * u.power(Expr.number(Rational(reducing: -1, 2)))
            case .sin: outer = try Expr.apply(.cos, u)
            case .cos: outer = -(try Expr.apply(.sin, u))
            case .tanh: outer = Expr.one - self.power(Expr.number(2))
            case .sigmoid: outer = self * (Expr.one - self)
            case .abs: outer = u * self.power(Expr.minusOne)
            }
            d = outer * du
        }
        memo[self] = d
        return d
    }

    /// A name the language could bind: a letter or underscore, then letters, digits, underscores.
    static func isValidSymbolName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
