import Foundation
import Lang
import Testing

extension LangSuite {
    @Suite struct EvaluatorTests {
        @Test func closuresCaptureByReference() {
            let s = Session()
            s.run("""
            function make()
                count = 0
                inc = () -> count + 1
                count = 41
                return inc
            end
            f = make();
            """)
            // the lambda sees the variable, not its value when it was made: 41 + 1
            #expect(s.eval("f()") == "42")
        }

        @Test func nestedClosuresReachGrandparentVariables() {
            let s = Session()
            s.run("function outer(a)\n function middle()\n return () -> a * 2\n end\n return middle()\nend")
            #expect(s.eval("outer(21)()") == "42")
        }

        @Test func ifForWhileShareTheEnclosingScope() {
            let s = Session()
            #expect(s.eval("for i in range(3) last = i end; last") == "2")
            #expect(s.eval("if true inner = 5 end; inner") == "5")
        }

        @Test func functionBodiesBindGlobalsLate() {
            let i = Interpreter()
            var shown: [String] = []
            i.outputHandler = { if case .text(let s) = $0 { shown.append(s) } }
            // two chunks: f names g before any entry defines it
            #expect(i.run("f(x) = g(x) + 1;", origin: "a") == nil)
            #expect(i.run("g(x) = 2 * x;\nf(1)", origin: "b") == nil)
            #expect(shown.last == "3")
        }

        @Test func lateGlobalStillUndefinedIsUnknownAtTheCall() {
            let s = Session()
            s.run("value = 1")
            #expect(s.run("h() = valeu + 1;").diagnostic == nil)
            let d = s.run("h()").diagnostic
            #expect(d?.kind == .name)
            #expect(d?.message == "unknown name 'valeu'")
            #expect(d?.notes.contains("did you mean 'value'?") == true)
            #expect(d?.span.start == 6 && d?.span.end == 11)
            // a top-level statement fails the same way when it runs
            #expect(s.run("y = nope + 1").diagnostic?.message == "unknown name 'nope'")
        }

        @Test func functionLocalsDoNotLeak() {
            let s = Session()
            s.run("function f()\n secret = 1\n return secret\nend\nf();")
            #expect(s.eval("secret").hasPrefix("error: unknown name"))
        }

        @Test func recursionSumMatchesClosedForm() {
            let s = Session()
            s.run("tri(n) = n == 0 and 0 or n + tri(n - 1)")
            // and/or give booleans, so use an explicit function instead
            s.run("function tri2(n)\n if n == 0\n return 0\n end\n return n + tri2(n - 1)\nend")
            // n(n+1)/2 for n = 5000
            #expect(s.eval("tri2(5000)") == "12502500")
        }

        @Test func deepRecursionIsAnErrorNotACrash() {
            let s = Session()
            let d = s.run("f(n) = f(n + 1)\nf(0)").diagnostic
            #expect(d?.kind == .recursion)
            // the session still works afterwards
            #expect(s.eval("1 + 1") == "2")
        }

        @Test func variablesSurviveAnError() {
            let s = Session()
            s.run("w = [1, 2]")
            #expect(s.run("w + [1, 2, 3]").diagnostic?.kind == .shape)
            #expect(s.eval("w") == "[1, 2]")
        }

        @Test func variablesListNamesTypesAndShapes() {
            let s = Session()
            s.run("a = 1; M = zeros(2, 3); f(x) = x")
            let vars = s.interpreter.variables
            #expect(vars.map(\.name) == ["a", "M", "f"])
            #expect(vars[1].type == "tensor" && vars[1].shape == "(2, 3)")
            #expect(vars[2].type == "function")
        }

        @Test func resetForgetsVariables() {
            let s = Session()
            s.run("a = 1")
            s.interpreter.reset()
            #expect(s.eval("a").hasPrefix("error: unknown name"))
            #expect(s.interpreter.variables.isEmpty)
        }

        @Test func completionsOfNamesKeywordsAndAttributes() {
            let s = Session()
            s.run("matrix = eye(2)")
            let c = s.interpreter.completions(for: "ma")
            #expect(c.contains("matrix") && c.contains("max"))
            #expect(s.interpreter.completions(for: "whi") == ["while"])
            #expect(s.interpreter.completions(for: "matrix.sh") == ["matrix.shape"])
        }

        @Test func helpShowsSignatureDocAndExample() {
            let h = Interpreter().help(for: "sum")
            #expect(h?.hasPrefix("sum(x, axis=nothing, keepdims=false)") == true)
            #expect(h?.contains("example:") == true)
            #expect(Interpreter().help(for: "no_such_thing") == nil)
        }

        @Test func printShowsStringsRawAndPrecisionApplies() {
            let s = Session()
            #expect(s.run("print(\"pi is\", 3.14159265)").output == "pi is 3.141593")
            s.run("precision(3)")
            #expect(s.eval("1/3") == "0.333")
        }

        @Test func seedMakesRandomNumbersRepeat() {
            let s = Session()
            let a = s.eval("seed(7); rand(3)")
            let b = s.eval("seed(7); rand(3)")
            #expect(a == b)
            #expect(a != s.eval("rand(3)"))
        }

        @Test func interruptStopsALongLoopAndKeepsVariables() {
            let s = Session()
            s.run("kept = 5")
            let token = s.interpreter.interruption
            // The interpreter clears its token when the chunk starts, which may come after
            // the first request: keep asking until the loop has stopped.
            let done = Flag()
            Thread.detachNewThread {
                Thread.sleep(forTimeInterval: 0.1)
                while !done.isSet {
                    token.request()
                    Thread.sleep(forTimeInterval: 0.01)
                }
            }
            let started = Date()
            let d = s.run("i = 0; while true i += 1 end").diagnostic
            done.set()
            #expect(d?.kind == .interrupted)
            #expect(Date().timeIntervalSince(started) < 5)
            #expect(s.eval("kept") == "5")
            #expect(s.eval("i > 0") == "true")
        }

        @Test func listsHoldMixedValues() {
            let s = Session()
            #expect(s.eval("l = [1, \"a\", [1, 2]]; len(l)") == "3")
            #expect(s.eval("l[1]") == "\"a\"")
            #expect(s.eval("typeof(l)") == "\"list\"")
        }

        @Test func iteratingAMatrixGivesRows() {
            #expect(Session().eval("r = 0; for row in [[1, 2], [3, 4]] r += sum(row) * row[0] end; r") == "24")
        }
    }
}

/// A flag one thread sets and another polls.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
