import Testing
import Symbolic

@Suite struct MatrixTests {
    let a = try! SymbolicMatrix(rows: 2, columns: 2, entries: [x, q(1), q(1), y])

    /// Expected values from SymPy 1.14: Matrix([[x, 1], [1, y]]).det(), .inv().
    @Test func determinantInverseSolve() throws {
        #expect(try a.determinant().description == "x*y - 1")
        let inv = try a.inverse()
        #expect(inv.entries.map(\.description) == ["y/(x*y - 1)", "-1/(x*y - 1)", "-1/(x*y - 1)", "x/(x*y - 1)"])
        let identity = try a.matmul(inv).map { $0.simplify() }
        #expect(identity.entries == [q(1), q(0), q(0), q(1)])
        let b = try SymbolicMatrix(rows: 2, columns: 1, entries: [q(1), q(2)])
        let sol = try a.solve(b)
        let back = try a.matmul(sol).map { $0.simplify() }
        #expect(back.entries == b.entries)
    }

    @Test func singularAndShapeErrors() throws {
        let s = try SymbolicMatrix(rows: 2, columns: 2, entries: [x, y, q(2) * x, q(2) * y])
        #expect(errorMessage { try s.inverse() } == "inv: the matrix is singular (its determinant is 0)")
        #expect(errorMessage { try s.solve(s) } == "solve: the matrix is singular (its determinant is 0)")
        let r = try SymbolicMatrix(rows: 1, columns: 2, entries: [x, y])
        #expect(errorMessage { try r.determinant() } == "det: the matrix is 1 × 2, not square")
        #expect(errorMessage { try a + r } == "shapes 2 × 2 and 1 × 2 do not match for '+'")
        #expect(errorMessage { try SymbolicMatrix(rows: 2, columns: 2, entries: [x]) } != nil)
    }

    @Test func arithmeticAndTranspose() throws {
        let t = try SymbolicMatrix(rows: 1, columns: 2, entries: [x, y])
        #expect(try t.matmul(t.transposed).entries == [x * x + y * y])
        #expect((q(2) * a).entries == [q(2) * x, q(2), q(2), q(2) * y])
        #expect(try (a - a).entries == [q(0), q(0), q(0), q(0)])
        #expect(a.description == "[[x, 1],\n [1, y]]")
    }

    /// A 3 × 3 determinant against the permutation (Leibniz) formula.
    @Test func threeByThreeDeterminant() throws {
        let e = (0..<9).map { Expr.symbol("a\($0)") }
        let m = try SymbolicMatrix(rows: 3, columns: 3, entries: e)
        let leibniz = e[0] * e[4] * e[8] - e[0] * e[5] * e[7] - e[1] * e[3] * e[8]
            + e[1] * e[5] * e[6] + e[2] * e[3] * e[7] - e[2] * e[4] * e[6]
        #expect(try m.determinant() == leibniz)
    }

    @Test func gradientHessianJacobian() throws {
        let w1 = Expr.symbol("w1"), w2 = Expr.symbol("w2")
        let e = q(1, 2) * (w1 * x + w2 * y - q(1)).power(q(2))
        let g = try gradient(e, ["w1", "w2"])
        #expect(g.rows == 2)
        #expect(g.columns == 1)
        #expect(g.entries.map(\.description) == ["x*(w1*x + w2*y - 1)", "y*(w1*x + w2*y - 1)"])
        #expect(try hessian(e, ["w1", "w2"]).entries == [x * x, x * y, x * y, y * y])
        let j = try jacobian([x * y, x + y], ["x", "y"])
        #expect(j.entries == [y, x, q(1), q(1)])
        #expect(errorMessage { try gradient(e, []) } == "gradient: no variables given")
    }
}
