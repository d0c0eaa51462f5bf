import XCTest
import Symbolic

/// Expected forms are SymPy 1.14's for the same input (run by hand, printed with `^`).
final class AlgebraTests: XCTestCase {
    func testCanonicalFormCollectsAndFolds() throws {
        XCTAssertEqual(x + x, q(2) * x)
        XCTAssertEqual(x * x * x, x.power(q(3)))
        XCTAssertEqual(x - x, q(0))
        XCTAssertEqual(fn(.exp, x) * fn(.exp, y), fn(.exp, x + y))
        XCTAssertEqual(fn(.sqrt, x).power(q(2)), x)
        XCTAssertEqual(fn(.exp, fn(.log, x)), x)
        XCTAssertEqual(fn(.sqrt, q(9, 4)), q(3, 2))
        XCTAssertEqual(fn(.sin, -x), -fn(.sin, x))
        XCTAssertEqual(x.power(q(2)).power(q(3)), x.power(q(6)))
        XCTAssertEqual(x.freeSymbols, ["x"])
        XCTAssertEqual((x * y + z).freeSymbols, ["x", "y", "z"])
        XCTAssertEqual((fn(.exp, q(1)) + q(1)).constantValue ?? 0, M_E + 1, accuracy: 1e-15)
    }

    func testDiffFollowsTheDesignExample() throws {
        let w1 = Expr.symbol("w1"), w2 = Expr.symbol("w2")
        let e = q(1, 2) * (w1 * x + w2 * y - q(1)).power(q(2))
        XCTAssertEqual(try e.diff("w1").description, "x*(w1*x + w2*y - 1)")
        XCTAssertEqual(try e.diff("w1", order: 2).description, "x^2")
        XCTAssertEqual(try fn(.sigmoid, x).diff("x"),
                       fn(.sigmoid, x) * (q(1) - fn(.sigmoid, x)))
        XCTAssertEqual(try x.power(q(5)).diff("x", order: 0), x.power(q(5)))
        XCTAssertEqual(errorMessage { try x.diff("2*x") }, "diff: '2*x' is not a symbol name")
        XCTAssertNotNil(errorMessage { try x.diff("x", order: -1) })
    }

    func testExpandMultinomial() {
        let e = (x + y + z).power(q(10)).expand()
        if case .sum(let terms) = e.node { XCTAssertEqual(terms.count, 66) } else { XCTFail("not a sum") }
        // Multinomial coefficient 10!/(3! 3! 4!) = 4200 on x^3 y^3 z^4.
        XCTAssertTrue(e.description.contains("4200*x^3*y^3*z^4"))
        XCTAssertEqual(((x + q(1)) * (x - q(1))).expand(), x * x - q(1))
    }

    func testSimplifyIdentities() throws {
        let s = fn(.sin, x), c = fn(.cos, x)
        XCTAssertEqual((s.power(q(2)) + c.power(q(2))).simplify(), q(1))
        XCTAssertEqual((q(3) * s.power(q(2)) + q(3) * c.power(q(2)) + y).simplify(), y + q(3))
        XCTAssertEqual(fn(.log, fn(.exp, x)).simplify(), x)
        XCTAssertEqual(((x * x - q(1)) / (x - q(1))).simplify(), x + q(1))
        XCTAssertEqual(((x * x - y * y) / (x - y)).simplify(), x + y)
        XCTAssertEqual((q(1) / (x + q(1)) + q(1) / (x - q(1))).simplify().description, "2*x/(x^2 - 1)")
        XCTAssertEqual((x.power(q(2)) * x.power(q(3)) / x.power(q(4))).simplify(), x)
    }

    func testFactorOverTheRationals() throws {
        let cases: [(Expr, String)] = [
            (x * x - q(1), "(x - 1)*(x + 1)"),
            (q(2) * x.power(q(3)) - q(2) * x, "2*x*(x - 1)*(x + 1)"),
            (x.power(q(4)) + q(5) * x * x + q(6), "(x^2 + 2)*(x^2 + 3)"),
            (x * x - y * y, "(x - y)*(x + y)"),
            (x * x + q(2) * x + q(1), "(x + 1)^2"),
            (x.power(q(6)) - q(1), "(x - 1)*(x + 1)*(x^2 - x + 1)*(x^2 + x + 1)"),
            (x.power(q(4)) + q(1), "x^4 + 1"),
            (q(6) * x * x + x - q(2), "(2*x - 1)*(3*x + 2)"),
            ((x * x - q(1)) / (x * x + q(2) * x + q(1)), "(x - 1)/(x + 1)"),
            (q(3) * x * x * y + q(6) * x * y, "3*x*y*(x + 2)"),
            (x.power(q(3)) - q(2), "x^3 - 2"),
        ]
        for (e, want) in cases {
            let f = try e.factor()
            XCTAssertEqual(f.description, want, "factor(\(e))")
            XCTAssertTrue(f.isEqual(canonically: e))
        }
    }

    func testSeriesAndItsErrors() throws {
        XCTAssertEqual(try fn(.exp, x).series("x", about: q(0), order: 4).description, "x^3/6 + x^2/2 + x + 1")
        XCTAssertEqual(try fn(.sin, x).series("x", about: q(0), order: 6).description, "x^5/120 - x^3/6 + x")
        XCTAssertEqual(try (q(1) / x).series("x", about: q(1), order: 3), try parse("2 + (x - 1)**2 - x"))
        XCTAssertEqual(try (fn(.cos, x) * fn(.exp, x)).series("x", about: q(0), order: 5),
                       try parse("1 + x - x**3/3 - x**4/6"))
        XCTAssertEqual(errorMessage { try (q(1) / x).series("x", about: q(0), order: 3) },
                       "series: 1/x has a pole or singularity at x = 0, so no Taylor series there")
        XCTAssertEqual(try (fn(.sin, x) / x).series("x", about: q(0), order: 5).description, "x^4/120 - x^2/6 + 1")
        XCTAssertNotNil(errorMessage { try fn(.log, x).series("x", about: q(0), order: 3) })
    }

    func testSubstituteAndEvaluate() throws {
        XCTAssertEqual(try (x * x + y).substitute(["x": q(2), "y": z]), z + q(4))
        XCTAssertEqual(errorMessage { try (q(1) / x).substitute(["x": q(0)]) },
                       "subs: division by zero at x = 0 in 1/x")
        XCTAssertEqual(errorMessage { try fn(.log, x).substitute(["x": q(0)]) },
                       "subs: log(0) is undefined at x = 0 in log(x)")
        XCTAssertEqual(try (x * y + q(1, 2)).evaluate(["x": 2, "y": 3]), 6.5)
        XCTAssertEqual(errorMessage { try x.evaluate([:]) }, "no value for symbol 'x'")
        XCTAssertEqual(errorMessage { try Expr.divide(x, q(0)) }, "division by zero")
        XCTAssertThrowsError(try Expr.apply(.log, q(0)))
    }
}
