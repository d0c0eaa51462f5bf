/// Factoring over the rationals.
///
/// One variable: the rational content, Yun's square-free decomposition, linear factors
/// from the rational-root theorem, then quadratic factors by Kronecker's method (from
/// the values at 0, 1 and -1) and cubic ones (from 0, 1, -1 and 2), applied again to
/// what is left. So every factor of degree three or less over Q is found (when the
/// values' divisors are few enough to try, at most a few thousand combinations); a part
/// left with only factors of degree four or more ((x^4 + 2)*(x^4 + 3)) stays as one factor.
/// Several variables: numeric and monomial content, and two-variable homogeneous
/// polynomials (x^2 - y^2 = (x - y)*(x + y)) through the one-variable method; other
/// multivariate factors are not searched for. Non-polynomial atoms (exp(x), sqrt(x))
/// count as variables; a quotient is factored above and below the line.
extension Expr {
    public func factor() throws -> Expr {
        let ring = PolynomialRing()
        var (n, d) = rationalForm(ring)
        guard n.isExact && d.isExact else {
            throw SymbolicError("factor: the expression has float coefficients; factor works over the rationals")
        }
        if !d.isConstant { cancelCommonFactors(&n, &d, ring) }
        let (cn, fn) = factorPolynomial(n, ring)
        if d.isConstant {
            return Expr.factoredProduct(Num.rational(rationalOf(cn) / rationalOf(d.constantValue)), fn)
        }
        let (cd, fd) = factorPolynomial(d, ring)
        let top = Expr.factoredProduct(.rational(rationalOf(cn) / rationalOf(cd)), fn)
        let bottom = Expr.factoredProduct(.one, fd)
        return Expr.factoredProduct(.one, top.factors + [bottom.power(Expr.minusOne)].flatMap(\.factors))
    }

    /// coefficient * factors without distributing the number over a single sum, so
    /// `2*(x + 1)` stays factored.
    static func factoredProduct(_ c: Num, _ factors: [Expr]) -> Expr {
        var coefficient = c
        var fs: [Expr] = []
        for f in factors {
            if let n = Num(f) { coefficient = coefficient * n } else { fs.append(f) }
        }
        if coefficient.isZero { return zero }
        fs.sort(by: factorLess)
        if fs.isEmpty { return coefficient.expr }
        if fs.count == 1 && coefficient.isOne { return fs[0] }
        if !coefficient.isOne { fs.insert(coefficient.expr, at: 0) }
        return Expr(node: .product(fs))
    }
}

private func rationalOf(_ n: Num) -> Rational {
    if case .rational(let r) = n { return r }
    return .one
}

/// The content and the factors (as expressions, with their powers) of a polynomial.
func factorPolynomial(_ p: Polynomial, _ ring: PolynomialRing) -> (Num, [Expr]) {
    if p.isZero { return (.zero, []) }
    if p.isConstant { return (p.constantValue, []) }
    // Monomial content: the smallest power of each generator.
    var low = Monomial()
    var first = true
    for m in p.terms.keys {
        if first { low = m; first = false; continue }
        let n = max(low.count, m.count)
        low = (0..<n).map { Swift.min($0 < low.count ? low[$0] : 0, $0 < m.count ? m[$0] : 0) }
    }
    while let last = low.last, last == 0 { low.removeLast() }
    var rest = p
    var factors: [Expr] = []
    if !low.isEmpty {
        let inverse = low.map { -$0 }
        rest = Polynomial(terms: Dictionary(uniqueKeysWithValues: p.terms.map { (multiply($0.key, inverse), $0.value) }))
        for (i, k) in low.enumerated() where k != 0 { factors.append(ring.generators[i].power(Expr.number(k))) }
    }
    let vars = rest.variables
    if vars.count == 1, let u = rest.univariate(in: vars[0]) {
        let (c, fs) = factorUnivariate(u)
        let x = ring.generators[vars[0]]
        for (f, k) in fs { factors.append(f.expr(in: x).power(Expr.number(k))) }
        return (.rational(c), factors)
    }
    if vars.count == 2, let (c, fs) = factorHomogeneous(rest, vars[0], vars[1], ring) {
        return (.rational(c), factors + fs)
    }
    // Numeric content only.
    let (lm, _) = rest.leadingTerm ?? ([], .one)
    var g = BigInt(0), l = BigInt(1)
    for c in rest.terms.values {
        let r = rationalOf(c)
        g = BigInt(g.magnitude.greatestCommonDivisor(with: r.numerator.magnitude))
        l = l / BigInt(l.magnitude.greatestCommonDivisor(with: r.denominator.magnitude)) * r.denominator
    }
    var content = Rational(reducing: g, l)
    if rationalOf(rest.terms[lm] ?? .one).isNegative { content = -content }
    if let inv = content.reciprocal { rest = rest.scaled(.rational(inv)) }
    if !rest.isConstant { factors.append(rest.expr(ring)) }
    return (.rational(content), factors)
}

/// f(x, y) homogeneous of degree d is y^d * f(x/y, 1): factor the one-variable part and
/// homogenise each factor again.
private func factorHomogeneous(_ p: Polynomial, _ xi: Int, _ yi: Int, _ ring: PolynomialRing) -> (Rational, [Expr])? {
    var degree: Int?
    var cs: [Rational] = []
    for (m, c) in p.terms {
        let a = xi < m.count ? m[xi] : 0, b = yi < m.count ? m[yi] : 0
        if degree == nil { degree = a + b }
        guard a + b == degree, case .rational(let r) = c else { return nil }
        if cs.count <= a { cs += [Rational](repeating: .zero, count: a + 1 - cs.count) }
        cs[a] = r
    }
    guard let d = degree else { return nil }
    let (c, fs) = factorUnivariate(UnivariatePolynomial(cs))
    let x = ring.generators[xi], y = ring.generators[yi]
    var out: [Expr] = []
    var used = 0
    for (f, k) in fs {
        let fd = f.degree
        var terms: [Expr] = []
        for (i, a) in f.coefficients.enumerated() where !a.isZero {
            terms.append(Expr.product([Expr.number(a), x.power(Expr.number(i)), y.power(Expr.number(fd - i))]))
        }
        out.append(Expr.sum(terms).power(Expr.number(k)))
        used += fd * k
    }
    if d > used { out.append(y.power(Expr.number(d - used))) }
    return (c, out)
}

/// Content and factors with multiplicities of a polynomial in one variable over Q; each
/// factor is primitive with integer coefficients and a positive leading coefficient.
func factorUnivariate(_ u: UnivariatePolynomial) -> (Rational, [(UnivariatePolynomial, Int)]) {
    let (content, ints) = u.contentAndPrimitive
    if u.degree <= 0 { return (u.isZero ? .zero : u.leading, []) }
    // By Gauss's lemma the primitive factors multiply to the primitive part exactly.
    var out: [(UnivariatePolynomial, Int)] = []
    for (s, k) in UnivariatePolynomial(integers: ints).squareFreeDecomposition() {
        let (_, prim) = s.contentAndPrimitive
        for f in splitSquareFree(UnivariatePolynomial(integers: prim)) { out.append((f, k)) }
    }
    return (content, out)
}

/// Irreducible-as-found factors of a square-free primitive integer polynomial.
private func splitSquareFree(_ p: UnivariatePolynomial) -> [UnivariatePolynomial] {
    var rest = p
    var out: [UnivariatePolynomial] = []
    // x itself.
    while rest.degree > 0, rest.coefficients.first?.isZero == true {
        out.append(UnivariatePolynomial([.zero, .one]))
        rest = UnivariatePolynomial(Array(rest.coefficients.dropFirst()))
    }
    // Linear factors q*x - p from rational roots p/q.
    if rest.degree >= 1, let roots = rationalRoots(rest) {
        for r in roots {
            let linear = UnivariatePolynomial([-Rational(r.numerator), Rational(r.denominator)])
            let (q, rem) = rest.divided(by: linear)
            if rem.isZero { out.append(linear); rest = q }
        }
    }
    // Quadratic, then cubic factors.
    while rest.degree >= 4, let g = quadraticFactor(rest) {
        out.append(g)
        rest = rest.divided(by: g).0
    }
    while rest.degree >= 6, let g = cubicFactor(rest) {
        out.append(g)
        rest = rest.divided(by: g).0
    }
    if rest.degree >= 1 {
        let (_, prim) = rest.contentAndPrimitive
        out.append(UnivariatePolynomial(integers: prim))
    }
    return out.map { f in
        let (_, prim) = f.contentAndPrimitive
        return UnivariatePolynomial(integers: prim)
    }
}

/// The rational roots of an integer polynomial (rational-root theorem), or nil when its
/// end coefficients are too large to enumerate divisors of.
private func rationalRoots(_ p: UnivariatePolynomial) -> [Rational]? {
    guard let a0 = p.coefficients.first?.numerator, let an = Int(exactly: p.leading.numerator),
          let c0 = Int(exactly: a0), c0 != 0,
          let ps = divisors(abs(c0)), let qs = divisors(abs(an)), ps.count * qs.count <= 20_000 else { return nil }
    var roots: [Rational] = []
    var seen = Set<Rational>()
    for q in qs {
        for d in ps {
            for s in [d, -d] {
                let r = Rational(reducing: BigInt(s), BigInt(q))
                if seen.insert(r).inserted, p.value(at: r).isZero { roots.append(r) }
            }
        }
    }
    return roots
}

private func divisors(_ n: Int) -> [Int]? {
    guard n > 0, n <= 1_000_000_000_000 else { return nil }
    var small: [Int] = [], large: [Int] = []
    var d = 1
    while d * d <= n {
        if n % d == 0 {
            small.append(d)
            if d * d != n { large.append(n / d) }
        }
        d += 1
    }
    return small + large.reversed()
}

/// A quadratic factor by Kronecker's method: a quadratic through (0, d0), (1, d1),
/// (-1, d2) for divisors d_i of p's values there, kept when it divides p.
private func quadraticFactor(_ p: UnivariatePolynomial) -> UnivariatePolynomial? {
    let points: [Rational] = [.zero, .one, .minusOne]
    var values: [Int] = []
    for x in points {
        guard let v = Int(exactly: p.value(at: x).numerator), v != 0 else { return nil }
        values.append(abs(v))
    }
    guard let d0 = divisors(values[0]), let d1 = divisors(values[1]), let d2 = divisors(values[2]),
          d0.count * d1.count * d2.count <= 5_000 else { return nil }
    for c in d0 {
        for u in d1 {
            for su in [u, -u] {
                for v in d2 {
                    for sv in [v, -v] {
                        // g(0) = c, g(1) = su, g(-1) = sv.
                        let twiceA = su + sv - 2 * c, twiceB = su - sv
                        guard twiceA % 2 == 0, twiceB % 2 == 0, twiceA != 0 else { continue }
                        let g = UnivariatePolynomial([Rational(c), Rational(twiceB / 2), Rational(twiceA / 2)])
                        let (_, r) = p.divided(by: g)
                        if r.isZero { return g }
                    }
                }
            }
        }
    }
    return nil
}

/// A cubic factor by Kronecker's method: the cubic through (0, d0), (1, d1), (-1, d2),
/// (2, d3) for divisors d_i of p's values there, kept when it divides p.
private func cubicFactor(_ p: UnivariatePolynomial) -> UnivariatePolynomial? {
    let points: [Rational] = [.zero, .one, .minusOne, Rational(2)]
    var values: [Int] = []
    for x in points {
        guard let v = Int(exactly: p.value(at: x).numerator), v != 0 else { return nil }
        values.append(abs(v))
    }
    guard let d0 = divisors(values[0]), let d1 = divisors(values[1]), let d2 = divisors(values[2]),
          let d3 = divisors(values[3]), d0.count * d1.count * d2.count * d3.count <= 4_000 else { return nil }
    for c in d0 {
        for u in d1 { for su in [u, -u] {
            for v in d2 { for sv in [v, -v] {
                // g = a x^3 + b x^2 + e x + c: g(1) = su, g(-1) = sv.
                let twiceB = su + sv - 2 * c, twiceS = su - sv
                guard twiceB % 2 == 0, twiceS % 2 == 0 else { continue }
                let b = twiceB / 2, s = twiceS / 2
                for w in d3 { for sw in [w, -w] {
                    // g(2) = 8a + 4b + 2e + c with e = s - a.
                    let sixA = sw - c - 4 * b - 2 * s
                    guard sixA % 6 == 0, sixA != 0 else { continue }
                    let a = sixA / 6, e = s - a
                    let g = UnivariatePolynomial([Rational(c), Rational(e), Rational(b), Rational(a)])
                    if p.divided(by: g).1.isZero { return g }
                } }
            } }
        } }
    }
    return nil
}
