/// The canonicalising constructors: every sum, product, power and function application
/// is built here, so the invariants in `Expr.Node`'s comments hold for every value.
extension Expr {
    // MARK: Operators

    public static func + (a: Expr, b: Expr) -> Expr { sum([a, b]) }
    public static func - (a: Expr, b: Expr) -> Expr { sum([a, product([minusOne, b])]) }
    public static prefix func - (a: Expr) -> Expr { product([minusOne, a]) }
    public static func * (a: Expr, b: Expr) -> Expr { product([a, b]) }

    /// a / b; a division by an exact zero gives a float NaN here; `divide` throws instead.
    public static func / (a: Expr, b: Expr) -> Expr { product([a, b.power(minusOne)]) }

    /// Division by an exact zero throws.
    public static func divide(_ a: Expr, _ b: Expr) throws -> Expr {
        if b.isZero { throw SymbolicError("division by zero") }
        return product([a, try pow(b, minusOne)])
    }

    /// self^e; 0 to a negative power gives a float NaN here; `pow` throws instead.
    public func power(_ e: Expr) -> Expr {
        Expr.powerCore(self, e) ?? Expr(node: .float(.nan))
    }

    /// base^exponent; 0 to a negative power throws.
    public static func pow(_ base: Expr, _ exponent: Expr) throws -> Expr {
        guard let p = powerCore(base, exponent) else {
            throw SymbolicError("division by zero")
        }
        return p
    }

    // MARK: Sum

    /// The canonical sum of `items`: flattened, like terms collected, sorted.
    static func sum(_ items: [Expr]) -> Expr {
        if items.count == 2 { return merged(items[0], items[1]) }
        var constant = Num.zero
        var coefficients: [Expr: Num] = [:]
        var order: [Expr] = []
        coefficients.reserveCapacity(items.count)
        func add(_ t: Expr) {
            if case .sum(let ts) = t.node {
                for u in ts { add(u) }
                return
            }
            let (c, m) = t.coefficientAndMonomial
            guard let m else { constant = constant + c; return }
            if let old = coefficients[m] {
                coefficients[m] = old + c
            } else {
                coefficients[m] = c
                order.append(m)
            }
        }
        for t in items { add(t) }
        var terms: [Expr] = []
        terms.reserveCapacity(order.count + 1)
        for m in order {
            let c = coefficients[m] ?? .zero
            if c.isZero { continue }
            terms.append(term(c, m))
        }
        if !constant.isZero { terms.append(constant.expr) }
        if terms.isEmpty { return zero }
        if terms.count == 1 { return terms[0] }
        terms.sort(by: termLess)
        return Expr(node: .sum(terms))
    }

    /// a + b by merging their sorted terms, so a sum built one term at a time costs
    /// linear work per term, with no re-sorting.
    static func merged(_ a: Expr, _ b: Expr) -> Expr {
        if a.isZero { return b }
        if b.isZero { return a }
        let x = a.terms, y = b.terms
        var out: [Expr] = []
        out.reserveCapacity(x.count + y.count)
        var i = 0, j = 0
        while i < x.count && j < y.count {
            let c = monomialCompare(x[i], y[j])
            if c < 0 {
                out.append(x[i]); i += 1
            } else if c > 0 {
                out.append(y[j]); j += 1
            } else {
                let (ca, m) = x[i].coefficientAndMonomial
                let s = ca + y[j].coefficientAndMonomial.0
                if !s.isZero { out.append(m.map { term(s, $0) } ?? s.expr) }
                i += 1; j += 1
            }
        }
        out.append(contentsOf: x[i...])
        out.append(contentsOf: y[j...])
        if out.isEmpty { return zero }
        if out.count == 1 { return out[0] }
        return Expr(node: .sum(out))
    }

    /// c * m for a monomial m that holds no coefficient.
    static func term(_ c: Num, _ m: Expr) -> Expr {
        if c.isOne { return m }
        if case .product(let fs) = m.node { return Expr(node: .product([c.expr] + fs)) }
        if case .sum = m.node { return product([c.expr, m]) }
        return Expr(node: .product([c.expr, m]))
    }

    /// A sum whose terms are already canonical, distinct and sorted.
    static func sortedSum(_ terms: [Expr]) -> Expr {
        if terms.isEmpty { return zero }
        if terms.count == 1 { return terms[0] }
        return Expr(node: .sum(terms))
    }

    // MARK: Product

    /// The canonical product of `items`: flattened, numbers folded, like bases
    /// collected (x*x^2 = x^3, exp(a)*exp(b) = exp(a+b)), sorted; a number times a sum
    /// is distributed, as SymPy does (2*(x+1) = 2*x + 2).
    static func product(_ items: [Expr]) -> Expr {
        var coefficient = Num.one
        var exponents: [Expr: [Expr]] = [:]
        var order: [Expr] = []
        var expArguments: [Expr] = []
        func record(_ b: Expr, _ e: Expr) {
            if exponents[b] != nil {
                exponents[b]?.append(e)
            } else {
                exponents[b] = [e]
                order.append(b)
            }
        }
        func add(_ f: Expr) {
            switch f.node {
            case .number, .float: coefficient = coefficient * (Num(f) ?? .one)
            case .product(let fs): for g in fs { add(g) }
            case .power(let b, let e): record(b, e)
            case .apply(.exp, let a): expArguments.append(a)
            default: record(f, one)
            }
        }
        for f in items { add(f) }
        if coefficient.isZero { return coefficient.expr }
        var factors: [Expr] = []
        func place(_ p: Expr) {
            switch p.node {
            case .number, .float: coefficient = coefficient * (Num(p) ?? .one)
            case .product(let fs):
                for g in fs {
                    if let n = Num(g) { coefficient = coefficient * n } else { factors.append(g) }
                }
            default: factors.append(p)
            }
        }
        // Surds under one exponent multiply under it: sqrt(2)*sqrt(3) = sqrt(6).
        var surds: [Rational: Rational] = [:]
        var surdOrder: [Rational] = []
        for b in order {
            let es = exponents[b] ?? [one]
            let e = es.count == 1 ? es[0] : sum(es)
            if let r = b.rationalValue, !r.isNegative, let n = e.rationalValue, !n.isInteger {
                if let old = surds[n] { surds[n] = old * r } else { surds[n] = r; surdOrder.append(n) }
                continue
            }
            place(powerCore(b, e) ?? Expr(node: .float(.nan)))
        }
        for n in surdOrder {
            let r = surds[n] ?? .one
            place(powerCore(Expr(node: .number(r)), Expr(node: .number(n))) ?? Expr(node: .float(.nan)))
        }
        if !expArguments.isEmpty {
            let a = expArguments.count == 1 ? expArguments[0] : sum(expArguments)
            place(exponential(a))
        }
        if coefficient.isZero { return coefficient.expr }
        if factors.isEmpty { return coefficient.expr }
        if factors.count == 1 {
            if coefficient.isOne { return factors[0] }
            if case .sum(let ts) = factors[0].node {
                let c = coefficient.expr
                return sum(ts.map { product([c, $0]) })
            }
        }
        factors.sort(by: factorLess)
        if !coefficient.isOne { factors.insert(coefficient.expr, at: 0) }
        return Expr(node: .product(factors))
    }

    // MARK: Power

    /// The canonical base^exponent, or nil for zero to a negative power.
    static func powerCore(_ b: Expr, _ e: Expr) -> Expr? {
        if e.isZero { return one }
        if e.isOne { return b }
        if b.isOne { return one }
        switch (b.node, e.node) {
        case (.number(let r), .number(let n)):
            return rationalPower(r, n)
        case (.float, .number), (.number, .float), (.float, .float):
            let x = (Num(b) ?? .one).doubleValue, y = (Num(e) ?? .one).doubleValue
            if x == 0 && y < 0 { return nil }
            let v = cPow(x, y)
            if v.isNaN { return Expr(node: .power(b, e)) }
            return Expr(node: .float(v))
        case (.number(let r), _) where r.isZero:
            return Expr(node: .power(b, e))
        case (.power(let bb, let be), .number(let n)):
            // (x^a)^n = x^(a*n) for an integer n, or when -1 < a <= 1 (no branch is crossed).
            if n.isInteger || (be.rationalValue.map { $0 > Rational.minusOne && $0 <= Rational.one } ?? false) {
                return powerCore(bb, product([be, e]))
            }
            return Expr(node: .power(b, e))
        case (.product(let fs), .number(let n)) where n.isInteger:
            var ps: [Expr] = []
            for f in fs {
                guard let p = powerCore(f, e) else { return nil }
                ps.append(p)
            }
            return product(ps)
        case (.apply(.exp, let a), .number), (.apply(.exp, let a), .float):
            return exponential(product([e, a]))
        default:
            return Expr(node: .power(b, e))
        }
    }

    /// r^n exactly where that is rational; otherwise a normal form shared by all equal
    /// values, as SymPy's: the integer part of n split off, the denominator made
    /// rational and q-th powers taken out of the radicand, so (19/9)^(1/2) = sqrt(19)/3,
    /// 12^(1/2) = 2*sqrt(3), 2^(3/2) = 2*sqrt(2), 3^(-1/2) = sqrt(3)/3.
    private static func rationalPower(_ r: Rational, _ n: Rational) -> Expr? {
        let node = Expr(node: .power(Expr(node: .number(r)), Expr(node: .number(n))))
        if r.isZero { return n.isNegative ? nil : zero }
        if let k = n.intValue {
            guard abs(k) <= 4096 else { return node }
            return r.power(k).map { Expr(node: .number($0)) }
        }
        guard !r.isNegative, let q = Int(exactly: n.denominator), q <= 64,
              let p = Int(exactly: n.numerator), abs(p) <= 4096 else { return node }
        // r^(p/q) = r^k * r^(s/q) with 0 < s < q; (a/b)^(s/q) = (a^s b^(q-s))^(1/q) / b.
        let k = Int((Double(p) / Double(q)).rounded(.down))
        let s = p - k * q
        let a = r.numerator, b = r.denominator
        guard a.magnitude.bitWidth * s + b.magnitude.bitWidth * (q - s) <= 1024,
              let whole = r.power(k) else { return node }
        let radicand = a.power(s) * b.power(q - s)
        let (outside, inside) = takeOutPowers(radicand, q)
        let coefficient = whole * Rational(reducing: outside, b)
        if inside == 1 { return Expr(node: .number(coefficient)) }
        let surd = Expr(node: .power(Expr(node: .number(Rational(inside))),
                                     Expr(node: .number(Rational(reducing: 1, BigInt(q))))))
        if coefficient.isOne { return surd }
        return Expr(node: .product([Expr(node: .number(coefficient)), surd]))
    }

    /// n = outside^q * inside with the q-th powers of small primes (and a q-th-power
    /// cofactor) moved outside.
    private static func takeOutPowers(_ n: BigInt, _ q: Int) -> (BigInt, BigInt) {
        var rest = n, outside = BigInt(1), inside = BigInt(1)
        var prime = BigInt(2)
        while prime <= 1000 && prime * prime <= rest {
            var e = 0
            while (rest % prime).isZero { rest /= prime; e += 1 }
            if e > 0 {
                outside *= prime.power(e / q)
                inside *= prime.power(e % q)
            }
            prime += prime == 2 ? 1 : 2
        }
        if rest > 1 {
            if let root = integerRoot(rest, q) { outside *= root } else { inside *= rest }
        }
        return (outside, inside)
    }

    // MARK: Functions

    /// f(x) in canonical form; log(0) and the log of a negative number throw.
    public static func apply(_ f: SymbolicFunction, _ x: Expr) throws -> Expr {
        switch f {
        case .sqrt:
            return try pow(x, half)
        case .exp:
            return exponential(x)
        case .log:
            return try logarithm(x)
        case .sin:
            if x.isZero { return zero }
            if case .float(let v) = x.node { return Expr(node: .float(cSin(v))) }
            if let m = x.negatedIfNegative { return -Expr(node: .apply(.sin, m)) }
        case .cos:
            if x.isZero { return one }
            if case .float(let v) = x.node { return Expr(node: .float(cCos(v))) }
            if let m = x.negatedIfNegative { return Expr(node: .apply(.cos, m)) }
        case .tanh:
            if x.isZero { return zero }
            if case .float(let v) = x.node { return Expr(node: .float(cTanh(v))) }
            if let m = x.negatedIfNegative { return -Expr(node: .apply(.tanh, m)) }
        case .sigmoid:
            if x.isZero { return half }
            if case .float(let v) = x.node { return Expr(node: .float(1 / (1 + cExp(-v)))) }
        case .abs:
            switch x.node {
            case .number(let r): return Expr(node: .number(r.magnitude))
            case .float(let v): return Expr(node: .float(Swift.abs(v)))
            case .apply(.abs, _), .apply(.exp, _): return x
            case .product(let fs):
                if let c = Num(fs[0]) {
                    let rest = fs.count == 2 ? fs[1] : Expr(node: .product(Array(fs[1...])))
                    let magnitude = c.isNegative ? -c : c
                    return product([magnitude.expr, try apply(.abs, rest)])
                }
            case .power(_, let e):
                if let n = e.rationalValue, n.isInteger, n.numerator.isMultiple(of: 2) { return x }
            default: break
            }
        }
        return Expr(node: .apply(f, x))
    }

    /// exp(x): exp(0) = 1, exp(log y) = y, exp(c*log y) = y^c.
    static func exponential(_ x: Expr) -> Expr {
        if x.isZero { return one }
        switch x.node {
        case .float(let v): return Expr(node: .float(cExp(v)))
        case .apply(.log, let y): return y
        case .product(let fs) where fs.count == 2:
            if case .apply(.log, let y) = fs[1].node, Num(fs[0]) != nil {
                return y.power(fs[0])
            }
        default: break
        }
        return Expr(node: .apply(.exp, x))
    }

    static func logarithm(_ x: Expr) throws -> Expr {
        switch x.node {
        case .number(let r):
            if r.isZero { throw SymbolicError("log(0) is undefined") }
            if r.isNegative { throw SymbolicError("log(\(r)) is undefined: the argument is negative") }
            if r.isOne { return zero }
        case .float(let v):
            if v <= 0 { throw SymbolicError("log(\(v)) is undefined: the argument is not positive") }
            return Expr(node: .float(cLog(v)))
        default: break
        }
        return Expr(node: .apply(.log, x))
    }

    /// -self when self is a negative number or has a negative coefficient, else nil.
    var negatedIfNegative: Expr? {
        let (c, _) = coefficientAndMonomial
        return c.isNegative ? -self : nil
    }
}


/// The exact q-th root of a non-negative integer, or nil when it is not a q-th power.
func integerRoot(_ n: BigInt, _ q: Int) -> BigInt? {
    if n.isZero || n == 1 { return n }
    if q == 2 {
        let s = n.squareRoot()
        return s * s == n ? s : nil
    }
    let estimate = cPow(Double(n), 1 / Double(q)).rounded()
    guard estimate.isFinite, estimate < 9e15 else { return nil }
    for c in [estimate - 1, estimate, estimate + 1] where c >= 0 {
        let b = BigInt(c)
        if b.power(q) == n { return b }
    }
    return nil
}
