import Lang
import Testing

extension LangSuite {
    /// Calls of functions held in globals (the interpreter's borrowed-callee fast path).
    @Suite struct CallTests {
        @Test func twoArgumentRecursionMatchesTheBinomial() {
            let s = Session()
            s.run("""
            function choose(n, k)
                if k == 0 or k == n
                    return 1
                end
                return choose(n - 1, k - 1) + choose(n - 1, k)
            end
            """)
            // 16! / (8! 8!) = 12870
            #expect(s.eval("choose(16, 8)") == "12870")
        }

        @Test func threeArgumentRecursionCountsHanoiMoves() {
            let s = Session()
            s.run("""
            function moves(n, from, to)
                if n == 0
                    return 0
                end
                other = 6 - from - to
                return moves(n - 1, from, other) + 1 + moves(n - 1, other, to)
            end
            """)
            // towers of Hanoi: 2^n - 1 moves, 1023 for n = 10
            #expect(s.eval("moves(10, 1, 3)") == "1023")
            #expect(s.run("moves(1, 2)").diagnostic?.message == "moves() missing argument 'to'")
        }

        @Test func zeroArgumentCallsRunTheBody() {
            let s = Session()
            s.run("k() = 21")
            #expect(s.eval("k() + k()") == "42")
        }

        @Test func redefiningAGlobalWithAnotherArityRebindsTheCall() {
            let s = Session()
            s.run("f(x) = x + 1\ng(a, b) = f(a) + f(b)")
            #expect(s.eval("g(1, 2)") == "5")
            s.run("f(x) = 10 * x")
            // g reads f at each call, so it sees the new definition: 10 + 20
            #expect(s.eval("g(1, 2)") == "30")
            s.run("f(x, y) = x * y")
            let d = s.run("g(1, 2)").diagnostic
            #expect(d?.kind == .argument)
            #expect(d?.message == "f() missing argument 'y'")
            #expect(s.eval("f(6, 7)") == "42")
        }

        @Test func aGlobalThatIsNotAFunctionKeepsItsErrors() {
            let s = Session()
            s.run("h = 3")
            #expect(s.run("h(1)").diagnostic?.message == "cannot call a value of type number")
            #expect(s.eval("sqrt(16)") == "4")
        }

        @Test func closureInAGlobalSeesItsCapturedVariable() {
            let s = Session()
            s.run("function make_adder(k)\n return x -> x + k\nend\nadd = make_adder(0.5)")
            // 100 additions of 0.5
            #expect(s.eval("t = 0; for i in range(100) t = add(t) end; t") == "50")
        }

        @Test func recursionLimitThroughAGlobalLeavesTheStackUsable() {
            let s = Session()
            s.run("deep(n) = deep(n + 1)\ntwo(a, b) = deep2(a, b)\ndeep2(a, b) = deep2(a + 1, b)")
            #expect(s.run("deep(0)").diagnostic?.kind == .recursion)
            #expect(s.run("two(0, 1)").diagnostic?.kind == .recursion)
            // sum of 1…100 = 5050 through the same stack region afterwards
            s.run("function tri(n)\n if n == 0\n return 0\n end\n return n + tri(n - 1)\nend")
            #expect(s.eval("tri(100)") == "5050")
        }
    }
}
