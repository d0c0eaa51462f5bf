import Lang
import Testing

/// The grammar, seen through evaluation: each case's expected value is worked
/// out by hand from the precedence rules of DESIGN.md.
extension LangSuite {
    @Suite struct ParserTests {
        @Test(arguments: [
            ("-2^2", "-4"),                 // ^ above unary minus
            ("2^3^2", "512"),               // right-associative: 2^9
            ("(-2)^2", "4"),
            ("2^-2", "0.25"),               // unary minus in the exponent
            ("1 + 2 * 3", "7"),
            ("(1 + 2) * 3", "9"),
            ("10 - 4 - 3", "3"),            // left-associative
            ("8 / 4 / 2", "1"),
            ("1 + 2 < 4", "true"),          // comparisons below arithmetic
            ("not 1 > 2", "true"),          // not below comparisons
            ("true or false and false", "true"),  // and above or
            ("not true or true", "true"),
            ("7 % 3", "1"),
            ("[[1, 2], [3, 4]] @ [1, 1] + 1", "[4, 8]"),  // @ above +
        ])
        func precedence(_ source: String, _ expected: String) {
            #expect(Session().eval(source) == expected)
        }

        @Test func semicolonSuppressesEchoAndSeparates() {
            let s = Session()
            #expect(s.run("a = 1; b = 2\nc = 3;").output == "2")
        }

        @Test func oneLineFunctionDefaultsAndKeywords() {
            let s = Session()
            s.run("f(x, a=10) = x + a")
            #expect(s.eval("f(1)") == "11")
            #expect(s.eval("f(1, a=2)") == "3")
            #expect(s.eval("f(a=5, x=1)") == "6")
        }

        @Test func lambdasWithOneAndManyParameters() {
            let s = Session()
            #expect(s.eval("g = x -> 2*x; g(4)") == "8")
            #expect(s.eval("h = (a, b) -> a - b; h(5, 3)") == "2")
            #expect(s.eval("k = () -> 7; k()") == "7")
        }

        @Test func blocksOnOneLineAndNested() {
            let s = Session()
            #expect(s.eval("s = 0; for i in range(4) if i % 2 == 0 s += i else s -= 1 end end; s") == "0")
            #expect(s.eval("n = 0; while n < 5 n += 1; if n == 3 break end end; n") == "3")
        }

        @Test func elifChain() {
            let s = Session()
            s.run("function grade(x)\n if x > 90\n return \"a\"\n elif x > 80\n return \"b\"\n else\n return \"c\"\n end\nend")
            #expect(s.eval("grade(95)") == "\"a\"")
            #expect(s.eval("grade(85)") == "\"b\"")
            #expect(s.eval("grade(10)") == "\"c\"")
        }

        @Test func multipleAssignmentUnpacksAList() {
            let s = Session()
            #expect(s.eval("a, b = [1, \"x\"]; b") == "\"x\"")
        }

        @Test func continueSkipsRestOfBody() {
            #expect(Session().eval("t = 0; for i in range(5) if i == 2 continue end; t += i end; t") == "8")
        }

        @Test func commentsAndNewlinesInsideBrackets() {
            #expect(Session().eval("v = [1, # one\n 2,\n 3]; sum(v)") == "6")
        }

        @Test(arguments: [
            ("x = 1", Completeness.complete),
            ("function f(x)", .incomplete),
            ("for i in range(3)\n  print(i)", .incomplete),
            ("if x > 1", .incomplete),
            ("v = [1, 2,", .incomplete),
            ("f(1,", .incomplete),
            ("x = )", .invalid),
            ("end", .invalid),
            ("s = \"open", .invalid),
        ])
        func completeness(_ source: String, _ expected: Completeness) {
            #expect(Interpreter().checkComplete(source) == expected)
        }

        @Test func syntaxErrorReportsFirstAndCountsOthers() {
            let d = Session().run("x = )\ny = (\nz = 1").diagnostic
            #expect(d?.kind == .syntax)
            #expect(d?.span.line == 1)
            #expect(d?.notes.first?.contains("more syntax error") == true)
        }

        @Test func deepNestingIsAnErrorNotACrash() {
            let d = Session().run(String(repeating: "(", count: 100_000) + "1").diagnostic
            #expect(d?.kind == .syntax)
            #expect(d?.message.hasPrefix("too deeply nested") == true)
        }

        @Test func longOperatorChainsRun() {
            // 1 + 1 + ... (20000 ones) nests the syntax tree 20000 deep on the left
            let source = Array(repeating: "1", count: 20_000).joined(separator: " + ")
            #expect(Session().eval(source) == "20000")
        }
    }
}
