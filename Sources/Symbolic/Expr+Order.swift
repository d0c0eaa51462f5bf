/// The canonical order of terms and factors, fixed so equal expressions print alike.
///
/// Factors of a product: numeric coefficient first, then by base (symbols by name,
/// then function applications, then sums, then anything else), a lower exponent first.
/// Terms of a sum: total degree descending (`Expr.degree`), ties broken
/// lexicographically on the factors, with a higher power of the earlier symbol first
/// (x^2, x*y, y^2, as graded lexicographic order does), constants last among terms of
/// degree zero: `x^3/6 + x^2 + x*y + sin(x) + 1 + 1/x`.
extension Expr {
    private var kindRank: Int {
        switch node {
        case .number: return 0
        case .float: return 1
        case .symbol: return 2
        case .apply: return 3
        case .power: return 4
        case .product: return 5
        case .sum: return 6
        }
    }

    /// A strict total order on canonical expressions (structural, deterministic).
    static func structuralLess(_ a: Expr, _ b: Expr) -> Bool {
        compare(a, b) < 0
    }

    static func compare(_ a: Expr, _ b: Expr) -> Int {
        if a === b { return 0 }
        let ra = a.kindRank, rb = b.kindRank
        if ra != rb { return ra < rb ? -1 : 1 }
        switch (a.node, b.node) {
        case (.number(let x), .number(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.float(let x), .float(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.symbol(let x), .symbol(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.apply(let f, let x), .apply(let g, let y)):
            if f != g { return f.rawValue < g.rawValue ? -1 : 1 }
            return compare(x, y)
        case (.power(let b1, let e1), .power(let b2, let e2)):
            let c = compare(b1, b2)
            return c != 0 ? c : compare(e1, e2)
        case (.sum(let x), .sum(let y)):
            // Term by term, monomial first and then coefficient, so x - 1 < x + 1.
            for (u, v) in zip(x, y) {
                let (cu, mu) = u.coefficientAndMonomial, (cv, mv) = v.coefficientAndMonomial
                let c = compare(mu ?? one, mv ?? one)
                if c != 0 { return c }
                let du = cu.doubleValue, dv = cv.doubleValue
                if du != dv { return du < dv ? -1 : 1 }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.product(let x), .product(let y)):
            for (u, v) in zip(x, y) {
                let c = compare(u, v)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        default: return 0
        }
    }

    /// Order of factors in a product: by base, then exponent.
    static func factorLess(_ a: Expr, _ b: Expr) -> Bool {
        let (ba, ea) = a.baseAndExponent, (bb, eb) = b.baseAndExponent
        let c = baseCompare(ba, bb)
        if c != 0 { return c < 0 }
        return compare(ea, eb) < 0
    }

    /// Symbols before functions before sums, numbers (as bases of surds) first.
    private static func baseCompare(_ a: Expr, _ b: Expr) -> Int {
        compare(a, b)
    }

    /// Order of terms in a sum (see the type's comment).
    static func termLess(_ a: Expr, _ b: Expr) -> Bool {
        let c = monomialCompare(a, b)
        return c != 0 ? c < 0 : compare(a, b) < 0
    }

    /// The terms' order ignoring their numeric coefficients (0: the same monomial), read
    /// off the factor arrays without building the monomials.
    static func monomialCompare(_ a: Expr, _ b: Expr) -> Int {
        let na = a.monomialCount, nb = b.monomialCount
        if na == 0 || nb == 0 {
            // A constant has degree zero and sorts last among the terms of that degree.
            if na == 0 && nb == 0 { return 0 }
            if na == 0 { return b.degree < 0 ? -1 : 1 }
            return a.degree >= 0 ? -1 : 1
        }
        let da = a.degree, db = b.degree
        if da != db { return da > db ? -1 : 1 }
        for i in 0..<Swift.min(na, nb) {
            let (bu, eu) = a.monomialFactor(i).baseAndExponent, (bv, ev) = b.monomialFactor(i).baseAndExponent
            let c = compare(bu, bv)
            if c != 0 { return c }
            let ce = compare(eu, ev)
            if ce != 0 { return -ce }                  // a higher power of the same base first
        }
        return na == nb ? 0 : (na < nb ? -1 : 1)
    }

    /// The number of non-numeric factors of a term.
    private var monomialCount: Int {
        switch node {
        case .number, .float: return 0
        case .product(let fs): return Num(fs[0]) != nil ? fs.count - 1 : fs.count
        default: return 1
        }
    }

    private func monomialFactor(_ i: Int) -> Expr {
        if case .product(let fs) = node { return fs[Num(fs[0]) != nil ? i + 1 : i] }
        return self
    }

    /// The factors of a monomial (itself when it is not a product).
    var factors: [Expr] {
        if case .product(let fs) = node { return fs }
        return [self]
    }

    /// The terms of a sum (itself when it is not a sum).
    var terms: [Expr] {
        if case .sum(let ts) = node { return ts }
        return [self]
    }
}
