/// An exact rational number p/q with q > 0 and gcd(|p|, q) = 1, so equal values are
/// equal structs and hash alike.
public struct Rational: Hashable, Comparable, CustomStringConvertible, Sendable {
    public let numerator: BigInt
    public let denominator: BigInt

    public static let zero = Rational(0)
    public static let one = Rational(1)
    public static let minusOne = Rational(-1)

    public init(_ n: Int) {
        numerator = BigInt(n)
        denominator = 1
    }

    public init(_ n: BigInt) {
        numerator = n
        denominator = 1
    }

    /// p/q reduced; q == 0 throws.
    public init(_ p: BigInt, _ q: BigInt) throws {
        guard !q.isZero else { throw SymbolicError("division by zero") }
        self.init(reducing: p, q)
    }

    /// p/q reduced; q must not be zero.
    init(reducing p: BigInt, _ q: BigInt) {
        var p = p, q = q
        if q < 0 { p.negate(); q.negate() }
        if q == 1 || p.isZero {
            numerator = p
            denominator = p.isZero ? 1 : q
            return
        }
        let g = p.magnitude.greatestCommonDivisor(with: q.magnitude)
        if g == 1 {
            numerator = p
            denominator = q
        } else {
            let gi = BigInt(g)
            numerator = p / gi
            denominator = q / gi
        }
    }

    private init(unchecked p: BigInt, _ q: BigInt) {
        numerator = p
        denominator = q
    }

    public var isZero: Bool { numerator.isZero }
    public var isOne: Bool { numerator == 1 && denominator == 1 }
    public var isInteger: Bool { denominator == 1 }
    public var isNegative: Bool { numerator < 0 }
    public var sign: Int { numerator.isZero ? 0 : (numerator < 0 ? -1 : 1) }

    /// The value as an Int when it is an integer that fits.
    public var intValue: Int? {
        guard denominator == 1 else { return nil }
        return Int(exactly: numerator)
    }

    public var doubleValue: Double {
        let p = Double(numerator), q = Double(denominator)
        if p.isFinite && q.isFinite { return p / q }
        // Both huge: drop low bits of each alike so the quotient stays finite.
        let shift = max(numerator.magnitude.bitWidth, denominator.magnitude.bitWidth) - 1000
        return Double(numerator >> shift) / Double(denominator >> shift)
    }

    public var magnitude: Rational { isNegative ? -self : self }

    public static func + (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1 && b.denominator == 1 {
            return Rational(unchecked: a.numerator + b.numerator, 1)
        }
        return Rational(reducing: a.numerator * b.denominator + b.numerator * a.denominator,
                        a.denominator * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static prefix func - (a: Rational) -> Rational {
        Rational(unchecked: -a.numerator, a.denominator)
    }

    public static func * (a: Rational, b: Rational) -> Rational {
        if a.denominator == 1 && b.denominator == 1 {
            return Rational(unchecked: a.numerator * b.numerator, 1)
        }
        return Rational(reducing: a.numerator * b.numerator, a.denominator * b.denominator)
    }

    /// a / b; b must not be zero (callers check).
    static func / (a: Rational, b: Rational) -> Rational {
        Rational(reducing: a.numerator * b.denominator, a.denominator * b.numerator)
    }

    public var reciprocal: Rational? {
        isZero ? nil : Rational(reducing: denominator, numerator)
    }

    /// self^n for an integer n; nil for 0^negative.
    public func power(_ n: Int) -> Rational? {
        if n >= 0 {
            return Rational(unchecked: numerator.power(n), denominator.power(n))
        }
        guard let r = reciprocal else { return nil }
        return r.power(-n)
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * b.denominator < b.numerator * a.denominator
    }

    public var description: String {
        denominator == 1 ? numerator.description : "\(numerator)/\(denominator)"
    }

    /// The rational with the smallest denominator (at most `maxDenominator`) whose
    /// nearest double is `x`, like SymPy's `nsimplify` (0.1 -> 1/10, 0.5 -> 1/2);
    /// nil when there is none, so π stays a float.
    public static func nearest(_ x: Double, maxDenominator: Int = 1_000_000) -> Rational? {
        guard x.isFinite else { return nil }
        if x == x.rounded(), abs(x) < 1e18 { return Rational(BigInt(x)) }
        // Continued-fraction convergents of x: the first one that rounds back to x.
        var h0 = BigInt(0), h1 = BigInt(1), k0 = BigInt(1), k1 = BigInt(0)
        var value = x
        for _ in 0..<64 {
            let a = value.rounded(.down)
            guard abs(a) < 1e18 else { return nil }
            let ai = BigInt(a)
            (h0, h1) = (h1, ai * h1 + h0)
            (k0, k1) = (k1, ai * k1 + k0)
            if k1 > BigInt(maxDenominator) { return nil }
            if Double(h1) / Double(k1) == x { return Rational(reducing: h1, k1) }
            let frac = value - a
            if frac == 0 { return nil }
            value = 1 / frac
        }
        return nil
    }
}
