import Lang
import Testing

extension LangSuite {
    /// One case per error kind: message, kind and the caret's column, counted by hand
    /// from the source text.
    @Suite struct DiagnosticTests {
        @Test(arguments: [
            ("x = (1 + 2", Diagnostic.Kind.syntax, "expected ')' to close '(' at line 1 at end of input", 11),
            ("y = undefined_thing", .name, "unknown name 'undefined_thing'", 5),
            ("exp(1, 2, 3)", .argument, "exp() takes 1 argument but 3 were given", 8),
            ("mean([1, 2], axes=0)", .argument, "mean() has no parameter 'axes'", 14),
            ("[1, 2] + [1, 2, 3]", .shape, "shape mismatch in +: (2,) and (3,)", 1),
            ("v = [1, 2]; v[5]", .index, "index 5 is out of range for axis 0 with size 2 (valid: -2 to 1)", 13),
            ("\"a\" - 1", .type, "unsupported operand types for -: string and number", 1),
            ("inv([[1, 2], [2, 4]])", .math, "inv: matrix is singular", 1),
            ("g(n) = g(n)\ng(1)", .recursion, "maximum recursion depth exceeded (20000 calls) in 'g'", 8),
            ("zeros(100000, 100000, 100000)", .memory,
             "a tensor of shape (100000, 100000, 100000) needs 7.1 PiB (1000000000000000 elements), past the limit of 1073741824 elements (8.0 GiB) for one tensor", 1),
            ("assert(1 > 2, \"nope\")", .assertion, "nope", 1),
        ])
        func errorKind(_ source: String, _ kind: Diagnostic.Kind, _ message: String, _ column: Int) {
            let d = Interpreter().run(source, origin: "t")
            #expect(d?.kind == kind)
            #expect(d?.message == message)
            #expect(d?.location(in: source).column == column)
        }

        @Test func renderShowsOriginLineAndCaretUnderTheSpan() {
            let source = "a = 1\nb = a + nope\n"
            let d = Interpreter().run(source, origin: "cell 3")
            let text = d?.render(source: source, origin: "cell 3", color: false)
            #expect(text == """
            error: unknown name 'nope'
             --> cell 3:2:9
              |
            2 | b = a + nope
              |         ^^^^
            """)
        }

        @Test func renderAddsColourOnlyWhenAsked() {
            let d = Interpreter().run("1 +", origin: "x")
            #expect(d?.render(source: "1 +", origin: "x", color: false).contains("\u{1B}[") == false)
            #expect(d?.render(source: "1 +", origin: "x", color: true).contains("\u{1B}[") == true)
        }

        @Test func didYouMeanNote() {
            let d = Interpreter().run("mena([1, 2])", origin: "x")
            #expect(d?.notes.first == "did you mean 'mean'?")
        }

        @Test func didYouMeanCompletesAUniquePrefix() {
            // `hess` is three edits from `hessian`, too far for a typo, but only one builtin starts with it.
            #expect(Interpreter().run("hess", origin: "x")?.notes.first == "did you mean 'hessian'?")
            // `sof` starts both `softmax` and `softplus`: no guess.
            #expect(Interpreter().run("sof", origin: "x")?.notes.contains { $0.hasPrefix("did you mean") } == false)
        }
    }
}
