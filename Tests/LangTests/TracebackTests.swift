import Lang
import Testing

extension LangSuite {
    /// Errors inside functions are drawn where the function was written, with the
    /// calls that led there listed as Python lists them (innermost last).
    @Suite struct TracebackTests {
        /// Runs each chunk under its origin in one interpreter; the last one's diagnostic.
        private func failure(_ chunks: [(String, String)]) -> (Diagnostic?, String) {
            let interpreter = Interpreter()
            var last: Diagnostic?
            for (origin, text) in chunks { last = interpreter.run(text, origin: origin) }
            guard let (origin, text) = chunks.last else { return (nil, "") }
            return (last, last?.render(source: text, origin: origin, color: false) ?? "")
        }

        @Test func anErrorInAnEarlierEntrysFunctionIsDrawnAgainstThatEntry() {
            let (d, text) = failure([
                ("<repl 1>", "function f(v)\n    w = v * 2\n    return w @ [1, 2, 3]\nend"),
                ("<repl 2>", "a = 1\nf([1, 2])"),
            ])
            #expect(d?.source?.origin == "<repl 1>")
            // Line 3 of entry 1, where `@` is; the columns are counted by hand.
            #expect(text == """
            error: shape mismatch in @: (2,) and (3,)
             --> <repl 1>:3:12
              |
            3 |     return w @ [1, 2, 3]
              |            ^^^^^^^^^^^^^
            Traceback (most recent call last):
              File "<repl 2>", line 2, in <module>
                f([1, 2])
              File "<repl 1>", line 3, in f
                return w @ [1, 2, 3]
            """)
        }

        @Test func eachCallingFrameIsListedOutermostFirst() {
            let (d, _) = failure([
                ("cell 1", "inner(x) = x + nope"),
                ("cell 2", "function outer(x)\n    return inner(x) * 2\nend"),
                ("cell 3", "\nouter(1)"),
            ])
            let frames = d?.traceback.map { "\($0.source.origin):\($0.span.line) \($0.function)" }
            #expect(frames == ["cell 3:2 <module>", "cell 2:2 outer", "cell 1:1 inner"])
            #expect(d?.message == "unknown name 'nope'")
            #expect(d?.location(in: "").line == 1 && d?.location(in: "").column == 16)
        }

        @Test func aRecursionIsFoldedIntoOneRepeatedLine() {
            let (d, text) = failure([("t", "f(n) = f(n + 1)\nf(0)")])
            // 20 000 calls of f are running when the next cannot start: one line for
            // the innermost and 19 999 folded into it, then the top level's call.
            #expect(d?.traceback.count == 2)
            #expect(d?.traceback.last?.repeats == 19_999)
            #expect(text.hasSuffix("""
            Traceback (most recent call last):
              File "t", line 2, in <module>
                f(0)
              File "t", line 1, in f
                f(n) = f(n + 1)
              [Previous line repeated 19999 more times]
            """))
        }

        @Test func anErrorAtTheTopLevelHasNoTraceback() {
            let (d, text) = failure([("t", "x = [1, 2] + [1, 2, 3]")])
            #expect(d?.traceback.isEmpty == true)
            #expect(!text.contains("Traceback"))
        }

        @Test func aFunctionCalledByABuiltinIsAFrame() {
            let (d, _) = failure([
                ("cell 1", "function loss(w)\n    return sum(w^2) + undefined_thing\nend"),
                ("cell 2", "minimize(loss, [1.0, 2.0], SGD(lr=0.1), steps=3)"),
            ])
            #expect(d?.traceback.map(\.function) == ["<module>", "loss"])
            #expect(d?.source?.origin == "cell 1")
            #expect(d?.span.line == 2)
        }

        @Test func aSucceedingCallAfterAFailedOneCarriesNoOldFrames() {
            let interpreter = Interpreter()
            interpreter.run("f(x) = 1 / x + [1, 2] @ [1]", origin: "a")
            #expect(interpreter.run("f(1)", origin: "b")?.traceback.count == 2)
            #expect(interpreter.run("g(x) = x\ng(1) + [1, 2] @ [1]", origin: "c")?.traceback.isEmpty == true)
        }
    }

    /// A name that is not defined fails when its statement runs, not before.
    @Suite struct LateNameTests {
        @Test func statementsBeforeAnUnknownNameRunAndPrint() {
            let s = Session()
            let (out, d) = s.run("print(1)\nx = 2\ny = nope + x")
            #expect(out == "1\n2")
            #expect(d?.message == "unknown name 'nope'")
            #expect(d?.span.line == 3 && d?.location(in: "print(1)\nx = 2\ny = nope + x").column == 5)
        }

        @Test func anUnknownNameSuggestsANameDefinedEarlierInTheScript() {
            let s = Session()
            let d = s.run("learning_rate = 0.1\nprint(learning_rat)").diagnostic
            #expect(d?.notes.first == "did you mean 'learning_rate'?")
        }

        @Test func anUnknownKeywordFailsWhenItsCallRuns() {
            let s = Session()
            let (out, d) = s.run("print(\"before\")\nplot([1, 2], [3, 4], widht=30)")
            #expect(out == "before")
            #expect(d?.message == "plot() has no parameter 'widht'")
            #expect(d?.notes.first == "did you mean 'width'?")
            #expect(d?.span.line == 2)
        }

        @Test func aNameInABranchNotTakenIsNoError() {
            #expect(Session().run("if false\n    print(nope)\nend\n3").output == "3")
        }

        @Test func aCompoundAssignmentOfAnUnknownNameIsAnUnknownName() {
            #expect(Session().run("total += 1").diagnostic?.message == "unknown name 'total'")
        }

        @Test func aNameReadBeforeTheScriptAssignsItIsUsedBeforeAssignment() {
            #expect(Session().run("print(z)\nz = 1").diagnostic?.message == "'z' is used before it is assigned")
        }

        @Test func anotherLanguagesSpellingStillHints() {
            let d = Session().run("print(0)\nnp.zeros(3)").diagnostic
            #expect(d?.kind == .name)
            #expect(d?.notes.isEmpty == false)
        }
    }
}
