/// Simplification: rational cancellation and the identities a student expects.
///
/// `simplify` simplifies inside function arguments first (log(exp(u)) = u there), then
/// tries several forms and keeps the smallest (by node count, the input winning ties):
/// the input, its expansion, the quotient N/D with their common factors cancelled, and
/// the expansion with sin(u)^2 replaced by 1 - cos(u)^2 or the other way round (so
/// sin^2 + cos^2 = 1). exp(log x) = x and power rules ((x^a)^n, x^a*x^b) hold on
/// construction already.
extension Expr {
    public func simplify() -> Expr {
        let inner = simplifiedArguments()
        var best = inner
        var bestSize = inner.size
        func consider(_ e: Expr) {
            let s = e.size
            if s < bestSize { best = e; bestSize = s }
        }
        let expanded = inner.expand()
        consider(expanded)
        if let c = inner.cancelled() { consider(c) }
        for trig in expanded.pythagoreanForms() {
            consider(trig)
            if let c = trig.cancelled() { consider(c) }
        }
        return best
    }

    /// Node count, the measure `simplify` minimises.
    var size: Int {
        switch node {
        case .number, .float, .symbol: return 1
        default: return children.reduce(1) { $0 + $1.size }
        }
    }

    private func simplifiedArguments() -> Expr {
        switch node {
        case .number, .float, .symbol: return self
        case .sum(let ts): return Expr.sum(ts.map { $0.simplifiedArguments() })
        case .product(let fs): return Expr.product(fs.map { $0.simplifiedArguments() })
        case .power(let b, let e): return b.simplifiedArguments().power(e.simplifiedArguments())
        case .apply(let f, let u):
            let v = u.simplify()
            if f == .log, case .apply(.exp, let w) = v.node { return w }
            return (try? Expr.apply(f, v)) ?? self
        }
    }

    /// The quotient of two polynomials (over this expression's atoms) with their common
    /// factors cancelled, or nil when there is no denominator.
    func cancelled() -> Expr? {
        let ring = PolynomialRing()
        var (n, d) = rationalForm(ring)
        if d.isConstant { return nil }
        guard n.isExact && d.isExact else { return nil }
        var sums = Set<Expr>()
        collectSums(into: &sums)
        cancelCommonFactors(&n, &d, ring, candidates: Array(sums))
        // A positive leading coefficient in the denominator, and no numeric content there.
        let (_, dc) = d.leadingTerm ?? ([], .one)
        if let r = Num.rationalOrNil(dc), let inv = r.reciprocal {
            n = n.scaled(.rational(inv))
            d = d.scaled(.rational(inv))
        }
        if d.isConstant {
            return n.scaled(.rational((Num.rationalOrNil(d.constantValue) ?? .one).reciprocal ?? .one)).expr(ring)
        }
        return n.expr(ring) * d.expr(ring).power(Expr.minusOne)
    }

    /// Writes the expression as N/D, polynomials over `ring` (SymPy's `together`):
    /// integer powers are taken apart, anything else becomes a generator.
    func rationalForm(_ ring: PolynomialRing) -> (Polynomial, Polynomial) {
        switch node {
        case .number(let r): return (Polynomial(constant: .rational(r)), .one)
        case .float(let x): return (Polynomial(constant: .float(x)), .one)
        case .symbol: return (.generator(ring.generatorIndex(self)), .one)
        case .sum(let ts):
            var (n, d) = (Polynomial.zero, Polynomial.one)
            for t in ts {
                let (a, b) = t.rationalForm(ring)
                if b == d {
                    n.add(a)
                } else if d.isConstant && d.constantValue.isOne {
                    n = n * b + a
                    d = b
                } else if let q = b.dividedExactly(by: d) {
                    n = n * q + a
                    d = b
                } else if let q = d.dividedExactly(by: b) {
                    n = n + a * q
                } else {
                    n = n * b + a * d
                    d = d * b
                }
            }
            return (n, d)
        case .product(let fs):
            var (n, d) = (Polynomial.one, Polynomial.one)
            for f in fs {
                let (a, b) = f.rationalForm(ring)
                n = n * a
                d = d * b
            }
            return (n, d)
        case .power(let b, let e):
            if let k = e.rationalValue?.intValue, abs(k) <= 64 {
                let (a, c) = b.rationalForm(ring)
                return k >= 0 ? (a.power(k), c.power(k)) : (c.power(-k), a.power(-k))
            }
            if let r = e.rationalValue, let num = Int(exactly: r.numerator), let den = Int(exactly: r.denominator),
               Swift.abs(num / den) <= 64 {
                // b^(k + f) = b^k * b^f with 0 < f < 1, so b^(3/2) and b^(-1/2) share the atom b^(1/2).
                let k = Int((Double(num) / Double(den)).rounded(.down))
                let f = r - Rational(k)
                let (coefficient, radical) = Expr.radical(b.expandedDeep(), Expr.number(f))
                let atom = coefficient.polynomial(ring) * Polynomial.generator(ring.generatorIndex(radical))
                let (a, c) = b.rationalForm(ring)
                return k >= 0 ? (a.power(k) * atom, c.power(k)) : (c.power(-k) * atom, a.power(-k))
            }
            return (.generator(ring.generatorIndex(self)), .one)
        case .apply:
            return (.generator(ring.generatorIndex(self)), .one)
        }
    }

    /// sin(u)^2 -> 1 - cos(u)^2, and cos(u)^2 -> 1 - sin(u)^2, each expanded.
    func pythagoreanForms() -> [Expr] {
        var arguments = Set<Expr>()
        collectTrigArguments(into: &arguments)
        guard !arguments.isEmpty else { return [] }
        var out: [Expr] = []
        for (from, to) in [(SymbolicFunction.sin, SymbolicFunction.cos), (.cos, .sin)] {
            out.append(replacingSquares(of: from, by: to).expand())
        }
        return out
    }

    private func collectTrigArguments(into set: inout Set<Expr>) {
        if case .apply(let f, let u) = node, f == .sin || f == .cos { set.insert(u) }
        for c in children { c.collectTrigArguments(into: &set) }
    }

    private func replacingSquares(of f: SymbolicFunction, by g: SymbolicFunction) -> Expr {
        switch node {
        case .power(let b, let e):
            if case .apply(f, let u) = b.node, let k = e.rationalValue?.intValue, k >= 2,
               let other = try? Expr.apply(g, u) {
                let square = Expr.one - other.power(Expr.number(2))
                return square.power(Expr.number(k / 2)) * b.power(Expr.number(k % 2))
            }
            return self
        case .sum(let ts): return Expr.sum(ts.map { $0.replacingSquares(of: f, by: g) })
        case .product(let fs): return Expr.product(fs.map { $0.replacingSquares(of: f, by: g) })
        default: return self
        }
    }
}

extension Num {
    static func rationalOrNil(_ n: Num) -> Rational? {
        if case .rational(let r) = n { return r }
        return nil
    }
}

extension Expr {
    /// The sums that occur in the expression: the factors it was written with, which
    /// the multivariate cancellation tries besides those `factor` finds.
    func collectSums(into set: inout Set<Expr>) {
        if case .sum = node { set.insert(self) }
        for c in children { c.collectSums(into: &set) }
    }
}

/// Divides N and D by their common factors: the gcd over Q when one generator occurs;
/// otherwise each factor of D that `factor` finds, and each of `candidates`, that
/// divides both exactly.
func cancelCommonFactors(_ n: inout Polynomial, _ d: inout Polynomial, _ ring: PolynomialRing,
                         candidates: [Expr] = []) {
    if n.isZero { d = .one; return }
    let vars = Set(n.variables).union(d.variables)
    if vars.count == 1, let v = vars.first, let un = n.univariate(in: v), let ud = d.univariate(in: v) {
        let g = UnivariatePolynomial.gcd(un, ud)
        if g.degree > 0 {
            n = Polynomial(un.divided(by: g).0, variable: v)
            d = Polynomial(ud.divided(by: g).0, variable: v)
        }
        return
    }
    // Several variables: try the factors of the denominator one at a time.
    let (_, factors) = factorPolynomial(d, ring)
    for f in factors + candidates {
        let (base, exponent) = f.baseAndExponent
        let k = exponent.rationalValue?.intValue ?? 1
        let (fp, fd) = base.rationalForm(ring)
        guard fd.isConstant, !fp.isConstant else { continue }
        for _ in 0..<max(k, 64) {
            guard let qn = n.dividedExactly(by: fp), let qd = d.dividedExactly(by: fp) else { break }
            n = qn
            d = qd
        }
    }
}
