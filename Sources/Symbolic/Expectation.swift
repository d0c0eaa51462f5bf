/// The exact expectation of an expression over independent Bernoulli(p) masks (each
/// mask symbol is 0 or 1, P(1) = p), as the dropout derivations need.
///
/// Where masks occur polynomially the expression is expanded and, term by term, a
/// mask to any positive power becomes p (m^k = m since m is 0 or 1; distinct masks are
/// independent, so E[m1^2 m2] = p^2). A mask inside anything else (exp(m1*x), a
/// denominator) is conditioned on: E[f] = p*f(m=1) + (1-p)*f(m=0), exact for any f.
public func expectation(_ e: Expr, masks: [String], p: Expr) throws -> Expr {
    guard !masks.isEmpty else { throw SymbolicError("expect: no masks given") }
    for m in masks where !Expr.isValidSymbolName(m) {
        throw SymbolicError("expect: '\(m)' is not a symbol name")
    }
    guard Set(masks).count == masks.count else { throw SymbolicError("expect: a mask is listed twice") }
    for m in masks where p.contains(symbol: m) {
        throw SymbolicError("expect: the probability \(p) depends on the mask \(m)")
    }
    // Condition on the masks that occur other than as polynomial variables.
    var f = e.expand()
    let ring = PolynomialRing(symbols: masks)
    _ = f.polynomial(ring)
    var conditioned = Set<String>()
    for g in ring.generators where g.symbolName == nil {
        for m in masks where g.contains(symbol: m) { conditioned.insert(m) }
    }
    for m in masks where conditioned.contains(m) {
        let on = try f.substitute([m: Expr.one])
        let off: Expr
        do { off = try f.substitute([m: Expr.zero]) } catch {
            throw SymbolicError("expect: \(e) is undefined when the mask \(m) is 0")
        }
        f = (p * on + (Expr.one - p) * off).expand()
    }
    // Linearity on what is left.
    let ring2 = PolynomialRing(symbols: masks)
    let poly = f.polynomial(ring2)
    var terms: [Expr] = []
    for (monomial, c) in poly.terms {
        var factors: [Expr] = [c.expr]
        for (i, k) in monomial.enumerated() where k != 0 {
            if i < masks.count {
                guard k > 0 else { throw SymbolicError("expect: \(e) divides by the mask \(masks[i]), which can be 0") }
                factors.append(p)
            } else {
                factors.append(ring2.generators[i].power(Expr.number(k)))
            }
        }
        terms.append(Expr.product(factors))
    }
    return Expr.sum(terms).expand()
}
