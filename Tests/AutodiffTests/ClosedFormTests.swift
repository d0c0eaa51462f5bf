import Glibc
import Testing
import Tensor
import Autodiff

/// Hessians, Jacobians and routing rules against closed forms.
struct ClosedFormTests {
    /// Hessian of ½wᵀAw − bᵀw is A (for symmetric A), exactly.
    @Test func hessianOfQuadraticIsItsMatrix() throws {
        let a = try Tensor(shape: [3, 3], values: [4, 1, 0.5, 1, 3, -1, 0.5, -1, 2])
        let b = Variable(Tensor([1, -2, 0.5]))
        let h = try hessian(of: { w in try w.matmul(Variable(a).matmul(w)) * 0.5 - b.dot(w) }, at: Variable(Tensor([0.3, -0.2, 1.1])))
        #expect(h.shape == [3, 3])
        #expect(worstError(h.value.scalars, a.scalars) < 1e-14)
    }

    /// Hessian of log Σ exp(x) is diag(p) − ppᵀ with p = softmax(x).
    @Test func hessianOfLogSumExpIsDiagPMinusPPTransposed() throws {
        let x0 = [0.2, -1.0, 0.7, 1.5]
        let z = x0.map { exp($0) }.reduce(0, +)
        let p = x0.map { exp($0) / z }
        var expected = [Double]()
        for i in 0..<4 { for j in 0..<4 { expected.append((i == j ? p[i] : 0) - p[i] * p[j]) } }
        let h = try hessian(of: { x in x.exp().sum().log() }, at: Variable(Tensor(x0)))
        #expect(worstError(h.value.scalars, expected) < 1e-14)
    }

    @Test func jacobianOfLinearMapIsItsMatrix() throws {
        let m = try Tensor(shape: [2, 3], values: [1, 2, 3, -4, 5, 0.5])
        let j = try jacobian(of: { x in try Variable(m).matmul(x) }, at: Variable(Tensor([0.1, 0.2, 0.3])))
        #expect(j.shape == [2, 3])
        #expect(j.value.scalars == m.scalars)
    }

    @Test func broadcastGradientsReduceToTheInputShape() throws {
        let row = Variable.leaf(Tensor([1, 2, 3]))
        let column = Variable.leaf(try Tensor(shape: [2, 1], values: [10, 20]))
        let s = Variable.leaf(Tensor(2))
        let y = try ((row * column) * s).sum()
        let g = try gradients(of: y, withRespect: [row, column, s])
        #expect(g[0].shape == [3] && g[0].value.scalars == [60, 60, 60])   // s·(10 + 20)
        #expect(g[1].shape == [2, 1] && g[1].value.scalars == [12, 12])   // s·(1 + 2 + 3)
        #expect(g[2].shape == [] && g[2].value.scalars == [180])          // Σ row·column
    }

    /// Ties go to the first operand (maximum) and to the first extreme element (max reduction).
    @Test func maxRoutesTheGradientToTheFirstOfEqualInputs() throws {
        let a = Variable.leaf(Tensor([1, 5, 3])), b = Variable.leaf(Tensor([1, 2, 4]))
        let g = try gradients(of: a.binary(.maximum, b).sum(), withRespect: [a, b])
        #expect(g[0].value.scalars == [1, 1, 0])
        #expect(g[1].value.scalars == [0, 0, 1])
        let x = Variable.leaf(try Tensor(shape: [2, 3], values: [2, 7, 7, 4, 4, 1]))
        #expect(try gradients(of: x.max(), withRespect: [x])[0].value.scalars == [0, 1, 0, 0, 0, 0])
        #expect(try gradients(of: x.max(axis: 1).sum(), withRespect: [x])[0].value.scalars == [0, 1, 0, 1, 0, 0])
        #expect(try gradients(of: x.min(axis: 0).sum(), withRespect: [x])[0].value.scalars == [1, 0, 0, 0, 1, 1])
    }

    @Test func whereSendsEachGradientToTheChosenBranch() throws {
        let a = Variable.leaf(Tensor([1, 2, 3])), b = Variable.leaf(Tensor([4, 5, 6]))
        let y = try Variable.where(Tensor([1, 0, 1]), a * a, b * 3).sum()
        let g = try gradients(of: y, withRespect: [a, b])
        #expect(g[0].value.scalars == [2, 0, 6])
        #expect(g[1].value.scalars == [0, 3, 0])
    }

    /// relu'(0) = 0 and abs'(0) = 0, the documented subgradients.
    @Test func kinksUseTheDocumentedSubgradients() throws {
        let x = Variable.leaf(Tensor([0, 0]))
        #expect(try gradients(of: x.unary(.relu).sum(), withRespect: [x])[0].value.scalars == [0, 0])
        #expect(try gradients(of: x.unary(.abs).sum(), withRespect: [x])[0].value.scalars == [0, 0])
    }

    @Test func unusedTargetGetsZerosOfItsShape() throws {
        let x = Variable.leaf(Tensor(2)), w = Variable.leaf(Tensor([1, 2]))
        let g = try gradients(of: x * x, withRespect: [x, w])
        #expect(g[1].shape == [2] && g[1].value.scalars == [0, 0])
    }

    /// grad(grad(grad(f))) through the Swift API: f = x⁴ gives 24x at the third level.
    @Test func gradientOfGradientOfGradient() throws {
        let f: (Variable) throws -> Variable = { x in try x * x * x * x }
        let g1: (Variable) throws -> Variable = { try gradient(of: f, at: $0) }
        let g2: (Variable) throws -> Variable = { try gradient(of: g1, at: $0) }
        #expect(try gradient(of: g2, at: Variable(Tensor(1.5))).value.scalar() == 36)
    }

    /// The same perturbation-confusion case through the function API.
    @Test func nestedGradientFunctionsKeepTheirLevels() throws {
        let outer = try gradient(of: { x in
            try x * gradient(of: { y in try x * y }, at: Variable(Tensor(2)))
        }, at: Variable(Tensor(3)))
        #expect(try outer.value.scalar() == 6)
    }

    /// Hessians stay differentiable under an outer derivative: for f = Σx⁴/12 the
    /// Hessian is diag(x²), so d/dx Σ H(x) = 2x (the batched sweep on the graph).
    @Test func hessianIsDifferentiableAgain() throws {
        let f: (Variable) throws -> Variable = { x in try (x * x * x * x).sum() / 12 }
        let g = try gradient(of: { x in try hessian(of: f, at: x).sum() }, at: Variable(Tensor([1, -2, 0.5])))
        #expect(worstError(g.value.scalars, [2, -4, 1]) < 1e-14)
    }

    /// Jacobians of a function that closes over an outer variable stay on the graph:
    /// d/da Σ J(x ↦ a·x²) = d/da Σ 2a·x = 2Σx.
    @Test func jacobianThroughAClosureOverAnOuterVariable() throws {
        let x0 = Variable(Tensor([1, 2, 3]))
        let g = try gradient(of: { a in try jacobian(of: { x in try a * x * x }, at: x0).sum() }, at: Variable(Tensor(0.7)))
        #expect(abs(try g.value.scalar() - 12) < 1e-14)
    }

    @Test func gradientCheckAgreesOnSmoothFunctionAndFlagsAWrongOne() throws {
        let x = Tensor([0.3, -0.7, 1.2])
        let good = try gradientCheck(of: { v in try (v.unary(.sin) * v).sum() }, at: x)
        #expect(good.passed() && good.maxAbsoluteError < 1e-8)
        // A function whose reverse-mode gradient is wrong by design: detach cuts a path.
        let bad = try gradientCheck(of: { v in try (v * v.detached).sum() }, at: x)
        #expect(!bad.passed())
        #expect(abs(bad.maxAbsoluteError - 1.2) < 1e-6)   // the missing term x at x = 1.2
    }

    /// Taylor coefficients of exp at 0 are 1/i!; of sin at x0 they follow its derivatives.
    @Test func taylorCoefficientsAreDerivativesOverFactorials() throws {
        let e = try TaylorModel(of: { $0.exp() }, at: Tensor(0), order: 5)
        let expected = [1.0, 1, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120]
        #expect(worstError(try e.coefficients.map { try $0.scalar() }, expected) < 1e-15)
        let x0 = 0.4
        let s = try TaylorModel(of: { $0.unary(.sin) }, at: Tensor(x0), order: 3)
        let closed = [sin(x0), cos(x0), -sin(x0) / 2, -cos(x0) / 6]
        #expect(worstError(try s.coefficients.map { try $0.scalar() }, closed) < 1e-15)
        // The model evaluated near x0 is within the next term's size of sin.
        let near = try s(Variable(Tensor(x0 + 0.1))).value.scalar()
        #expect(abs(near - sin(x0 + 0.1)) < 1e-5)
    }

    @Test func quadraticTaylorModelOfAQuadraticIsExact() throws {
        let a = try Tensor(shape: [2, 2], values: [3, 1, 1, 2])
        let f: (Variable) throws -> Variable = { w in try w.matmul(Variable(a).matmul(w)) * 0.5 + w.sum() }
        let model = try TaylorModel(of: f, at: Tensor([1, -1]), order: 2)
        let x = Variable(Tensor([0.25, 2]))
        #expect(abs(try model(x).value.scalar() - f(x).value.scalar()) < 1e-13)
        #expect(model.coefficients[2].scalars == a.scalars)
    }
}

/// Indexing and linear algebra against closed forms.
struct IndexingAndLinearAlgebraTests {
    @Test func indexingSendsTheGradientToTheSelectedElementsOnly() throws {
        let x = Variable.leaf(try Tensor(shape: [2, 3], values: [1, 2, 3, 4, 5, 6]))
        let y = try (x.subscripted([.at(1), .range(start: 1, stop: nil, step: nil)]) * Variable(Tensor([10, 20]))).sum()
        #expect(try gradients(of: y, withRespect: [x])[0].value.scalars == [0, 0, 0, 0, 10, 20])
    }

    /// d det(A)/dA = det(A) A⁻ᵀ; for A = [[2, 1], [1, 3]] that is [[3, -1], [-1, 2]].
    @Test func determinantGradientIsTheCofactorMatrix() throws {
        let a = Variable.leaf(try Tensor(shape: [2, 2], values: [2, 1, 1, 3]))
        #expect(try gradients(of: a.determinant(), withRespect: [a])[0].value.scalars == [3, -1, -1, 2])
    }

    @Test func determinantGradientAtASingularMatrixIsAClearError() throws {
        let a = Variable.leaf(try Tensor(shape: [2, 2], values: [1, 2, 2, 4]))
        #expect(throws: AutodiffError.self) { try gradients(of: a.determinant(), withRespect: [a]) }
    }
}
