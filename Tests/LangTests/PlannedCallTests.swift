import Lang
import Testing

extension LangSuite {
    /// Calls of global functions with keywords or more than three arguments bind through
    /// a plan the call site keeps (`CallPlan`); results and errors must be the general
    /// binder's, for whatever function the name holds at the time of the call.
    @Suite struct PlannedCallTests {
        static let affine = """
        function f(x, scale=1.0, shift=0.0)
            return x * scale + shift
        end
        """

        @Test func keywordsAndDefaultsBindAsInPython() {
            let s = Session()
            s.run(Self.affine)
            // CPython: f(2, shift=1) = 3, f(2, scale=3, shift=1) = 7, f(x=2) = 2, f(shift=1, x=2, scale=3) = 7
            #expect(s.eval("f(2, shift=1)") == "3")
            #expect(s.eval("f(2, scale=3, shift=1)") == "7")
            #expect(s.eval("f(x=2)") == "2")
            #expect(s.eval("f(shift=1, x=2, scale=3)") == "7")
            // The same site in a loop: 2i + 1 summed over range(100) = 9900 + 100
            #expect(s.eval("t = 0; for i in range(100) t = t + f(i, scale=2, shift=1); end; t") == "10000")
        }

        @Test func mismatchesReportTheGeneralErrors() {
            let s = Session()
            s.run(Self.affine)
            #expect(s.eval("f(1, bogus=2)") == "error: f() has no parameter 'bogus'")
            #expect(s.eval("f(1, x=2)") == "error: f() got two values for 'x'")
            #expect(s.eval("f(scale=2)") == "error: f() missing argument 'x'")
            #expect(s.eval("f(1, 2, 3, 4)") == "error: f() takes 1 to 3 arguments but 4 were given")
        }

        @Test func argumentsRunOnceEvenWhenTheCallFails() {
            let s = Session()
            s.run(Self.affine)
            s.run("calls = []\nfunction tick()\n    calls.append(1)\n    return 1\nend")
            #expect(s.eval("f(tick(), bogus=1)") == "error: f() has no parameter 'bogus'")
            #expect(s.eval("len(calls)") == "1")
            #expect(s.eval("f(tick(), scale=tick())") == "1")
            #expect(s.eval("len(calls)") == "3")
        }

        @Test func aSiteFollowsTheFunctionItsNameHolds() {
            let s = Session()
            s.run(Self.affine)
            s.run("go(v) = f(v, shift=10)")
            #expect(s.eval("go(1)") == "11")
            // Rebinding f: the site plans again for the new parameters.
            s.run("f(x, shift) = x - shift")
            #expect(s.eval("go(1)") == "-9")
            s.run("f(y) = y")
            #expect(s.eval("go(1)") == "error: f() has no parameter 'shift'")
            s.run("f = 3")
            #expect(s.eval("go(1)") == "error: cannot call a value of type number")
        }

        @Test func manyPositionalArgumentsAndRecursion() {
            let s = Session()
            s.run("""
            g(a, b, c, d) = a - b - c - d
            function count(n, step=1, total=0)
                if n <= 0
                    return total
                end
                return count(n - step, step=step, total=total + n)
            end
            """)
            #expect(s.eval("g(10, 1, 2, 3)") == "4")
            // 100 + 99 + ... + 1 = 5050; 100 + 98 + ... + 2 = 2550
            #expect(s.eval("count(100)") == "5050")
            #expect(s.eval("count(100, step=2)") == "2550")
        }
    }
}
