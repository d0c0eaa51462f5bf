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

    @Test func stridedInputIsHandled() throws {
        let m = try Tensor.arange(0, 12).reshape([3, 4]).transposed()
        #expect(close(m.unary(.exp).scalars, m.scalars.map { Glibc.exp($0) }, 1e-15))
    }
}
