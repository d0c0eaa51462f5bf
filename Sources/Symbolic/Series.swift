/// Taylor series by repeated differentiation: sum over k < order of
/// f^(k)(a) / k! * (x - a)^k, as SymPy's `series(f, x, a, order)` without its O term.
extension Expr {
    /// A point where f or a derivative cannot be evaluated (1/x at 0, log(x) at 0)
    /// throws, naming the pole.
    public func series(_ symbol: String, about point: Expr, order: Int) throws -> Expr {
        guard Expr.isValidSymbolName(symbol) else {
            throw SymbolicError("series: '\(symbol)' is not a symbol name")
        }
        guard order >= 0 else { throw SymbolicError("series: the order must be non-negative, not \(order)") }
        guard order <= 64 else { throw SymbolicError("series: order \(order) is too large (at most 64)") }
        guard !point.contains(symbol: symbol) else {
            throw SymbolicError("series: the expansion point \(point) depends on \(symbol)")
        }
        let x = Expr.symbol(symbol)
        let shift = x - point
        var terms: [Expr] = []
        var derivative = self
        var factorial = Rational.one
        for k in 0..<order {
            if k > 0 {
                derivative = try derivative.diff(symbol).simplifiedForSeries()
                factorial = factorial * Rational(k)
            }
            let value: Expr
            do {
                value = try derivative.substitute([symbol: point])
            } catch {
                throw SymbolicError("series: \(self) has a pole at \(symbol) = \(point) (no Taylor series there)")
            }
            if value.isNaNFloat || value.isInfiniteFloat {
                throw SymbolicError("series: \(self) has a pole at \(symbol) = \(point) (no Taylor series there)")
            }
            let coefficient = Expr.product([value, Expr.number(factorial.reciprocal ?? .one)])
            terms.append(Expr.product([coefficient, shift.power(Expr.number(k))]))
        }
        return Expr.sum(terms)
    }

    /// Keeps repeated derivatives from growing: expansion when that is smaller.
    private func simplifiedForSeries() -> Expr {
        let e = expand()
        return e.size < size ? e : self
    }

    var isInfiniteFloat: Bool {
        if case .float(let v) = node { return v.isInfinite }
        return false
    }
}

extension Expr {
    var isNaNFloat: Bool {
        if case .float(let v) = node { return v.isNaN }
        return false
    }
}
