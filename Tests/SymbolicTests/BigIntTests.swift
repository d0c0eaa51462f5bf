import XCTest
import Symbolic

/// Expected values from CPython's integers (python3, `//`, `%`, math.gcd, math.isqrt);
/// Python's floor division is mapped to truncation where the signs differ.
final class BigIntTests: XCTestCase {
    func big(_ s: String) -> BigInt { BigInt(s) ?? 0 }

    let a = "1606938044258990275541962092341162602522202993782792835313721"      // 2^200 + 12345
    let b = "2503155504993241601315571986085848"                                 // 3^70 - 1
    let c = "-107006904423598033356356300384937784807"                           // -(7^45)

    func testArithmeticPastSixtyFourBits() {
        XCTAssertEqual(BigInt(2).power(200) + 12345, big(a))
        XCTAssertEqual(big(a).description, a)
        XCTAssertEqual((big(a) * big(b)).description,
                       "4022415811669964826000051984469584862371672888614697639529284824813221253584108068345918320408")
        XCTAssertEqual((big(a) / big(b)).description, "641964928288915446533058609")
        XCTAssertEqual((big(a) % big(b)).description, "1182511599879949051632295345848289")
        XCTAssertEqual((big(c) * big(a)).description,
                       "-171953465716665318825470005272434260540027123414426418706762266646416063430031822131754524632436847")
        // Truncating: quotient toward zero, remainder with the dividend's sign.
        XCTAssertEqual((big(c) / big(b)).description, "-42748")
        XCTAssertEqual((big(c) % big(b)).description, "-2012896146941383318229123739954503")
        XCTAssertEqual((big("1000000000000000000000000000007") / big("1000000000001")).description, "999999999999000000")
        XCTAssertEqual((big("1000000000000000000000000000007") % big("1000000000001")).description, "1000007")
        XCTAssertEqual(big(a) - big(a), 0)
        XCTAssertTrue(big(c) < big(b))
        XCTAssertTrue(big(a) > big(b))
    }

    func testGcdRootAndLimits() {
        let prime61 = BigInt(2).power(61) - 1
        XCTAssertEqual((big(a) * big(b)).greatestCommonDivisor(with: big(b) * prime61), big(b))
        XCTAssertEqual(big(a).squareRoot().description, "1267650600228229401496703205376")
        XCTAssertEqual((BigInt(Int.max) + 1).description, "9223372036854775808")
        XCTAssertEqual(BigInt(Int.min).description, "-9223372036854775808")
        XCTAssertEqual(-BigInt(Int.min), BigInt(Int.max) + 1)
        XCTAssertEqual(Int(exactly: BigInt(Int.max) + 1 - 1), Int.max)
        XCTAssertNil(Int(exactly: BigInt(Int.max) + 1))
        XCTAssertEqual(Double(BigInt(2).power(70)), 1180591620717411303424.0)
        XCTAssertEqual(BigInt(1e20).description, "100000000000000000000")
        XCTAssertNil(BigInt("12a"))
    }

    /// Rationals stay exact where 64 bits would overflow: 2^70/3^40 + 1/3^40 reduced.
    func testRationalsPastSixtyFourBits() throws {
        let r = try Rational(BigInt(2).power(70), BigInt(3).power(40)) + (try Rational(1, BigInt(3).power(40)))
        XCTAssertEqual(r.description, "1180591620717411303425/12157665459056928801")
        XCTAssertEqual(r.doubleValue, 1180591620717411303425.0 / 12157665459056928801.0, accuracy: 1e-6)
    }
}
