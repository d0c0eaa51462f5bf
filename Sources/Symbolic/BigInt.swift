/// An arbitrary-precision signed integer, just what exact rationals need: the value is
/// an `Int` while it fits (no allocation) and sign and magnitude in 32-bit limbs past
/// that. Kept here rather than taken from a package because the packaged BigInt
/// imports all of Foundation, which would load Foundation and ICU at every start-up.
public struct BigInt: Hashable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral, Sendable {
    /// The value, when `limbs` is nil.
    fileprivate var small: Int
    /// The magnitude, little-endian, no leading zero limbs; only for values outside Int.
    fileprivate var limbs: [UInt32]?
    fileprivate var negative: Bool

    public init(_ n: Int) {
        small = n
        limbs = nil
        negative = false
    }

    public init(integerLiteral n: Int) { self.init(n) }

    public init(_ b: BigInt) { self = b }

    /// The integer part of a finite double (toward zero).
    public init(_ d: Double) {
        let t = d.rounded(.towardZero)
        if Swift.abs(t) < 9.0e18 { self.init(Int(t)); return }
        guard t.isFinite else { self.init(0); return }
        let significand = BigInt(Int(t.significandBitPattern | (1 << 52)))
        let shifted = significand * BigInt(2).power(Int(t.exponent) - 52)
        self = t < 0 ? -shifted : shifted
    }

    /// Decimal digits with an optional sign; nil for anything else.
    public init?<S: StringProtocol>(_ text: S) {
        var digits = Substring(text)
        var minus = false
        if let f = digits.first, f == "-" || f == "+" {
            minus = f == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value = BigInt(0)
        var chunk = digits[...]
        let first = digits.count % 9 == 0 ? 9 : digits.count % 9
        var take = first
        while !chunk.isEmpty {
            let piece = chunk.prefix(take)
            chunk = chunk.dropFirst(take)
            guard let n = Int(piece) else { return nil }
            value = value * BigInt(take == 9 ? 1_000_000_000 : Int(pow10(take))) + BigInt(n)
            take = 9
        }
        self = minus ? -value : value
    }

    private init(negative: Bool, magnitude m: [UInt32]) {
        var m = m
        while let last = m.last, last == 0 { m.removeLast() }
        // Back to the Int form where the value fits.
        if m.count <= 2 {
            let u = UInt64(m.count > 0 ? m[0] : 0) | (UInt64(m.count > 1 ? m[1] : 0) << 32)
            if u <= UInt64(Int.max) {
                small = negative ? -Int(u) : Int(u)
                limbs = nil
                self.negative = false
                return
            }
            if negative && u == UInt64(Int.max) + 1 {
                small = Int.min
                limbs = nil
                self.negative = false
                return
            }
        }
        small = 0
        limbs = m
        self.negative = negative
    }

    private var isNegative: Bool { limbs == nil ? small < 0 : negative }

    /// The magnitude as limbs.
    private var magnitudeLimbs: [UInt32] {
        if let limbs { return limbs }
        let u = small.magnitude
        if u == 0 { return [] }
        let lo = UInt32(truncatingIfNeeded: u), hi = UInt32(truncatingIfNeeded: u >> 32)
        return hi == 0 ? [lo] : [lo, hi]
    }

    public var isZero: Bool { limbs == nil && small == 0 }

    /// |self|.
    public var magnitude: BigInt { isNegative ? -self : self }

    /// The number of significant bits of |self|.
    public var bitWidth: Int {
        if limbs == nil { return UInt.bitWidth - small.magnitude.leadingZeroBitCount }
        let m = magnitudeLimbs
        return m.count * 32 - (m.last?.leadingZeroBitCount ?? 32)
    }

    public func isMultiple(of other: BigInt) -> Bool {
        other.isZero ? isZero : (self % other).isZero
    }

    public mutating func negate() { self = -self }

    public var description: String {
        if limbs == nil { return small.description }
        var m = magnitudeLimbs
        var chunks: [UInt32] = []
        while !m.isEmpty {
            let (q, r) = BigInt.divide(m, by: 1_000_000_000)
            chunks.append(r)
            m = q
        }
        var text = isNegative ? "-" : ""
        text += String(chunks.last ?? 0)
        for c in chunks.dropLast().reversed() {
            let s = String(c)
            text += String(repeating: "0", count: 9 - s.count) + s
        }
        return text
    }

    // MARK: Arithmetic

    public static prefix func - (a: BigInt) -> BigInt {
        if a.limbs == nil && a.small != Int.min { return BigInt(-a.small) }
        return BigInt(negative: !a.isNegative, magnitude: a.magnitudeLimbs)
    }

    public static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.limbs == nil && b.limbs == nil {
            let (s, o) = a.small.addingReportingOverflow(b.small)
            if !o { return BigInt(s) }
        }
        let (na, nb) = (a.isNegative, b.isNegative)
        let (ma, mb) = (a.magnitudeLimbs, b.magnitudeLimbs)
        if na == nb { return BigInt(negative: na, magnitude: add(ma, mb)) }
        if compare(ma, mb) >= 0 { return BigInt(negative: na, magnitude: subtract(ma, mb)) }
        return BigInt(negative: nb, magnitude: subtract(mb, ma))
    }

    public static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    public static func * (a: BigInt, b: BigInt) -> BigInt {
        if a.limbs == nil && b.limbs == nil {
            let (p, o) = a.small.multipliedReportingOverflow(by: b.small)
            if !o { return BigInt(p) }
        }
        return BigInt(negative: a.isNegative != b.isNegative, magnitude: multiply(a.magnitudeLimbs, b.magnitudeLimbs))
    }

    /// Truncating division (toward zero), like Int's; division by zero gives zero
    /// (callers check, as Rational does).
    public static func / (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).quotient }

    /// The remainder with the sign of the dividend, like Int's.
    public static func % (a: BigInt, b: BigInt) -> BigInt { a.quotientAndRemainder(dividingBy: b).remainder }

    public func quotientAndRemainder(dividingBy b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        if b.isZero { return (0, self) }
        if limbs == nil && b.limbs == nil && !(small == Int.min && b.small == -1) {
            return (BigInt(small / b.small), BigInt(small % b.small))
        }
        let (q, r) = BigInt.divide(magnitudeLimbs, magnitudeLimbs: b.magnitudeLimbs)
        return (BigInt(negative: isNegative != b.isNegative, magnitude: q), BigInt(negative: isNegative, magnitude: r))
    }

    public static func += (a: inout BigInt, b: BigInt) { a = a + b }
    public static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    public static func *= (a: inout BigInt, b: BigInt) { a = a * b }
    public static func /= (a: inout BigInt, b: BigInt) { a = a / b }

    /// self^n for n >= 0 (1 for a negative n).
    public func power(_ n: Int) -> BigInt {
        var result = BigInt(1), base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result * base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result
    }

    /// self / 2^k, toward zero.
    public static func >> (a: BigInt, k: Int) -> BigInt {
        k <= 0 ? a : a / BigInt(2).power(k)
    }

    /// The floor of the square root of a non-negative value (0 for a negative one).
    public func squareRoot() -> BigInt {
        if isNegative || isZero { return 0 }
        if limbs == nil {
            var r = BigInt(Int(Double(small).squareRoot()))
            while r * r > self { r -= 1 }
            while (r + 1) * (r + 1) <= self { r += 1 }
            return r
        }
        // Newton from above.
        var x = BigInt(1) * BigInt(2).power(bitWidth / 2 + 1)
        while true {
            let y = (x + self / x) / 2
            if y >= x { return x }
            x = y
        }
    }

    /// gcd(|self|, |b|), non-negative.
    public func greatestCommonDivisor(with b: BigInt) -> BigInt {
        var (u, v) = (magnitude, b.magnitude)
        while !v.isZero {
            if u.limbs == nil && v.limbs == nil {
                var (x, y) = (u.small, v.small)
                while y != 0 { (x, y) = (y, x % y) }
                return BigInt(x)
            }
            (u, v) = (v, u % v)
        }
        return u
    }

    public static func < (a: BigInt, b: BigInt) -> Bool {
        if a.limbs == nil && b.limbs == nil { return a.small < b.small }
        let (na, nb) = (a.isNegative, b.isNegative)
        if na != nb { return na }
        let c = compare(a.magnitudeLimbs, b.magnitudeLimbs)
        return na ? c > 0 : c < 0
    }

    // MARK: Magnitudes

    private static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] {
            return a[i] < b[i] ? -1 : 1
        }
        return 0
    }

    private static func add(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = [UInt32](repeating: 0, count: max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for i in 0..<out.count - 1 {
            let s = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + carry
            out[i] = UInt32(truncatingIfNeeded: s)
            carry = s >> 32
        }
        out[out.count - 1] = UInt32(carry)
        return out
    }

    /// a - b for a >= b.
    private static func subtract(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var out = a
        var borrow: Int64 = 0
        for i in 0..<a.count {
            var d = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borrow
            borrow = 0
            if d < 0 { d += 1 << 32; borrow = 1 }
            out[i] = UInt32(d)
        }
        return out
    }

    private static func multiply(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        var out = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in 0..<b.count {
                let t = ai * UInt64(b[j]) + UInt64(out[i + j]) + carry
                out[i + j] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
            out[i + b.count] = UInt32(carry)
        }
        return out
    }

    /// Division by one limb.
    private static func divide(_ a: [UInt32], by d: UInt32) -> ([UInt32], UInt32) {
        var q = [UInt32](repeating: 0, count: a.count)
        var r: UInt64 = 0
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            let cur = (r << 32) | UInt64(a[i])
            q[i] = UInt32(cur / UInt64(d))
            r = cur % UInt64(d)
        }
        while let last = q.last, last == 0 { q.removeLast() }
        return (q, UInt32(r))
    }

    /// Long division of magnitudes, bit by bit past one limb (operands here are a few
    /// hundred bits at most, so the simple method is fast enough).
    private static func divide(_ a: [UInt32], magnitudeLimbs b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compare(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let (q, r) = divide(a, by: b[0])
            return (q, r == 0 ? [] : [r])
        }
        var q = [UInt32](repeating: 0, count: a.count)
        var r: [UInt32] = []
        for bit in stride(from: a.count * 32 - 1, through: 0, by: -1) {
            // r = r * 2 + bit
            var carry: UInt32 = (a[bit / 32] >> UInt32(bit % 32)) & 1
            for i in 0..<r.count {
                let next = r[i] >> 31
                r[i] = (r[i] << 1) | carry
                carry = next
            }
            if carry != 0 { r.append(carry) }
            if compare(r, b) >= 0 {
                r = subtract(r, b)
                while let last = r.last, last == 0 { r.removeLast() }
                q[bit / 32] |= 1 << UInt32(bit % 32)
            }
        }
        while let last = q.last, last == 0 { q.removeLast() }
        return (q, r)
    }
}

private func pow10(_ k: Int) -> Int {
    var p = 1
    for _ in 0..<k { p *= 10 }
    return p
}

extension Double {
    /// The nearest double to a big integer (infinity past the double range).
    public init(_ b: BigInt) {
        if let n = Int(exactly: b) { self = Double(n); return }
        let digits = b.magnitude.description
        self = (Double(digits) ?? .infinity) * (b < 0 ? -1 : 1)
    }
}

extension Int {
    /// The value when it fits in an Int.
    public init?(exactly b: BigInt) {
        // A value that fits is always held as an Int.
        guard b.limbs == nil else { return nil }
        self = b.small
    }
}
