import Lang
import Testing

extension LangSuite {
    /// Assignment statements stored in one closure (`Compiler+Stores.swift`), lists and
    /// dicts used in place of their variable (`Compiler+Borrowing.swift`) and the leaf
    /// test of a recursive function: each fast path must give what Python gives.
    @Suite struct InPlaceAccessTests {
        @Test func updateStatementsOnNumbersAndOtherValues() {
            let s = Session()
            // 0.5 * (0 + 1 + ... + 999) = 0.5 * 499500
            s.run("s = 0; for i in range(1000) s += i * 0.5; end")
            #expect(s.eval("s") == "249750")
            // ((10 - 3) * 2) / 4, as CPython computes it
            #expect(s.eval("x = 10; x -= 3; x *= 2; x /= 4; x") == "3.5")
            #expect(s.eval("t = \"a\"; t += \"b\"; t") == "\"ab\"")
            #expect(s.eval("v = [1, 2]; v += 1; v") == "[2, 3]")
            #expect(s.eval("q += 1") == "error: unknown name 'q'")
            // The other operators go through `Operators.binary`: 7 % 3, 7 // 2, 2^10, 1024^0.5.
            #expect(s.eval("m = 7; m %= 3; m") == "1")
            #expect(s.eval("m = 7; m //= 2; m") == "3")
            #expect(s.eval("p = 2; p ^= 10; p") == "1024")
            #expect(s.eval("p **= 0.5; p") == "32")
            #expect(s.eval("A = [[0, 1], [1, 0]]; A @= [[1, 2], [3, 4]]; A[0, 0]") == "3")
        }

        @Test func updateStatementsInAFunction() {
            let s = Session()
            s.run("""
            function total(n)
                acc = 0
                for i in range(n)
                    acc += i
                    acc -= 0.5
                end
                return acc
            end
            function greet(name)
                text = "hello, "
                text += name
                return text
            end
            """)
            // sum(range(100)) - 100 * 0.5 = 4950 - 50
            #expect(s.eval("total(100)") == "4900")
            #expect(s.eval("greet(\"ada\")") == "\"hello, ada\"")
        }

        @Test func appendAndGetOnLocalsAndGlobals() {
            let s = Session()
            s.run("""
            function squares(n)
                xs = []
                for i in range(n) xs.append(i * i); end
                return xs
            end
            function lookups(d, n)
                hits = 0
                for i in range(n) hits = hits + d.get(i % 4, 0); end
                return hits
            end
            """)
            // 0² + 1² + ... + 9² = 285
            #expect(s.eval("sum(stack(squares(10)))") == "285")
            // keys 0 and 1 hold 10 and 20: 25 turns each of i % 4 == 0 and == 1 in range(100)
            #expect(s.eval("lookups({0: 10, 1: 20}, 100)") == "750")
            s.run("ys = []; for i in range(5) ys.append(i); end")
            #expect(s.eval("len(ys)") == "5")
            #expect(s.eval("ys[-1]") == "4")
            #expect(s.eval("g = {\"a\": 1}; g.get(\"a\")") == "1")
            #expect(s.eval("g.get(\"b\")") == "")
            #expect(s.eval("g.get(\"b\", -1)") == "-1")
            #expect(s.eval("typeof(g.get(\"b\"))") == "\"nothing\"")
        }

        @Test func aReboundReceiverIsReadAgain() {
            let s = Session()
            s.run("xs = []; ys = xs; xs.append(2)")
            #expect(s.eval("len(ys)") == "1")
            s.run("xs = (1, 2)")
            #expect(s.eval("xs.append(3)") == "error: tuple has no method 'append'")
            #expect(s.eval("len(ys)") == "1")
            // A list appended to itself holds itself, as in Python.
            s.run("zs = []; zs.append(zs)")
            #expect(s.eval("len(zs[0])") == "1")
        }

        @Test func errorsOfTheBorrowedPathsMatchTheGeneralOnes() {
            let s = Session()
            #expect(s.eval("ww.append(1)") == "error: unknown name 'ww'")
            s.run("d = {1: 2}")
            let unhashable = "error: a dict key must be a number, string, bool or a tuple of them, got tensor"
            #expect(s.eval("d.get([1, 2])") == unhashable)
            #expect(s.eval("d[[1, 2]] = 3") == unhashable)
            #expect(s.eval("d.get(zz)") == "error: unknown name 'zz'")
            // The error points at the key: bytes 6..<12 of `d.get([1, 2])`.
            let d = s.run("d.get([1, 2])").diagnostic
            #expect(d?.span.start == 6)
            #expect(d?.span.end == 12)
        }

        @Test func dictStoresOnLocalsAndGlobals() {
            let s = Session()
            s.run("""
            function histogram(n, k)
                counts = {}
                for i in range(n)
                    counts[i % k] = counts.get(i % k, 0) + 1
                end
                return counts
            end
            """)
            // 10 numbers into 3 bins: 0, 3, 6, 9 / 1, 4, 7 / 2, 5, 8
            #expect(s.eval("h = histogram(10, 3); (h[0], h[1], h[2])") == "(4, 3, 3)")
            s.run("g = {}; for i in range(1000) g[i % 7] = i; end")
            // the last i with i % 7 == 6 below 1000 is 993
            #expect(s.eval("(len(g), g[6])") == "(7, 993)")
            // A tensor receiver still takes the element write.
            #expect(s.eval("x = zeros(3); x[1] = 5; x") == "[0, 5, 0]")
        }

        /// Closures read their captures through the machine's running closure, which each
        /// closure call sets and gives back to its caller, on errors too.
        @Test func closuresReadAndWriteTheirOwnCaptures() {
            let s = Session()
            s.run("""
            function counter()
                n = 0
                function step()
                    n = n + 1
                    return n
                end
                return step
            end
            function adder(k)
                return x -> x + k
            end
            function twice_then_add(k)
                return f -> f(f(0)) + k
            end
            function make_fact()
                function fact(n)
                    if n < 2
                        return 1
                    end
                    return n * fact(n - 1)
                end
                return fact
            end
            make(a) = b -> (c -> a + b + c)
            """)
            #expect(s.eval("c = counter(); c(); c(); c()") == "3")
            // A second counter has its own n.
            #expect(s.eval("d = counter(); d()") == "1")
            #expect(s.eval("c()") == "4")
            // After f = adder(5) returns twice, the outer closure reads its own k: 5 + 5 + 1000.
            #expect(s.eval("a5 = adder(5); t = twice_then_add(1000); t(a5)") == "1010")
            // 10! = 3628800
            #expect(s.eval("make_fact()(10)") == "3628800")
            #expect(s.eval("make(1)(2)(3)") == "6")
            #expect(s.eval("bad = adder(\"s\"); t(bad)") == "error: unsupported operand types for +: number and string")
            #expect(s.eval("t(a5)") == "1010")
        }

        /// Functions called from a parameter or a captured variable run on a borrowed
        /// reference; a captured variable written while they run keeps the old function alive.
        @Test func functionsCalledFromLocalsAndCaptures() {
            let s = Session()
            s.run("""
            apply(f, x) = f(x)
            compose(f, g) = x -> f(g(x))
            function make()
                op = x -> x + 1
                function reset(x)
                    op = y -> y * 100
                    return x
                end
                function run(x)
                    return op(reset(x))
                end
                return run
            end
            function selfReplacing()
                k = 10
                function first(n)
                    slot = 5
                    return n + k
                end
                slot = first
                function go(n)
                    return slot(n)
                end
                return go
            end
            """)
            #expect(s.eval("apply(x -> x * 2, 21)") == "42")
            // (2 * 5) + 1
            #expect(s.eval("compose(x -> x + 1, x -> 2 * x)(5)") == "11")
            // As in Python, the callee is read before its argument runs: the first call uses
            // x -> x + 1 although reset() rebinds op before the call; the second sees the new op.
            #expect(s.eval("r = make(); r(1)") == "2")
            #expect(s.eval("r(1)") == "100")
            // `first` replaces itself in the variable it was called from and still reads k.
            #expect(s.eval("go = selfReplacing(); go(1)") == "11")
            #expect(s.eval("go(1)") == "error: cannot call a value of type number")
            #expect(s.eval("apply(3, 1)") == "error: cannot call a value of type number")
            #expect(s.eval("apply((a, b) -> a + b, 1)") == "error: lambda() missing argument 'b'")
        }

        /// `xs[i]` on lists and tuples, `len(x)` and `xs.pop()` take shortcuts for the
        /// common cases; everything else reports what the general path reports.
        @Test func elementReadsLengthsAndPops() {
            let s = Session()
            s.run("xs = []; xs.append(5); xs.append(6); t = (1, \"a\")")
            #expect(s.eval("(xs[0], xs[-2], xs[1.0], t[-1])") == "(5, 5, 6, \"a\")")
            #expect(s.eval("xs[5]") == "error: index 5 is out of range for a list of 2 (valid: -2 to 1)")
            #expect(s.eval("xs[0.5]") == "error: an index must be an integer, got 0.5")
            // Python's len: 2, 2, 5 characters, 1 key, the first axis of a 2×3 tensor
            #expect(s.eval("(len(xs), len(t), len(\"héllo\"), len({1: 2}), len(zeros(2, 3)))") == "(2, 2, 5, 1, 2)")
            #expect(s.eval("len(3)") == "error: len() needs a list, tuple, dict, string or tensor of rank ≥ 1, got number")
            // str's shortcut gives what print shows, at any precision.
            #expect(s.eval("(str(3), str(-0.0), str(\"a\"), str(2.5), str(1e16), len(str(123456)))")
                    == "(\"3\", \"0\", \"a\", \"2.5\", \"1e+16\", 6)")
            #expect(s.eval("precision(2); (str(1/3), str(7))") == "(\"0.33\", \"7\")")
            // pop takes from the end, as Python's list.pop() does
            #expect(s.eval("(xs.pop(), xs.pop())") == "(6, 5)")
            #expect(s.eval("xs.pop()") == "error: pop() from an empty list")
            #expect(s.eval("d = {1: 2}; d.pop(1)") == "2")
            #expect(s.eval("function drain(ys)\n total = 0\n while len(ys) > 0\n total = total + ys.pop()\n end\n return total\nend")
                    == "")
            s.run("zs = []; for i in range(10) zs.append(i); end")
            // 0 + 1 + ... + 9
            #expect(s.eval("drain(zs)") == "45")
            #expect(s.eval("len(zs)") == "0")
        }

        @Test func theLeafTestOfARecursiveFunction() {
            let s = Session()
            s.run("""
            function fib(n)
                if n < 2
                    return n
                end
                return fib(n - 1) + fib(n - 2)
            end
            function last(n, x)
                if n <= 0
                    return x
                end
                return last(n - 1, x)
            end
            """)
            // F(20) = 6765
            #expect(s.eval("fib(20)") == "6765")
            #expect(s.eval("last(3, \"s\")") == "\"s\"")
            // A boolean argument takes the general test: true < 2 holds, so it is returned.
            #expect(s.eval("fib(true)") == "true")
        }
    }
}
