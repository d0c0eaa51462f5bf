import Lang
import Testing

/// Element writes (in place, with value semantics) and boolean-mask indexing.
/// Expected tensors were computed once with NumPy, as noted at each case.
extension LangSuite {
    @Suite struct IndexAssignmentTests {
        @Test func loopOfElementWritesFillsTheTensor() {
            let s = Session()
            // sum(range(2000)) = 1999 · 2000 / 2
            s.run("x = zeros(2000);\nfor i in range(2000) x[i] = i end")
            #expect(s.eval("sum(x)") == "1999000")
            s.run("function f(n)\n z = zeros(n);\n for i in range(n) z[i] += 2 * i end\n return z\nend")
            #expect(s.eval("sum(f(100))") == "9900")
        }

        @Test func writesDoNotReachOtherHolders() {
            let s = Session()
            s.run("x = [1, 2, 3]; y = x; L = [x]; v = x[1:3];")
            s.run("x[1] = 20; x[x > 10] = 0;")
            #expect(s.eval("x") == "[1, 0, 3]")
            #expect(s.eval("y") == "[1, 2, 3]")
            #expect(s.eval("L[0]") == "[1, 2, 3]")
            #expect(s.eval("v") == "[2, 3]")
        }

        @Test func failedWriteLeavesTheTensorAsItWas() {
            let s = Session()
            s.run("x = [1, 2, 3];")
            #expect(s.eval("x[5] = 1") == "error: index 5 is out of range for axis 0 with size 3 (valid: -3 to 2)")
            #expect(s.eval("x[0] = \"a\"") == "error: cannot store a string in a tensor")
            #expect(s.eval("x[x > 1] = [7, 8, 9]") == "error: cannot assign a value of shape (3,) to the 2 selected elements (shape (2,))")
            #expect(s.eval("x") == "[1, 2, 3]")
        }

        @Test func targetIsReadBeforeTheIndex() {
            let s = Session()
            // The index rebinds x (a captured variable); the write goes to the tensor read
            // first, then stored back, as the copying evaluator did.
            s.run("""
            function make()
                x = [1, 2]
                function swap()
                    x = [5, 5]
                    return 0
                end
                x[swap()] = 9
                return x
            end
            """)
            #expect(s.eval("make()") == "[9, 2]")
        }

        @Test func oneElementIndexArrayGathers() {
            let s = Session()
            // NumPy: v = np.array([5., 6, 7]); v[[1]] is array([6.]), not the number 6.
            s.run("v = [5, 6, 7]; i = [1];")
            #expect(s.eval("v[i]") == "[6]")
            s.run("v[i] = 0;")
            #expect(s.eval("v") == "[5, 0, 7]")
        }

        @Test func maskOnAMatrix() {
            let s = Session()
            // a = np.arange(12.).reshape(3, 4) - 5; m = (a > -2) & (a < 3)  →  a[m] = [-1, 0, 1, 2]
            s.run("a = reshape(arange(12), 3, 4) - 5; m = (a > -2) * (a < 3);")
            #expect(s.eval("a[m]") == "[-1,  0,  1,  2]")
            // a[m] = 0 zeroes exactly the middle row
            s.run("a[m] = 0;")
            #expect(s.eval("a[1, :]") == "[0, 0, 0, 0]")
            #expect(s.eval("sum(a)") == "4")   // NumPy: a[m] = 0; a.sum() == 4.0
        }

        @Test(arguments: [
            ("[1, 2][[true, false, true]]", "a mask must have the shape of the axes it indexes: tensor (2,), mask (3,) at axis 0"),
            ("[1, 2][[0.5, 1]]", "an index must be an integer, got 0.5 at position 0 of the index array"),
            ("[1, 2][[1, 1], 0]", "too many indices: 2 for a tensor of rank 1 and shape (2,)"),
            ("x = [1, 2]; x[[1, 0, 2]] = 3", "index 2 is out of range for axis 0 with size 2 (valid: -2 to 1)"),
            ("x = zeros(2, 2); x[[true, false], [true, true, false]] = 3", "a mask must have the shape of the axes it indexes: tensor (2, 2), mask (3,) at axis 1"),
            ("x = zeros(2, 2); x[[[true, false]]] = 3", "a mask must have the shape of the axes it indexes: tensor (2, 2), mask (1, 2) at axis 0"),
        ])
        func maskErrors(_ source: String, _ message: String) {
            #expect(Session().eval(source) == "error: \(message)")
        }

        @Test func gradientFlowsToTheSelectedElements() {
            let s = Session()
            // d/dx Σ exp(x[x > 0]) = exp(x)·[x > 0]: at [1, -1, 0.5, 2] that is [e, 0, e^0.5, e^2].
            s.run("g = grad(x -> sum(exp(x[x > 0])), [1, -1, 0.5, 2]);")
            s.run("want = [exp(1), 0, exp(0.5), exp(2)];")
            #expect(s.eval("max(abs(g - want)) < 1e-12") == "true")
            // Finite differences agree too (the selection is constant near these points).
            s.run("c = gradcheck(x -> sum(x[x > 0]^3 * [1, 2, 3]), [[0.5, -1], [1.5, 2]]);")
            #expect(s.eval("c.passed") == "true")
        }

        @Test func variableSelectionMatchesTheTensorOneOnAScatteredMask() {
            let s = Session()
            // Many short runs exercise the recursive slicing; the closed form is 2·x·m.
            s.run("seed(3); m = rand(40, 25) > 0.5; x0 = randn(40, 25);")
            s.run("g = grad(x -> sum(x[m]^2), x0);")
            #expect(s.eval("max(abs(g - 2 * x0 * m)) == 0") == "true")
            s.run("y = value_and_grad(x -> sum(x[m] * arange(sum(m))), x0);")
            // The value is Σ_k x0[m][k]·k, computed from the plain tensor selection.
            #expect(s.eval("assert(abs(y[0] - sum(x0[m] * arange(sum(m)))) < 1e-9, \"differs\")") == "")
            // Its gradient is k at the k-th selected element, 0 elsewhere.
            #expect(s.eval("assert(max(abs(y[1][m] - arange(sum(m)))) == 0 and sum(abs(y[1][m == 0])) == 0, \"bad\")") == "")
        }
    }
}
