/// A dense polynomial in one variable over Q: `coefficients[i]` multiplies x^i, with no
/// trailing zeros. The gcd, square-free and root-finding steps of `factor` and of
/// rational cancellation run on it.
struct UnivariatePolynomial: Equatable {
    private(set) var coefficients: [Rational]

    init(_ coefficients: [Rational]) {
        self.coefficients = coefficients
        trim()
    }

    private mutating func trim() {
        while let last = coefficients.last, last.isZero { coefficients.removeLast() }
    }

    static let zero = UnivariatePolynomial([])
    static let one = UnivariatePolynomial([.one])

    var isZero: Bool { coefficients.isEmpty }
    var degree: Int { coefficients.count - 1 }
    var leading: Rational { coefficients.last ?? .zero }

    static func + (a: UnivariatePolynomial, b: UnivariatePolynomial) -> UnivariatePolynomial {
        var c = [Rational](repeating: .zero, count: max(a.coefficients.count, b.coefficients.count))
        for (i, v) in a.coefficients.enumerated() { c[i] = v }
        for (i, v) in b.coefficients.enumerated() { c[i] = c[i] + v }
        return UnivariatePolynomial(c)
    }

    static prefix func - (a: UnivariatePolynomial) -> UnivariatePolynomial {
        UnivariatePolynomial(a.coefficients.map { -$0 })
    }

    static func - (a: UnivariatePolynomial, b: UnivariatePolynomial) -> UnivariatePolynomial { a + (-b) }

    static func * (a: UnivariatePolynomial, b: UnivariatePolynomial) -> UnivariatePolynomial {
        if a.isZero || b.isZero { return .zero }
        var c = [Rational](repeating: .zero, count: a.coefficients.count + b.coefficients.count - 1)
        for (i, u) in a.coefficients.enumerated() where !u.isZero {
            for (j, v) in b.coefficients.enumerated() { c[i + j] = c[i + j] + u * v }
        }
        return UnivariatePolynomial(c)
    }

    func scaled(_ r: Rational) -> UnivariatePolynomial {
        UnivariatePolynomial(coefficients.map { $0 * r })
    }

    /// Quotient and remainder; `divisor` must not be zero.
    func divided(by divisor: UnivariatePolynomial) -> (UnivariatePolynomial, UnivariatePolynomial) {
        guard !divisor.isZero else { return (.zero, self) }
        var r = coefficients
        let d = divisor.degree
        guard degree >= d else { return (.zero, self) }
        var q = [Rational](repeating: .zero, count: degree - d + 1)
        let lead = divisor.leading
        for k in stride(from: degree - d, through: 0, by: -1) {
            let c = r[k + d] / lead
            q[k] = c
            if c.isZero { continue }
            for (j, v) in divisor.coefficients.enumerated() { r[k + j] = r[k + j] - c * v }
        }
        return (UnivariatePolynomial(q), UnivariatePolynomial(Array(r[0..<d])))
    }

    var monic: UnivariatePolynomial {
        guard let inv = leading.reciprocal else { return self }
        return scaled(inv)
    }

    /// The monic greatest common divisor (Euclid over Q).
    static func gcd(_ a: UnivariatePolynomial, _ b: UnivariatePolynomial) -> UnivariatePolynomial {
        var (u, v) = (a, b)
        while !v.isZero {
            (u, v) = (v, u.divided(by: v).1.monic)
        }
        return u.monic
    }

    var derivative: UnivariatePolynomial {
        guard coefficients.count > 1 else { return .zero }
        return UnivariatePolynomial((1..<coefficients.count).map { coefficients[$0] * Rational($0) })
    }

    func value(at x: Rational) -> Rational {
        var acc = Rational.zero
        for c in coefficients.reversed() { acc = acc * x + c }
        return acc
    }

    /// The rational content c and the primitive integer polynomial p with a positive
    /// leading coefficient such that self = c * p.
    var contentAndPrimitive: (Rational, [BigInt]) {
        guard !isZero else { return (.zero, []) }
        var lcm = BigInt(1)
        for c in coefficients {
            let g = lcm.magnitude.greatestCommonDivisor(with: c.denominator.magnitude)
            lcm = lcm / BigInt(g) * c.denominator
        }
        var ints = coefficients.map { $0.numerator * (lcm / $0.denominator) }
        var g = BigInt(0)
        for v in ints { g = BigInt(g.magnitude.greatestCommonDivisor(with: v.magnitude)) }
        if leading.isNegative { g = -g }
        ints = ints.map { $0 / g }
        return (Rational(reducing: g, lcm), ints)
    }

    init(integers: [BigInt]) {
        self.init(integers.map { Rational($0) })
    }

    /// Yun's square-free decomposition of a monic polynomial: factors f_i with
    /// self = prod f_i^i, each square-free and pairwise coprime.
    func squareFreeDecomposition() -> [(UnivariatePolynomial, Int)] {
        var out: [(UnivariatePolynomial, Int)] = []
        let f = monic
        let a = UnivariatePolynomial.gcd(f, f.derivative)
        var b = f.divided(by: a).0
        var c = f.derivative.divided(by: a).0
        var d = c - b.derivative
        var i = 1
        while b.degree > 0 {
            let g = UnivariatePolynomial.gcd(b, d)
            if g.degree > 0 { out.append((g, i)) }
            b = b.divided(by: g).0
            c = d.divided(by: g).0
            d = c - b.derivative
            i += 1
            if i > 10_000 { break }
        }
        return out
    }

    func expr(in x: Expr) -> Expr {
        var terms: [Expr] = []
        for (i, c) in coefficients.enumerated() where !c.isZero {
            terms.append(Expr.product([Expr.number(c), x.power(Expr.number(i))]))
        }
        return Expr.sum(terms)
    }
}
