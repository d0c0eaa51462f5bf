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
        let (_, ma) = a.coefficientAndMonomial, (_, mb) = b.coefficientAndMonomial
        // A constant has degree zero and sorts last among the terms of that degree.
        guard let x = ma else { return mb.map { $0.degree < 0 } ?? false }
        guard let y = mb else { return x.degree >= 0 }
        let da = x.degree, db = y.degree
        if da != db { return da > db }
        let fa = x.factors, fb = y.factors
        for (u, v) in zip(fa, fb) {
            let (bu, eu) = u.baseAndExponent, (bv, ev) = v.baseAndExponent
            let c = baseCompare(bu, bv)
            if c != 0 { return c < 0 }
            let ce = compare(eu, ev)
            if ce != 0 { return ce > 0 }                // higher power of the same base first
        }
        if fa.count != fb.count { return fa.count < fb.count }
        // Same monomial shape: order by coefficient so the sort is total.
        return compare(a, b) < 0
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
