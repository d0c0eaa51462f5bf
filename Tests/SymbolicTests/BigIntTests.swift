import Testing
import Symbolic

/// Expected values from CPython's integers (python3, `//`, `%`, math.gcd, math.isqrt);
/// Python's floor division is mapped to truncation where the signs differ.
@Suite struct BigIntTests {
    func big(_ s: String) -> BigInt { BigInt(s) ?? 0 }

    let a = "1606938044258990275541962092341162602522202993782792835313721"      // 2^200 + 12345
    let b = "2503155504993241601315571986085848"                                 // 3^70 - 1
    let c = "-107006904423598033356356300384937784807"                           // -(7^45)

    @Test func arithmeticPastSixtyFourBits() {
        #expect(BigInt(2).power(200) + 12345 == big(a))
        #expect(big(a).description == a)
        #expect((big(a) * big(b)).description == "4022415811669964826000051984469584862371672888614697639529284824813221253584108068345918320408")
        #expect((big(a) / big(b)).description == "641964928288915446533058609")
        #expect((big(a) % big(b)).description == "1182511599879949051632295345848289")
        #expect((big(c) * big(a)).description == "-171953465716665318825470005272434260540027123414426418706762266646416063430031822131754524632436847")
        // Truncating: quotient toward zero, remainder with the dividend's sign.
        #expect((big(c) / big(b)).description == "-42748")
        #expect((big(c) % big(b)).description == "-2012896146941383318229123739954503")
        #expect((big("1000000000000000000000000000007") / big("1000000000001")).description == "999999999999000000")
        #expect((big("1000000000000000000000000000007") % big("1000000000001")).description == "1000007")
        #expect(big(a) - big(a) == 0)
        #expect(big(c) < big(b))
        #expect(big(a) > big(b))
    }

    @Test func gcdRootAndLimits() {
        let prime61 = BigInt(2).power(61) - 1
        #expect((big(a) * big(b)).greatestCommonDivisor(with: big(b) * prime61) == big(b))
        #expect(big(a).squareRoot().description == "1267650600228229401496703205376")
        #expect((BigInt(Int.max) + 1).description == "9223372036854775808")
        #expect(BigInt(Int.min).description == "-9223372036854775808")
        #expect(-BigInt(Int.min) == BigInt(Int.max) + 1)
        #expect(Int(exactly: BigInt(Int.max) + 1 - 1) == Int.max)
        #expect(Int(exactly: BigInt(Int.max) + 1) == nil)
        #expect(Double(BigInt(2).power(70)) == 1180591620717411303424.0)
        #expect(BigInt(1e20).description == "100000000000000000000")
        #expect(BigInt("12a") == nil)
    }

    /// Rationals stay exact where 64 bits would overflow: 2^70/3^40 + 1/3^40 reduced.
    @Test func rationalsPastSixtyFourBits() throws {
        let r = try Rational(BigInt(2).power(70), BigInt(3).power(40)) + (try Rational(1, BigInt(3).power(40)))
        #expect(r.description == "1180591620717411303425/12157665459056928801")
        #expect(Swift.abs((r.doubleValue) - (1180591620717411303425.0 / 12157665459056928801.0)) <= 1e-6)
    }
}
