/// Sparse multivariate polynomials with numeric coefficients over a set of generators
/// (symbols, or atoms such as exp(x) or (x + 1)^(1/2) that expansion treats as one
/// variable). Expansion, cancellation and factoring work on this form.

/// The generators that the polynomials of one computation share; a monomial is the
/// exponent vector over them, trailing zeros trimmed so equal monomials are equal arrays.
final class PolynomialRing {
    private(set) var generators: [Expr] = []
    private var index: [Expr: Int] = [:]

    init() {}

    init(symbols: [String]) {
        for s in symbols { _ = generatorIndex(Expr.symbol(s)) }
    }

    func generatorIndex(_ g: Expr) -> Int {
        if let i = index[g] { return i }
        generators.append(g)
        index[g] = generators.count - 1
        return generators.count - 1
    }

    func existingIndex(_ g: Expr) -> Int? { index[g] }
}

typealias Monomial = [Int]

func multiply(_ a: Monomial, _ b: Monomial) -> Monomial {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var out = a.count >= b.count ? a : b
    let other = a.count >= b.count ? b : a
    for i in 0..<other.count { out[i] += other[i] }
    while let last = out.last, last == 0 { out.removeLast() }
    return out
}

struct Polynomial {
    var terms: [Monomial: Num]

    static let zero = Polynomial(terms: [:])
    static let one = Polynomial(terms: [[]: .one])

    init(terms: [Monomial: Num]) { self.terms = terms }

    init(constant c: Num) {
        terms = c.isZero ? [:] : [[]: c]
    }

    static func generator(_ i: Int, power: Int = 1) -> Polynomial {
        var m = Monomial(repeating: 0, count: i + 1)
        m[i] = power
        return Polynomial(terms: [m: .one])
    }

    var isZero: Bool { terms.isEmpty }

    static func + (a: Polynomial, b: Polynomial) -> Polynomial {
        var out = a.terms.count >= b.terms.count ? a.terms : b.terms
        let other = a.terms.count >= b.terms.count ? b.terms : a.terms
        for (m, c) in other {
            if let old = out[m] {
                let s = old + c
                if s.isZero { out[m] = nil } else { out[m] = s }
            } else {
                out[m] = c
            }
        }
        return Polynomial(terms: out)
    }

    /// self += other in place, so summing n terms costs O(n), not O(n^2) copies.
    mutating func add(_ other: Polynomial) {
        for (m, c) in other.terms {
            if let old = terms[m] {
                let s = old + c
                if s.isZero { terms[m] = nil } else { terms[m] = s }
            } else {
                terms[m] = c
            }
        }
    }

    static prefix func - (a: Polynomial) -> Polynomial {
        Polynomial(terms: a.terms.mapValues { -$0 })
    }

    static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }

    static func * (a: Polynomial, b: Polynomial) -> Polynomial {
        if a.terms.count == 1, let (m, c) = a.terms.first, m.isEmpty, c.isOne { return b }
        if b.terms.count == 1, let (m, c) = b.terms.first, m.isEmpty, c.isOne { return a }
        var out: [Monomial: Num] = [:]
        out.reserveCapacity(a.terms.count * b.terms.count)
        for (m1, c1) in a.terms {
            for (m2, c2) in b.terms {
                let m = multiply(m1, m2)
                let c = c1 * c2
                if let old = out[m] { out[m] = old + c } else { out[m] = c }
            }
        }
        return Polynomial(terms: out.filter { !$0.value.isZero })
    }

    func scaled(_ c: Num) -> Polynomial {
        c.isZero ? .zero : Polynomial(terms: terms.mapValues { $0 * c })
    }

    /// self^n by repeated squaring.
    func power(_ n: Int) -> Polynomial {
        var result = Polynomial.one, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// A single term c*m, when the polynomial has exactly one.
    var singleTerm: (Monomial, Num)? {
        guard terms.count == 1, let t = terms.first else { return nil }
        return (t.key, t.value)
    }

    /// Whether every coefficient is exact.
    var isExact: Bool {
        terms.values.allSatisfy { if case .rational = $0 { return true } else { return false } }
    }

    /// Back to an expression, in canonical form.
    func expr(_ ring: PolynomialRing) -> Expr {
        var out: [Expr] = []
        out.reserveCapacity(terms.count)
        let gens = ring.generators
        for (m, c) in terms {
            var factors: [Expr] = [c.expr]
            for (i, k) in m.enumerated() where k != 0 {
                factors.append(k == 1 ? gens[i] : gens[i].power(Expr.number(k)))
            }
            out.append(Expr.product(factors))
        }
        return Expr.sum(out)
    }
}

extension Expr {
    /// This expression as a polynomial over `ring`'s generators, expanding products and
    /// non-negative integer powers of sums; any other subexpression becomes a generator
    /// (after expanding inside it).
    func polynomial(_ ring: PolynomialRing) -> Polynomial {
        switch node {
        case .number(let r): return Polynomial(constant: .rational(r))
        case .float(let x): return Polynomial(constant: .float(x))
        case .symbol: return .generator(ring.generatorIndex(self))
        case .sum(let ts):
            var p = Polynomial.zero
            for t in ts { p.add(t.polynomial(ring)) }
            return p
        case .product(let fs):
            var p = Polynomial.one
            for f in fs { p = p * f.polynomial(ring) }
            return p
        case .power(let b, let e):
            if let n = e.rationalValue?.intValue, Swift.abs(n) <= 4096 {
                let pb = b.polynomial(ring)
                if let (m, c) = pb.singleTerm, case .rational(let r) = c, let cn = r.power(n),
                   m.allSatisfy({ Swift.abs($0) <= 1 << 20 }) {
                    // (c*m)^n term by term, so negative powers of monomials stay exact.
                    let mn = m.map { $0 * n }
                    return Polynomial(terms: [mn: .rational(cn)])
                }
                if n > 0 && expansionSize(terms: pb.terms.count, power: n) <= 200_000 { return pb.power(n) }
                let atom = pb.expr(ring).power(e)
                return .generator(ring.generatorIndex(atom))
            }
            let (coefficient, atom) = Expr.radical(b.expandedDeep(), e.expandedDeep())
            if atom.isNumber { return coefficient.polynomial(ring).scaled(Num(atom) ?? .one) }
            return coefficient.polynomial(ring) * .generator(ring.generatorIndex(atom))
        case .apply(let f, let u):
            let atom = (try? Expr.apply(f, u.expandedDeep())) ?? self
            if atom.isNumber { return Polynomial(constant: Num(atom) ?? .one) }
            return .generator(ring.generatorIndex(atom))
        }
    }

    /// The number of monomials of a t-term sum to the n-th power at most: C(n+t-1, t-1),
    /// so an expansion too large to hold is left as a power instead.
    private func expansionSize(terms t: Int, power n: Int) -> Double {
        var size = 1.0
        for i in 1..<max(t, 1) {
            size *= Double(n + i) / Double(i)
            if size > 1e12 { break }
        }
        return size
    }

    /// base^exponent for an expanded sum as base, with the sum's positive rational
    /// content c taken out: (c*P)^e = c^e * P^e, so equal radicals share one atom
    /// (sqrt(z^2 + 5/3*z + 97/36) = sqrt(36*z^2 + 60*z + 97)/6).
    static func radical(_ base: Expr, _ exponent: Expr) -> (Expr, Expr) {
        guard case .sum(let ts) = base.node, exponent.rationalValue != nil else { return (one, base.power(exponent)) }
        var g = BigInt(0), l = BigInt(1)
        for t in ts {
            guard case .rational(let r) = t.coefficientAndMonomial.0 else { return (one, base.power(exponent)) }
            g = BigInt(g.magnitude.greatestCommonDivisor(with: r.numerator.magnitude))
            l = l / BigInt(l.magnitude.greatestCommonDivisor(with: r.denominator.magnitude)) * r.denominator
        }
        let content = Rational(reducing: g, l)
        guard !content.isOne, let inverse = content.reciprocal else { return (one, base.power(exponent)) }
        let primitive = sum(ts.map { product([Expr.number(inverse), $0]) })
        return (Expr.number(content).power(exponent), primitive.power(exponent))
    }

    func expandedDeep() -> Expr {
        let ring = PolynomialRing()
        return polynomial(ring).expr(ring)
    }
}

extension Polynomial: Equatable {
    static func == (a: Polynomial, b: Polynomial) -> Bool { a.terms == b.terms }
}

/// Lexicographic order on exponent vectors (missing entries are zero).
func lexGreater(_ a: Monomial, _ b: Monomial) -> Bool {
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? a[i] : 0, y = i < b.count ? b[i] : 0
        if x != y { return x > y }
    }
    return false
}

extension Polynomial {
    /// The leading term under lexicographic order.
    var leadingTerm: (Monomial, Num)? {
        var best: (Monomial, Num)?
        for (m, c) in terms where best == nil || lexGreater(m, best?.0 ?? []) { best = (m, c) }
        return best
    }

    /// The generators that occur, by index.
    var variables: [Int] {
        var used = Set<Int>()
        for m in terms.keys { for (i, k) in m.enumerated() where k != 0 { used.insert(i) } }
        return used.sorted()
    }

    var isConstant: Bool { terms.keys.allSatisfy { $0.isEmpty } }

    var constantValue: Num { terms[[]] ?? .zero }

    /// self / divisor when the division is exact, else nil (exact rational coefficients
    /// only). Under a monomial order the leading term of a multiple of g is a multiple
    /// of g's leading term, so a leading term that g's does not divide proves inexact.
    func dividedExactly(by divisor: Polynomial) -> Polynomial? {
        guard let (lm, lc) = divisor.leadingTerm, case .rational(let lcr) = lc, !lcr.isZero else { return nil }
        var remainder = self
        var quotient = Polynomial.zero
        var steps = 0
        while let (m, c) = remainder.leadingTerm {
            steps += 1
            if steps > 100_000 { return nil }
            guard case .rational(let cr) = c else { return nil }
            var q = Monomial(repeating: 0, count: max(m.count, lm.count))
            for i in 0..<q.count {
                q[i] = (i < m.count ? m[i] : 0) - (i < lm.count ? lm[i] : 0)
                if q[i] < 0 { return nil }
            }
            while let last = q.last, last == 0 { q.removeLast() }
            let t = Polynomial(terms: [q: .rational(cr / lcr)])
            quotient = quotient + t
            remainder = remainder - t * divisor
        }
        return quotient
    }

    /// As a univariate polynomial in generator `v`, when no other generator occurs and
    /// every exponent is non-negative.
    func univariate(in v: Int) -> UnivariatePolynomial? {
        var cs: [Rational] = []
        for (m, c) in terms {
            guard case .rational(let r) = c else { return nil }
            var k = 0
            for (i, e) in m.enumerated() where e != 0 {
                guard i == v, e > 0 else { return nil }
                k = e
            }
            if cs.count <= k { cs += [Rational](repeating: .zero, count: k + 1 - cs.count) }
            cs[k] = cs[k] + r
        }
        return UnivariatePolynomial(cs)
    }

    init(_ u: UnivariatePolynomial, variable v: Int) {
        var t: [Monomial: Num] = [:]
        for (k, c) in u.coefficients.enumerated() where !c.isZero {
            var m = Monomial(repeating: 0, count: k == 0 ? 0 : v + 1)
            if k > 0 { m[v] = k }
            t[m] = .rational(c)
        }
        self.init(terms: t)
    }
}
