import Lang
import Testing

extension LangSuite {
    /// The Symbolic layer seen from the language: syntax, builtins, errors, lambdify.
    @Suite struct SymbolicBindingTests {
        static let prelude = "w1, w2, x, y, p, m1, m2 = symbols(\"w1 w2 x y p m1 m2\");"

        func session() -> Session {
            let s = Session()
            #expect(s.run(SymbolicBindingTests.prelude).diagnostic == nil)
            return s
        }

        /// Values by hand: d/dw1 ½(w1x + w2y − 1)² = x(w1x + w2y − 1); at w=(1,2), x=3, y=4 the
        /// loss is ½·10² = 50 and the gradient (30, 40).
        @Test func derivativesOfTheNotesLoss() {
            let s = session()
            #expect(s.run("E = 1/2 * (w1*x + w2*y - 1)^2;").diagnostic == nil)
            #expect(s.eval("diff(E, w1) == x*(w1*x + w2*y - 1)") == "true")
            #expect(s.eval("diff(E, w1, 2)") == "x^2")
            #expect(s.eval("diff(E, w1, w2)") == "x*y")
            #expect(s.eval("float(subs(E, w1=1, w2=2, x=3, y=4))") == "50")
            #expect(s.eval("float(subs(gradient(E, [w1, w2]), x=3, y=4, w1=1, w2=2))") == "[30, 40]")
            #expect(s.eval("float(subs(E, {\"w1\": 1, \"w2\": 2, \"x\": 3, \"y\": 4}))") == "50")
            #expect(s.eval("hessian(E, [w1, w2])") == "[[x^2, x*y],\n [x*y, y^2]]")
        }

        /// Numbers enter as the rationals whose nearest doubles they are (0.5 → 1/2, 0.1 → 1/10).
        @Test func numbersBecomeExactRationals() {
            let s = session()
            #expect(s.eval("x^2 - 0.5*x + 0.1") == "x^2 - 1/2*x + 1/10")
            #expect(s.eval("x ** 2 == x^2") == "true")
            #expect(s.eval("-x + x") == "0")
            #expect(s.eval("typeof(x)") == "\"Expr\"")
            #expect(s.eval("x == \"x\"") == "false")
            #expect(s.eval("sin(x)^2 + cos(x)^2 == 1") == "true")
        }

        /// A printed expression pastes back as the same expression.
        @Test func printedTextPastesBack() {
            let s = session()
            for source in ["1/2 * (w1*x + w2*y - 1)^2", "exp(x) * sin(y) / (1 + x^2)", "sqrt(x) + sigmoid(w1) - tanh(y)^3/6",
                           "log(abs(x) + 1) * cos(x)"] {
                let printed = s.eval(source)
                #expect(s.eval("(\(printed)) == (\(source))") == "true", "\(source) printed as \(printed)")
            }
        }

        @Test func symbolicMatrices() {
            let s = session()
            #expect(s.run("M = [[x, 1], [0, y]];").diagnostic == nil)
            #expect(s.eval("M @ M") == "[[x^2, x + y],\n [0, y^2]]")
            #expect(s.eval("M.T") == "[[x, 0],\n [1, y]]")
            #expect(s.eval("M + M == 2 * M") == "true")
            #expect(s.eval("[x, y] @ [x, y]") == "x^2 + y^2")
            #expect(s.eval("M[0, 1]") == "1")
            #expect(s.eval("typeof(M)") == "\"SymbolicMatrix\"")
            #expect(s.eval("float(subs(M, x=2, y=3))") == "[[2, 1],\n [0, 3]]")
        }

        /// Bad input gives a clear error at a span, never a crash.
        @Test func badInputIsAClearError() {
            // (source, message start, text where the span starts)
            let cases: [(String, String, String)] = [
                ("diff(x^2, x^2)", "diff() expects each variable to be a symbol, got x^2", "x^2)"),
                ("diff(x^2, 3)", "diff() expects each variable to be a symbol", "3)"),
                ("float(x + 1)", "float() needs a constant expression", "x + 1"),
                ("x / 0", "division by zero", "x / 0"),
                ("symbols(\"a b-c\")", "'b-c' cannot name a symbol", "\"a b-c\""),
                ("[[x, 1], [0, y]] + [x, y]", "shape mismatch in +: (2, 2) and (2,)", "[[x"),
                ("[[x, 1], [0, y]] @ [x, y, 1]", "shape mismatch in @: (2, 2) and (3,)", "[[x"),
                ("lambdify(x + y, [x])(1)", "the expression also depends on y: give it as keywords", "lambdify"),
                ("relu(x)", "relu() does not take a symbolic expression", "x)"),
                ("x < y", "cannot order symbolic expressions", "x < y"),
                ("hessian(\"f\", [1, 2])", "hessian() expects f to be a function or an expression, got string", "\"f\""),
            ]
            for (source, message, at) in cases {
                let s = session()
                let full = SymbolicBindingTests.prelude + "\n" + source
                let d = s.interpreter.run(full, origin: "cell")
                #expect(d?.message.hasPrefix(message) == true, "\(source): \(d?.message ?? "no error")")
                let offset = full.range(of: "\n" + source).map { full.utf8.distance(from: full.startIndex, to: $0.lowerBound) + 1 }
                    .map { $0 + (source.range(of: at).map { source.utf8.distance(from: source.startIndex, to: $0.lowerBound) } ?? 0) }
                #expect(d?.span.start == offset, "\(source): at \(d?.span.start ?? -1), want \(offset ?? -1)")
            }
        }

        /// Numeric builtins that share a name keep working on tensors.
        @Test func numericOverloadsStillWork() {
            let s = session()
            #expect(s.eval("diff([1, 4, 9, 16])") == "[3, 5, 7]")
            #expect(s.eval("diff([1, 4, 9, 16], 2)") == "[2, 2]")
            #expect(s.eval("hessian(w -> w[0]^2 * w[1], [1, 2])") == "[[4, 2],\n [2, 0]]")
            #expect(s.eval("det([[1, 2], [3, 4]])") == "-2")
            #expect(s.eval("exp(0)") == "1")
        }

        /// lambdify gives an ordinary function: grad, hessian and minimize work on it.
        @Test func lambdifiedExpressionIsAnOrdinaryFunction() {
            let s = session()
            #expect(s.run("E = 1/2 * (w1*3 + w2*4 - 1)^2; f = lambdify(E, [w1, w2]);").diagnostic == nil)
            // By hand: at (1, 2) the residual is 10, so E = 50 and grad E = 10·(3, 4).
            #expect(s.eval("f([1, 2])") == "50")
            #expect(s.eval("f(1, 2)") == "50")
            #expect(s.eval("grad(f, [1, 2])") == "[30, 40]")
            #expect(s.eval("hessian(f, [1, 2]) == float(hessian(E, [w1, w2]))") == "[[true, true],\n [true, true]]")
            #expect(s.eval("g = lambdify(x^2, x); g([1, 2, 3])") == "[1, 4, 9]")
            // The notes' lambdify(E, [w1, w2]) with x and y still symbols: they come as keywords.
            #expect(s.eval("h = lambdify(1/2 * (w1*x + w2*y - 1)^2, [w1, w2]); grad(w -> h(w, x=3, y=4), [1, 2])") == "[30, 40]")
            // Gradient descent with rate 0.1 shrinks the distance to (1, -2) by 0.8 a step: 0.8^300 ≈ 1e-29.
            #expect(s.eval("allclose(minimize(lambdify((x - 1)^2 + (y + 2)^2, [x, y]), [0, 0], SGD(lr=0.1), steps=300), [1, -2], rtol=0, atol=1e-15)") == "true")
            #expect(s.eval("plot(lambdify(x^2, x), -1, 1)").hasPrefix("<plot") || s.run("plot(lambdify(x^2, x), -1, 1)").diagnostic == nil)
        }

        /// The symbolic derivative, lambdified, equals `grad` of the lambdified expression,
        /// on 200 random expressions at random points (a seeded generator, so a failure repeats).
        @Test func symbolicDerivativeEqualsGradOfLambdified() {
            var random = SplitMix(seed: 22)
            let s = session()
            var checked = 0
            for case_ in 0..<200 {
                let e = RandomExpression.make(depth: 3, &random)
                let a = random.uniform(-1.5, 1.5), b = random.uniform(-1.5, 1.5)
                let source = """
                E = \(e);
                f = lambdify(E, [x, y]);
                d = lambdify(gradient(E, [x, y]), [x, y]);
                """
                let (_, d) = s.run(source)
                #expect(d == nil, "case \(case_): \(e): \(d?.message ?? "")")
                if d != nil { continue }
                let check = "allclose(grad(f, [\(a), \(b)]), d([\(a), \(b)]), rtol=1e-9, atol=1e-12)"
                #expect(s.eval(check) == "true", "case \(case_): \(e) at (\(a), \(b)): \(s.eval("E")) grad \(s.eval("grad(f, [\(a), \(b)])"))")
                if case_ % 4 == 0 {
                    // Second order too: the symbolic Hessian, lambdified, against autodiff's.
                    let second = "allclose(hessian(f, [\(a), \(b)]), lambdify(hessian(E, [x, y]), [x, y])([\(a), \(b)]), rtol=1e-8, atol=1e-10)"
                    #expect(s.eval(second) == "true", "case \(case_): hessian of \(e) at (\(a), \(b))")
                }
                checked += 1
            }
            #expect(checked == 200)
        }
    }
}


/// Random expression text in x and y that stays finite and differentiable on the box
/// the test samples: logarithms and roots take positive arguments, divisions
/// positive denominators.
enum RandomExpression {
    static func make(depth: Int, _ r: inout SplitMix) -> String {
        if depth == 0 || r.below(4) == 0 {
            switch r.below(4) {
            case 0: return "x"
            case 1: return "y"
            case 2: return "\(r.below(5) + 1)"
            default: return "\(r.below(7) - 3)/\(r.below(3) + 2)"
            }
        }
        let a = make(depth: depth - 1, &r), b = make(depth: depth - 1, &r)
        switch r.below(12) {
        case 0: return "(\(a) + \(b))"
        case 1: return "(\(a) - \(b))"
        case 2, 3: return "(\(a) * \(b))"
        case 4: return "(\(a) / (1 + (\(b))^2))"
        case 5: return "(\(a))^\(r.below(3) + 2)"
        case 6: return "exp(\(a) / (1 + (\(a))^2))"
        case 7: return "log(1 + (\(a))^2)"
        case 8: return "sqrt(1 + (\(a))^2)"
        case 9: return ["sin", "cos"][r.below(2)] + "(\(a))"
        case 10: return ["tanh", "sigmoid"][r.below(2)] + "(\(a))"
        default: return "(\(a) * sin(\(b)))"
        }
    }
}

extension LangSuite.SymbolicBindingTests {
    /// A front end gets the LaTeX of an echoed expression (Jupyter's text/latex, export's math).
    @Test func echoCarriesLatexAndReadsBack() {
        let interpreter = Interpreter()
        var echoes: [Echo] = []
        interpreter.echoHandler = { echoes.append($0) }
        #expect(interpreter.run("x = symbol(\"x\");\nx^3/6 + x/2\n[[x, 1], [0, x]]", origin: "cell") == nil)
        #expect(echoes.count == 2)
        #expect(echoes.first?.symbolic?.latex == "\\frac{x^{3}}{6} + \\frac{x}{2}")
        // Read back canonically: the same expression written another way matches, another does not.
        #expect(echoes.first?.symbolic?.matches(recorded: "1/2*x + 1/6*x**3") == true)
        #expect(echoes.first?.symbolic?.matches(recorded: "x/2 + x^3/5") == false)
        #expect(echoes.first?.symbolic?.matches(recorded: "not ( an expression") == false)
        #expect(echoes.last?.symbolic?.matches(recorded: "[[x, 1],\n [0, x]]") == true)
        #expect(echoes.last?.symbolic?.matches(recorded: "[[x, 1],\n [0, 2*x]]") == false)
        #expect(echoes.last?.symbolic?.matches(recorded: "[[x, 1], [0, x], [1, 1]]") == false)
        // Recorded text is parsed, never run: a call in it reads as no expression at all.
        #expect(echoes.first?.symbolic?.matches(recorded: "print(\"hi\")") == false)
    }
}

extension LangSuite.SymbolicBindingTests {
    /// Values by hand: E over m ~ Bernoulli(p) of m·x + (1 − m)·y is p·x + (1 − p)·y; m³ = m;
    /// [[2, 1], [1, 3]]⁻¹ = [[3, −1], [−1, 2]]/5; x³ − x = x(x − 1)(x + 1); e^x to order 3.
    @Test func expectationSolveFactorSeries() {
        let s = session()
        #expect(s.eval("expect(m1*x + (1 - m1)*y, [m1], p) == p*x + (1 - p)*y") == "true")
        #expect(s.eval("expect(m1^3 * m2 * x, [m1, m2], 1/4)") == "1/16*x")
        #expect(s.eval("solve([[2, 1], [1, 3]], [x, y]) == [3/5*x - 1/5*y, -1/5*x + 2/5*y]") == "true")
        #expect(s.eval("det([[w1, w2], [x, y]])") == "w1*y - w2*x")
        #expect(s.eval("factor(x^3 - x)") == "x*(x - 1)*(x + 1)")
        #expect(s.eval("series(exp(x), x, 0, 4) == 1 + x + x^2/2 + x^3/6") == "true")
        #expect(s.eval("inv([[x, 1], [x, 1]])").hasPrefix("error: inv: the matrix is singular"))
        #expect(s.eval("expect(m1 * x, [m1], 2)") == "error: expect() needs a probability p in [0, 1], got 2")
    }
}
