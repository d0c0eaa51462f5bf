import XCTest
import Symbolic

final class PrintingTests: XCTestCase {
    func testTermOrderIsDegreeThenLexicographic() {
        let e = y * y + x * y + x * x * x / q(6) + q(1, 2) * x + q(1)
        XCTAssertEqual(e.description, "x^3/6 + x*y + y^2 + 1/2*x + 1")
    }

    func testEqualExpressionsPrintAlike() {
        let a = (x + y) * (x + y) + q(3) - x
        let b = q(3) + (y + x).power(q(2)) - x
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.description, b.description)
        XCTAssertEqual((x * y * x).description, (x * x * y).description)
    }

    func testRationalsDenominatorsAndSigns() throws {
        XCTAssertEqual((q(3, 2) * x * x + x / (q(2) * y) - q(1, 2) / (x * x)).description,
                       "3/2*x^2 + x/(2*y) - 1/(2*x^2)")
        XCTAssertEqual((-x - q(2) * y + q(3)).description, "-x - 2*y + 3")
        XCTAssertEqual((fn(.sqrt, x) / (q(2) * y)).description, "sqrt(x)/(2*y)")
        XCTAssertEqual(q(-3, 4).description, "-3/4")
        XCTAssertEqual(x.power(q(2, 3)).description, "x^(2/3)")
        XCTAssertEqual((x + q(1)).power(y).description, "(x + 1)^y")
        XCTAssertEqual((q(2) * (x + q(1))).description, "2*x + 2")   // a number times a sum distributes, as in SymPy
    }

    /// What is printed, parsed back, is the same expression.
    func testPrintedTextParsesBack() throws {
        let samples: [Expr] = [
            x.power(q(3)) / q(6) + q(1, 2) * x,
            fn(.exp, -x * y) / (x + q(1)).power(q(2)),
            fn(.log, x * x + q(1)) - fn(.sigmoid, q(2) * x) * fn(.tanh, y),
            fn(.abs, x - y) + fn(.sqrt, x + q(3)) + fn(.sin, x).power(q(2)),
            q(-7, 3) * x.power(q(-3, 2)) * fn(.cos, y),
            Expr.number(Double.pi) * x - q(5),
        ]
        for e in samples {
            let back = try Expr.parse(e.description)
            XCTAssertEqual(back, e, "\(e.description) read back as \(back.description)")
        }
    }

    func testParseAcceptsSymPySyntaxAndRejectsUnknownNames() throws {
        XCTAssertEqual(try Expr.parse("x**2/2 + Abs(y)"), x * x / q(2) + fn(.abs, y))
        XCTAssertNotNil(errorMessage { try Expr.parse("x + * 2") })
        XCTAssertEqual(errorMessage { try Expr.parse("x + w", symbols: ["x"]) },
                       "cannot read the expression at column 6: unknown symbol 'w'")
        XCTAssertEqual(errorMessage { try Expr.parse("1/(x - x)") }, "division by zero")
    }

    /// Expected LaTeX as SymPy 1.14's `latex` prints the same expressions.
    func testLatexFollowsSymPy() throws {
        let w1 = Expr.symbol("w1")
        XCTAssertEqual((x.power(q(3)) / q(6) + x / q(2) + fn(.exp, w1)).latex,
                       "\\frac{x^{3}}{6} + \\frac{x}{2} + e^{w_{1}}")
        XCTAssertEqual((fn(.sqrt, x) / (q(2) * y)).latex, "\\frac{\\sqrt{x}}{2 y}")
        let m = try SymbolicMatrix(rows: 2, columns: 2, entries: [x, q(1), q(0), y])
        XCTAssertEqual(m.latex, "\\begin{pmatrix} x & 1 \\\\ 0 & y \\end{pmatrix}")
    }

    func testNumbersBecomeRationalsWhereADoubleIsOne() {
        XCTAssertEqual(Expr.number(0.5), q(1, 2))
        XCTAssertEqual(Expr.number(0.1), q(1, 10))
        XCTAssertEqual(Expr.number(1.0 / 3), q(1, 3))
        XCTAssertEqual(Expr.number(Double.pi).description, "3.141592653589793")
        XCTAssertEqual(Expr.number(Double.pi).constantValue, Double.pi)
        XCTAssertNil(Rational.nearest(.nan))
        XCTAssertEqual(Rational.nearest(-2.75), try Rational(-11, 4))
    }
}
