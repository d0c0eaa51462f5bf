import Glibc
import Testing
import Tensor

/// The vectorised kernels (libmvec on AVX2 machines) against scalar glibc libm,
/// which is accurate to under one ulp; libmvec promises 4 ulp, so 1e-15 relative.
@Suite struct VectorMathTests {
    // 1003 points (not a multiple of 4, so the tail path runs) over a wide range,
    // plus the special values.
    static let inputs: [Double] = (0..<1003).map { -40 + 80 * Double($0) / 1002 } +
        [0, -0.0, 1e-300, -1e-300, 700, 709.7, 710, -745, -800, .infinity, -.infinity, .nan]

    static let cases: [(UnaryOperation, (Double) -> Double)] = [
        (.exp, { Glibc.exp($0) }),
        (.tanh, { Glibc.tanh($0) }),
        (.log, { Glibc.log($0) }),
        (.sin, { Glibc.sin($0) }),
        (.cos, { Glibc.cos($0) }),
        (.sigmoid, { $0 >= 0 ? 1 / (1 + Glibc.exp(-$0)) : Glibc.exp($0) / (1 + Glibc.exp($0)) }),
        (.softplus, { Swift.max($0, 0) + Glibc.log1p(Glibc.exp(-Swift.abs($0))) }),
        // Eight lanes at a time on AVX-512 machines (CVectorMathWide).
        (.arctan, { Glibc.atan($0) }),
        (.log1p, { Glibc.log1p($0) }),
    ]

    @Test(arguments: 0..<cases.count)
    func matchesScalarLibm(_ k: Int) {
        let (op, reference) = Self.cases[k]
        let x = op == .log ? Self.inputs.map { Swift.abs($0) } + [-1] : Self.inputs
        let actual = Tensor(x).unary(op).scalars
        for (xi, yi) in zip(x, actual) {
            let expected = reference(xi)
            if expected.isNaN { #expect(yi.isNaN, "\(op)(\(xi))"); continue }
            if expected.isInfinite || expected == 0 { #expect(yi == expected, "\(op)(\(xi))"); continue }
            #expect(Swift.abs(yi - expected) <= 1e-15 * Swift.abs(expected) + Double.leastNormalMagnitude,
                    "\(op)(\(xi)) = \(yi), libm \(expected)")
        }
    }

    @Test func log1pOutsideItsDomainLaneByLane() {
        // Lanes at or below -1 (and nan, ±inf) are redone apart from their vector's
        // other lanes; every mix of good and bad lanes in a group of four, and a tail,
        // must give libm's value in each place (nan below -1, -inf at -1).
        let specials: [Double] = [-1, -2, -.infinity, .nan, .infinity, -0.0, -0.999999, 1e-300]
        var x: [Double] = []
        for mask in 0..<16 {
            for lane in 0..<4 { x.append(mask >> lane & 1 == 1 ? specials[(mask + lane) % specials.count] : 0.25 * Double(lane + mask) - 0.9) }
        }
        x += [-3, 2, -1]
        let actual = Tensor(x).unary(.log1p).scalars
        for (xi, yi) in zip(x, actual) {
            let expected = Glibc.log1p(xi)
            if expected.isNaN { #expect(yi.isNaN, "log1p(\(xi))"); continue }
            if expected.isInfinite || expected == 0 { #expect(yi == expected && yi.sign == expected.sign, "log1p(\(xi))"); continue }
            #expect(Swift.abs(yi - expected) <= 1e-15 * Swift.abs(expected), "log1p(\(xi)) = \(yi), libm \(expected)")
        }
    }

    @Test func arctan2OverSpecialPairsAndATail() throws {
        // Every pair of signed zeros, subnormals, infinities, nan and ordinary values,
        // in both argument orders, 169 pairs (not a multiple of 4 or 8): libm's value
        // in each place, signs of zeros and π included.
        let special: [Double] = [0, -0.0, 5e-324, -5e-324, .infinity, -.infinity, .nan, 1, -1, 2.5, -1e300, 1e-300, 0.75]
        let y = special.flatMap { a in special.map { _ in a } }, x = special.flatMap { _ in special }
        let actual = try Tensor(y).binary(.arctan2, Tensor(x)).scalars
        for i in y.indices {
            let expected = Glibc.atan2(y[i], x[i])
            if expected.isNaN { #expect(actual[i].isNaN, "atan2(\(y[i]), \(x[i]))"); continue }
            if expected == 0 { #expect(actual[i] == 0 && actual[i].sign == expected.sign, "atan2(\(y[i]), \(x[i]))"); continue }
            #expect(Swift.abs(actual[i] - expected) <= 1e-15 * Swift.abs(expected) + Double.leastNormalMagnitude, "atan2(\(y[i]), \(x[i])) = \(actual[i]), libm \(expected)")
        }
    }

    @Test func stridedInputIsHandled() throws {
        let m = try Tensor.arange(0, 12).reshape([3, 4]).transposed()
        #expect(close(m.unary(.exp).scalars, m.scalars.map { Glibc.exp($0) }, 1e-15))
    }
}
