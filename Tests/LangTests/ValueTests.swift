import Lang
import Testing

extension LangSuite {
    @Suite struct ValueTests {
        /// The evaluator copies values constantly; the design keeps them 16 bytes wide.
        @Test func valueIsSixteenBytes() {
            #expect(MemoryLayout<Value>.stride == 16)
        }

        /// Numbers and tensors mixed with a Variable are lifted to constants: the
        /// derivative of 3x + 2 sin(x) + sum([1, 2] * x) at 0 is 3 + 2 cos 0 + 3 = 8.
        @Test func arithmeticLiftsOperandsOfVariables() {
            let s = Session()
            #expect(s.eval("grad(x -> 3 * x + 2 * sin(x) + sum([1, 2] * x), 0)") == "8")
        }

        /// d/dx of max(x, 1) + clip(x, 0, 10) + mean(exp([x, x])) at x = 2: 1 + 1 + e² (by hand).
        @Test func builtinsTakeTheirVariablePaths() {
            let s = Session()
            s.run("precision(9)")
            #expect(s.eval("grad(x -> max(x, 1) + clip(x, 0, 10) + mean(exp([x, x])), 2)") == "9.389056099")
        }
    }
}
