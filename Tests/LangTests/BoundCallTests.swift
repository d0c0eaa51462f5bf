import Foundation
import Lang
import Testing

extension LangSuite {
    /// Builtin and method calls whose arguments are matched to parameters when the call
    /// site is compiled, number arguments that skip the tensor kernels, and function
    /// bodies compiled in tail position: each must behave exactly as the general path.
    @Suite struct BoundCallTests {
        @Test func keywordArgumentsBindByNameInAnyOrder() {
            let s = Session()
            // clip is min(max(x, low), high): 0, 0, 5, 10 for -3, 0, 5, 12
            #expect(s.eval("[clip(x, low=0, high=10) for x in [-3, 0, 5, 12]]") == "[ 0,  0,  5, 10]")
            #expect(s.eval("clip(12, high=10, low=0)") == "10")
            #expect(s.eval("clip(-3, 0, high=10)") == "0")
            // sum over i < 100 of clip(i, 0, 10) = 0+1+…+9 + 90·10 = 945
            #expect(s.eval("t = 0; for i in range(100) t = t + clip(i, low=0, high=10) end; t") == "945")
        }

        @Test func defaultsFillTheParametersASiteLeavesOut() {
            let s = Session()
            #expect(s.eval("max([1, 7, 3])") == "7")
            #expect(s.eval("max([[1, 7], [9, 3]], axis=0)") == "[9, 7]")
            #expect(s.eval("round(2.567, 2)") == s.eval("round(2.567, decimals=2)"))
        }

        @Test func badArgumentsKeepTheirMessages() {
            let s = Session()
            let wrongType = s.run("for i in range(2) clip(i, low=\"a\", high=1) end").diagnostic
            #expect(wrongType?.kind == .type)
            #expect(wrongType?.message == "clip() expects low to be a number, got string")
            let unknown = s.run("clip(1, lo=0, high=1)").diagnostic
            #expect(unknown?.message == "clip() has no parameter 'lo'")
            #expect(s.run("clip(1, 0, 1, low=0)").diagnostic?.message == "clip() got two values for 'low'")
            #expect(s.run("clip(1, 0, 1, 2)").diagnostic?.message == "clip() takes 3 arguments but 4 were given")
            #expect(s.run("clip(1, high=2)").diagnostic?.message == "clip() missing argument 'low'")
            // the first wrong argument in parameter order is the one reported
            #expect(s.run("clip(\"x\", low=\"a\", high=1)").diagnostic?.message
                    == "clip() expects x to be a tensor or number, got string")
        }

        @Test func aBuiltinNameRebindLaterIsCalledAsTheNewValue() {
            let s = Session()
            s.run("function f(x)\n return abs(x)\nend")
            #expect(s.eval("f(-2)") == "2")
            s.run("abs = x -> 42")
            #expect(s.eval("f(-2)") == "42")
            s.run("abs = 3")
            #expect(s.run("f(-2)").diagnostic?.message == "cannot call a value of type number")
        }

        @Test func aListOfNumbersStillBecomesATensorArgument() {
            let s = Session()
            s.run("l = []; l.append(3); l.append(-4)")
            #expect(s.eval("abs(l)") == "[3, 4]")
            #expect(s.eval("clip(l, low=0, high=1)") == "[1, 0]")
        }

        @Test func numbersGiveWhatOneElementTensorsGive() {
            let s = Session()
            for f in ["exp", "log", "sqrt", "abs", "sin", "tanh", "sigmoid", "softplus", "sign", "relu"] {
                #expect(s.eval("\(f)(0.7)") == s.eval("\(f)([0.7])[0]"), "\(f)")
            }
            #expect(s.eval("max(2, nan)") == "nan")
            #expect(s.eval("min(nan, 2)") == "nan")
            #expect(s.eval("max(-1, 3)") == "3")
            #expect(s.eval("min(-1, 3)") == "-1")
            #expect(s.eval("typeof(abs(-2))") == "\"number\"")
            #expect(s.eval("abs(true)") == "1")
        }

        @Test func methodsOfListsDictsTuplesAndTensorsBind() {
            let s = Session()
            s.run("d = {\"a\": 1}; l = [3, \"x\"]; t = (2, 1); X = [[1, 2], [3, 5]]")
            #expect(s.eval("d.get(\"a\", 0) + d.get(\"b\", 10)") == "11")
            #expect(s.eval("d.get(\"b\")") == "")
            #expect(s.eval("l.pop()") == "\"x\"")
            #expect(s.eval("t.sorted()") == "[1, 2]")
            #expect(s.eval("X.mean(axis=0)") == "[2.0, 3.5]")
            #expect(s.eval("X.sum()") == "11")
            #expect(s.run("X.mean(axs=0)").diagnostic?.message == "mean() has no parameter 'axs'")
            #expect(s.run("d.get()").diagnostic?.message == "get() missing argument 'key'")
            #expect(s.run("l.nope()").diagnostic?.message == "list has no method 'nope'")
            // a method call on a receiver of another kind each time through the same site
            #expect(s.eval("n = 0; for c in [[\"a\", \"b\"], (1, 2, 3), [\"c\"]] n = n + len(c.sorted()) end; n") == "6")
        }

        @Test func aLocalPlusAConstantArgumentIsComputedAtTheCall() {
            let s = Session()
            s.run("twice(x) = x * 2\ng(n) = twice(n + 0.5)")
            s.run("function down(n)\n if n <= 0\n return 0\n end\n return 1 + down(n - 1)\nend")
            // 10 steps down to 0; (1 + 0.5) * 2 = 3
            #expect(s.eval("down(10)") == "10")
            #expect(s.eval("g(1)") == "3")
            #expect(s.run("g(\"a\")").diagnostic?.message == "unsupported operand types for +: string and number")
            s.run("twice(a, b) = a")
            #expect(s.run("g(1)").diagnostic?.message == "twice() missing argument 'b'")
        }

        @Test func interruptStopsALoopOfBoundCallsPromptly() {
            let s = Session()
            s.run("d = {1: 2}\nfunction down(n)\n if n <= 0\n return 0\n end\n return down(n - 1)\nend")
            let token = s.interpreter.interruption
            let done = Flag()
            let firstRequest = Date().addingTimeInterval(0.1)
            // The token is cleared when the chunk starts: keep asking until the loop stops.
            Thread.detachNewThread {
                Thread.sleep(until: firstRequest)
                while !done.isSet {
                    token.request()
                    Thread.sleep(forTimeInterval: 0.005)
                }
            }
            let d = s.run("while true x = clip(1, low=0, high=2) + d.get(1, 0) + down(20) end").diagnostic
            done.set()
            #expect(d?.kind == .interrupted)
            // The issue asks for 100 ms; the margin is for a loaded test machine.
            #expect(Date().timeIntervalSince(firstRequest) < 0.5)
        }

        @Test func tailPositionReturnsMatchTheStatementForm() {
            let s = Session()
            s.run("""
            function classify(x)
                if x < 0
                    return "negative"
                elif x == 0
                    return "zero"
                end
                if x > 100
                    y = "large"
                else
                    return "small"
                end
                return y
            end
            function first_over(xs, limit)
                for x in xs
                    if x > limit
                        return x
                    end
                end
            end
            function nothing_back(x)
                x = x + 1
            end
            function early(x)
                if x > 0
                    print("positive")
                    return 1
                end
                return 0
            end
            """)
            #expect(s.eval("classify(-1)") == "\"negative\"")
            #expect(s.eval("classify(0)") == "\"zero\"")
            #expect(s.eval("classify(5)") == "\"small\"")
            #expect(s.eval("classify(500)") == "\"large\"")
            #expect(s.eval("first_over([1, 5, 9], 4)") == "5")
            #expect(s.eval("typeof(first_over([1, 5, 9], 40))") == "\"nothing\"")
            #expect(s.eval("typeof(nothing_back(1))") == "\"nothing\"")
            #expect(s.run("early(2)").output == "positive\n1")
            #expect(s.eval("early(-2)") == "0")
            #expect(s.run("classify(\"a\")").diagnostic?.kind == .type)
        }
    }
}
