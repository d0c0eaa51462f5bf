import Testing
import Tensor

@Suite struct LinearAlgebraTests {
    // A symmetric positive definite matrix used by several tests.
    let a: Tensor

    init() throws { a = try matrix([[4, 1, 2], [1, 3, 0], [2, 0, 5]]) }

    @Test func matmulRulesAndTransposeIdentity() throws {
        let x = try Tensor.arange(0, 6).reshape([2, 3]), y = try Tensor.arange(0, 12).reshape([3, 4])
        let xy = try x.matmul(y)
        // np.arange(6).reshape(2,3) @ np.arange(12).reshape(3,4)
        #expect(xy.scalars == [20, 23, 26, 29, 56, 68, 80, 92])
        // (A @ B).T == B.T @ A.T, also through strided (transposed) operands.
        #expect(try xy.transposed().scalars == y.transposed().matmul(x.transposed()).scalars)
        #expect(try Tensor([1, 2, 3]).dot(Tensor([4, 5, 6])).scalar() == 32)
        #expect(try x.matmul(Tensor([1, 1, 1])).scalars == [3, 12])
        #expect(try Tensor([1, 1]).matmul(x).scalars == [3, 5, 7])
        #expect(try Tensor([1, 2]).outer(Tensor([3, 4, 5])).scalars == [3, 4, 5, 6, 8, 10])
        #expect(caught { try x.matmul(x) } == .shapeMismatch(op: "@", lhs: [2, 3], rhs: [2, 3]))
    }

    /// The product by the definition, Σ_k a[i, k] b[k, j], on the row-major elements.
    static func naiveProduct(_ a: Tensor, _ b: Tensor) -> [Double] {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let x = a.scalars, y = b.scalars
        var out = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for l in 0..<k { out[i * n + j] += x[i * k + l] * y[l * n + j] } } }
        return out
    }

    @Test func transposedAndStridedOperandsMatchTheDefinition() throws {
        let g = RandomGenerator(seed: 2)
        let p = try Tensor.randn([5, 7], using: g), q = try Tensor.randn([7, 4], using: g)
        let pt = try Tensor.randn([7, 5], using: g).transposed(), qt = try Tensor.randn([4, 7], using: g).transposed()
        let stepped = try Tensor.randn([10, 7], using: g).subscripted([.range(start: nil, stop: nil, step: 2)])
        for (a, b) in [(p, q), (pt, q), (p, qt), (pt, qt), (stepped, qt)] {
            #expect(close(try a.matmul(b).scalars, Self.naiveProduct(a, b), 1e-12))
            let v = try b.subscripted([.all, .at(1)])
            #expect(close(try a.matmul(v).scalars, Self.naiveProduct(a, try v.reshape([-1, 1])), 1e-12))
            let w = try a.subscripted([.at(2)])
            #expect(close(try w.matmul(b).scalars, Self.naiveProduct(try w.reshape([1, -1]), b), 1e-12))
        }
        #expect(try Tensor.zeros([0, 3]).matmul(Tensor.ones([3, 2])).shape == [0, 2])
        #expect(try Tensor.zeros([2, 0]).matmul(Tensor.ones([0, 2])).scalars == [0, 0, 0, 0])
    }

    @Test func inverseMatchesNumPy() throws {
        // np.linalg.inv(A)
        let expected = [0.3488372093023256, -0.11627906976744187, -0.13953488372093023,
                        -0.11627906976744187, 0.372093023255814, 0.04651162790697675,
                        -0.13953488372093023, 0.04651162790697675, 0.2558139534883721]
        #expect(close(try a.inverse().scalars, expected))
        #expect(close(try a.matmul(a.inverse()).scalars, try Tensor.eye(3).scalars))
    }

    @Test func solveHasSmallResiduals() throws {
        let g = RandomGenerator(seed: 11)
        let m = try Tensor.randn([50, 50], using: g), b = try Tensor.randn([50, 3], using: g)
        let x = try m.solve(b)
        let residual = try (m.matmul(x) - b).norm().scalar()
        #expect(residual < 1e-10 * (try b.norm().scalar()) * 1e3)
        let v = try m.solve(Tensor([Double](repeating: 1, count: 50)))
        #expect(v.shape == [50])
        #expect(try (m.matmul(v) - Tensor.ones([50])).norm().scalar() < 1e-9)
    }

    @Test func determinantAgainstClosedForms() throws {
        // 4(15) - 1(5) + 2(-6) = 43 by cofactor expansion
        #expect(close([try a.determinant().scalar()], [43]))
        // det [[a, b], [c, d]] = ad - bc; a row swap flips the sign.
        #expect(close([try matrix([[0, 2], [3, 1]]).determinant().scalar()], [-6]))
        #expect(try matrix([[1, 2], [2, 4]]).determinant().scalar() == 0)
        #expect(close([try Tensor.eye(4).binary(.multiply, Tensor(2)).determinant().scalar()], [16]))
    }

    @Test func errorsAreTyped() throws {
        let singular = try matrix([[1, 2], [2, 4]])
        #expect(caught { try singular.inverse() } == .singularMatrix(op: "inv"))
        #expect(caught { try singular.solve(Tensor([1, 1])) } == .singularMatrix(op: "solve"))
        let wide = try Tensor.ones([2, 3])
        #expect(caught { try wide.inverse() } == .notSquare(op: "inv", shape: [2, 3]))
        #expect(caught { try wide.determinant() }?.description == "det needs a square matrix, got shape (2, 3)")
        #expect(caught { try a.solve(Tensor([1, 2])) } == .shapeMismatch(op: "solve", lhs: [3, 3], rhs: [2]))
        #expect(caught { try Tensor([1, 2]).eigh() } != nil)
        let bad = try matrix([[1, .nan], [0, 1]])
        #expect(caught { try bad.inverse() } != nil)
    }

    @Test func eighReconstructs() throws {
        let (w, v) = try a.eigh()
        // np.linalg.eigh(A)[0]
        #expect(close(w.scalars, [1.854897308799577, 3.476023602918134, 6.669079088282288]))
        let rebuilt = try v.matmul(v.binary(.multiply, w).transposed())
        #expect(close(rebuilt.scalars, a.scalars, 1e-12))
        #expect(close(try v.transposed().matmul(v).scalars, try Tensor.eye(3).scalars, 1e-12))
    }

    @Test func svdReconstructs() throws {
        let x = try matrix([[1, 2], [3, 4], [5, 6]])
        let (u, s, vt) = try x.svd()
        #expect(u.shape == [3, 2] && s.shape == [2] && vt.shape == [2, 2])
        // np.linalg.svd(x, compute_uv=False)
        #expect(close(s.scalars, [9.525518091565107, 0.5143005806586443]))
        #expect(close(try u.binary(.multiply, s).matmul(vt).scalars, x.scalars, 1e-12))
        let (u2, s2, vt2) = try x.transposed().svd()
        #expect(close(try u2.binary(.multiply, s2).matmul(vt2).scalars, x.transposed().scalars, 1e-12))
    }

    @Test func pinvMatchesNormalEquations() throws {
        let x = try Tensor.randn([20, 4], using: RandomGenerator(seed: 5))
        let xt = x.transposed()
        let viaNormal = try xt.matmul(x).inverse().matmul(xt)
        #expect(close(try x.pinv().scalars, viaNormal.scalars, 1e-10))
        // A rank-deficient matrix: pinv(A) A pinv(A) = pinv(A).
        let r = try matrix([[1, 2], [2, 4]])
        let p = try r.pinv()
        #expect(close(try p.matmul(r).matmul(p).scalars, p.scalars, 1e-12))
    }

    @Test func lstsqFitsALine() throws {
        // np.linalg.lstsq([[1,0],[1,1],[1,2]], [1,2,4]) == [0.8333333333333333, 1.4999999999999998]
        let design = try matrix([[1, 0], [1, 1], [1, 2]])
        #expect(close(try design.lstsq(Tensor([1, 2, 4])).scalars, [0.8333333333333333, 1.5]))
        // Underdetermined: the minimum-norm solution of x + y = 2 is (1, 1).
        #expect(close(try matrix([[1, 1]]).lstsq(Tensor([2])).scalars, [1, 1]))
        #expect(try design.lstsq(matrix([[1, 0], [2, 0], [4, 0]])).shape == [2, 2])
    }
}
