import Lang
import Testing

extension LangSuite {
    /// `abs(x)`, `max(x, y)`, `clip(x, low, high)` on numbers run their `NumberKernel` at the
    /// call site; everything else must still reach the builtin's body, unchanged.
    @Suite struct NumberCallTests {
        @Test func numbersGiveWhatTheBodyGives() {
            let s = Session()
            // NumPy: np.clip(15, 0, 10) == 10, np.maximum(2, nan) is nan, np.abs(-3.5) == 3.5
            #expect(s.eval("i = 15; [clip(i, low=0, high=10), clip(high=10, x=i, low=0), clip(i, 0, high=20)]") == "[10, 10, 15]")
            #expect(s.eval("i = -3.5; [abs(i), max(i, 2), max(y=i, x=-9), min(i, 2)]") == "[ 3.5,  2.0, -3.5, -3.5]")
            #expect(s.eval("max(2, nan)") == "nan")
            // the same calls through the general path (a callee that is not a name)
            #expect(s.eval("i = 15; [[clip][0](i, low=0, high=10), [max][0](y=-3.5, x=-9)]") == "[10.0, -3.5]")
        }

        @Test func otherArgumentsReachTheBody() {
            let s = Session()
            #expect(s.eval("x = [-1, 2]; abs(x)") == s.eval("[abs][0]([-1, 2])"))
            #expect(s.eval("x = [1, 5]; max(x, 3)") == s.eval("[max][0]([1, 5], 3)"))
            #expect(s.eval("clip(\"a\", 0, 1)") == s.eval("[clip][0](\"a\", 0, 1)"))
            #expect(s.eval("clip(\"a\", 0, 1)").hasPrefix("error: "))
            #expect(s.eval("clip(2, \"a\", 1)") == s.eval("[clip][0](2, \"a\", 1)"))
            #expect(s.eval("abs(true)") == s.eval("[abs][0](true)"))
            // a rebound name is called, not the builtin the site was compiled against
            #expect(s.eval("f(k) = abs(k); abs(x) = 42; f(-1)") == "42")
        }
    }
}
