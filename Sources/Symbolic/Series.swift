/// Taylor series: sum over k < order of c_k (x - a)^k, as SymPy's
/// `series(f, x, a, order)` without its O term. The coefficients come from repeated
/// differentiation, c_k = f^(k)(a)/k!; where f cannot be evaluated at a, f is written
/// as N/D and the series of N divided by that of D, which succeeds at a removable
/// singularity (sin(x)/x at 0) and reports a pole where D vanishes to a higher order
/// than N (1/x at 0).
extension Expr {
    public func series(_ symbol: String, about point: Expr, order: Int) throws -> Expr {
        guard Expr.isValidSymbolName(symbol) else {
            throw SymbolicError("series: '\(symbol)' is not a symbol name")
        }
        guard order >= 0 else { throw SymbolicError("series: the order must be non-negative, not \(order)") }
        guard order <= 64 else { throw SymbolicError("series: order \(order) is too large (at most 64)") }
        guard !point.contains(symbol: symbol) else {
            throw SymbolicError("series: the expansion point \(point) depends on \(symbol)")
        }
        let coefficients: [Expr]
        if let cs = try? taylorCoefficients(symbol, point, order) {
            coefficients = cs
        } else {
            coefficients = try quotientSeries(symbol, point, order)
        }
        let shift = Expr.symbol(symbol) - point
        return Expr.sum(coefficients.enumerated().map { k, c in Expr.product([c, shift.power(Expr.number(k))]) })
    }

    private func poleError(_ symbol: String, _ point: Expr) -> SymbolicError {
        SymbolicError("series: \(self) has a pole or singularity at \(symbol) = \(point), so no Taylor series there")
    }

    /// f^(k)(a)/k! for k < count; throws where f or a derivative is undefined at a.
    func taylorCoefficients(_ symbol: String, _ point: Expr, _ count: Int) throws -> [Expr] {
        var out: [Expr] = []
        var derivative = self
        var factorial = Rational.one
        for k in 0..<count {
            if k > 0 {
                derivative = try derivative.diff(symbol).smallerOfExpanded()
                factorial = factorial * Rational(k)
            }
            let value = try derivative.substitute([symbol: point])
            if value.isNaNFloat || value.isInfiniteFloat { throw SymbolicError("not finite") }
            out.append(Expr.product([value, Expr.number(factorial.reciprocal ?? .one)]).simplify())
        }
        return out
    }

    /// The series of N/D by dividing power series, after cancelling the lowest power of
    /// (x - a) that divides D.
    private func quotientSeries(_ symbol: String, _ point: Expr, _ order: Int) throws -> [Expr] {
        let ring = PolynomialRing()
        let (np, dp) = rationalForm(ring)
        let n = np.expr(ring), d = dp.expr(ring)
        guard !dp.isConstant else { throw poleError(symbol, point) }
        let extra = 8
        guard let dc = try? d.taylorCoefficients(symbol, point, order + extra),
              let v = dc.firstIndex(where: { !$0.isZero }) else { throw poleError(symbol, point) }
        guard let nc = try? n.taylorCoefficients(symbol, point, order + v) else { throw poleError(symbol, point) }
        if nc.prefix(v).contains(where: { !$0.isZero }) { throw poleError(symbol, point) }
        var c: [Expr] = []
        for k in 0..<order {
            var acc = nc[k + v]
            for j in 1...max(k, 1) where j <= k && j + v < dc.count {
                acc = acc - dc[j + v] * c[k - j]
            }
            c.append(try Expr.divide(acc, dc[v]).simplify())
        }
        return c
    }

    /// Keeps repeated derivatives from growing: the expansion when that is smaller.
    private func smallerOfExpanded() -> Expr {
        let e = expand()
        return e.size < size ? e : self
    }

    var isInfiniteFloat: Bool {
        if case .float(let v) = node { return v.isInfinite }
        return false
    }

    var isNaNFloat: Bool {
        if case .float(let v) = node { return v.isNaN }
        return false
    }
}
