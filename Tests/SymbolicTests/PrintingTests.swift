import Testing
import Symbolic

@Suite struct PrintingTests {
    @Test func termOrderIsDegreeThenLexicographic() {
        let e = y * y + x * y + x * x * x / q(6) + q(1, 2) * x + q(1)
        #expect(e.description == "x^3/6 + x*y + y^2 + 1/2*x + 1")
    }

    @Test func equalExpressionsPrintAlike() {
        let a = (x + y) * (x + y) + q(3) - x
        let b = q(3) + (y + x).power(q(2)) - x
        #expect(a == b)
        #expect(a.description == b.description)
        #expect((x * y * x).description == (x * x * y).description)
    }

    @Test func rationalsDenominatorsAndSigns() throws {
        #expect((q(3, 2) * x * x + x / (q(2) * y) - q(1, 2) / (x * x)).description == "3/2*x^2 + x/(2*y) - 1/(2*x^2)")
        #expect((-x - q(2) * y + q(3)).description == "-x - 2*y + 3")
        #expect((fn(.sqrt, x) / (q(2) * y)).description == "sqrt(x)/(2*y)")
        #expect(q(-3, 4).description == "-3/4")
        #expect(x.power(q(2, 3)).description == "x^(2/3)")
        #expect((x + q(1)).power(y).description == "(x + 1)^y")
        #expect((q(2) * (x + q(1))).description == "2*x + 2")   // a number times a sum distributes, as in SymPy
    }

    /// What is printed, parsed back, is the same expression.
    @Test func printedTextParsesBack() throws {
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
            #expect(back == e, "\(e.description) read back as \(back.description)")
        }
    }

    @Test func parseAcceptsSymPySyntaxAndRejectsUnknownNames() throws {
        #expect(try Expr.parse("x**2/2 + Abs(y)") == x * x / q(2) + fn(.abs, y))
        #expect(errorMessage { try Expr.parse("x + * 2") } != nil)
        #expect(errorMessage { try Expr.parse("x + w", symbols: ["x"]) } == "cannot read the expression at column 6: unknown symbol 'w'")
        #expect(errorMessage { try Expr.parse("1/(x - x)") } == "division by zero")
    }

    /// Expected LaTeX as SymPy 1.14's `latex` prints the same expressions.
    @Test func latexFollowsSymPy() throws {
        let w1 = Expr.symbol("w1")
        #expect((x.power(q(3)) / q(6) + x / q(2) + fn(.exp, w1)).latex == "\\frac{x^{3}}{6} + \\frac{x}{2} + e^{w_{1}}")
        #expect((fn(.sqrt, x) / (q(2) * y)).latex == "\\frac{\\sqrt{x}}{2 y}")
        let m = try SymbolicMatrix(rows: 2, columns: 2, entries: [x, q(1), q(0), y])
        #expect(m.latex == "\\begin{pmatrix} x & 1 \\\\ 0 & y \\end{pmatrix}")
    }

    @Test func numbersBecomeRationalsWhereADoubleIsOne() throws {
        #expect(Expr.number(0.5) == q(1, 2))
        #expect(Expr.number(0.1) == q(1, 10))
        #expect(Expr.number(1.0 / 3) == q(1, 3))
        #expect(Expr.number(Double.pi).description == "3.141592653589793")
        #expect(Expr.number(Double.pi).constantValue == Double.pi)
        #expect(Rational.nearest(.nan) == nil)
        #expect(try Rational.nearest(-2.75) == Rational(-11, 4))
    }
}
