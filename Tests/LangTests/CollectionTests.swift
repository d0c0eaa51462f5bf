import Lang
import Testing

extension LangSuite {
    @Suite struct CollectionTests {
        @Test func dictKeysCompleteAfterABracket() {
            let s = Session()
            s.run("cfg = {\"lr\": 0.1, \"lambda\": 2, \"epochs\": 5, 3: 4};")
            // readline breaks words at '"' and '[': the word is "l", the text before it `cfg["`
            #expect(s.interpreter.completions(for: "l", after: "x = cfg[\"") == ["lr\"]", "lambda\"]"])
            #expect(s.interpreter.completions(for: "", after: "cfg[") == ["\"lr\"]", "\"lambda\"]", "\"epochs\"]"])
            // not a dict: the ordinary completions
            s.run("v = [1, 2];")
            #expect(s.interpreter.completions(for: "l", after: "v[\"").contains("len"))
        }

        @Test func methodsCompleteAfterADot() {
            let s = Session()
            s.run("xs = []; d = {};")
            #expect(s.interpreter.completions(for: "xs.ap") == ["xs.append"])
            #expect(s.interpreter.completions(for: "d.it") == ["d.items"])
        }

        @Test func constantsHaveHelpAndCanBeRebound() {
            let s = Session()
            #expect(s.interpreter.help(for: "pi")?.contains("3.141592653589793") == true)
            #expect(s.interpreter.help(for: "enumerate")?.hasPrefix("enumerate(xs, start=0)") == true)
            #expect(s.eval("pi = 3; pi + 1") == "4")
            // a fresh session has them again
            s.interpreter.reset()
            #expect(s.eval("pi == 3.141592653589793") == "true")
        }

        @Test func mutationIsSeenThroughEveryAlias() {
            // CPython 3.11: a = [1]; b = a; c = {"k": a}; b.append(2); c["k"] -> [1, 2]
            let s = Session()
            s.run("a = [\"x\"]; b = a; c = {\"k\": a}; b.append(2); c[\"k\"].append(3);")
            #expect(s.eval("a") == "[\"x\", 2, 3]")
            #expect(s.eval("len(c[\"k\"])") == "3")
            // copies made by list() are not aliases
            #expect(s.eval("z = list(a); z.pop(); len(a)") == "3")
        }

        @Test(arguments: [
            ("elseif x > 0", "write 'elif' for 'elseif'"),
            ("def f(x):", "define a function with 'function name(x) ... end' or 'name(x) = expression'"),
            ("np.mean([1, 2])", "there are no modules: NumPy's functions are builtins here, so write 'mean(x)' for 'np.mean(x)'"),
            ("true || false", "write 'or' for '||'"),
            ("if x > 0:", "a block needs no ':'; it runs to its 'end'"),
        ])
        func otherLanguagesGetAHint(source: String, note: String) {
            let s = Session()
            s.run("x = 1;")
            let d = s.run(source).diagnostic
            #expect(d?.notes.contains(note) == true, "\(source): \(d?.notes ?? [])")
        }

        @Test func comprehensionInAFunctionUsesItsLocals() {
            let s = Session()
            s.run("function scaled(v, k)\n return [x * k for x in v if x > 0]\nend")
            #expect(s.eval("scaled([-1, 2, 3], 10)") == "[20, 30]")
            #expect(s.eval("x").hasPrefix("error: unknown name"))
        }
    }
}
