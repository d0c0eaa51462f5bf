import Glibc
import Testing
import Tensor
import Autodiff

/// Closed-form checks of first to third derivatives and of nesting.
struct HigherOrderTests {
    func d(_ y: Variable, _ x: Variable) throws -> Variable { try gradients(of: y, withRespect: [x])[0] }

    @Test func cubeHasDerivativesThreeXSquaredSixXAndSix() throws {
        let x = Variable.leaf(Tensor(3))
        let y = try x * x * x
        let d1 = try d(y, x), d2 = try d(d1, x), d3 = try d(d2, x)
        #expect(try d1.value.scalar() == 27)
        #expect(try d2.value.scalar() == 18)
        #expect(try d3.value.scalar() == 6)
    }

    @Test func thirdDerivativeOfSinIsMinusCos() throws {
        let x0 = 0.7
        let x = Variable.leaf(Tensor(x0))
        let y = x.unary(.sin)
        let d3 = try d(d(d(y, x), x), x)
        #expect(abs(try d3.value.scalar() - (-cos(x0))) < 1e-14)
    }

    /// grad(x -> x * grad(y -> x * y)(2))(3): the inner derivative is x, so the outer
    /// function is x², whose derivative at 3 is 6 (not 3, the perturbation-confused answer).
    @Test func nestedDerivativesDoNotConfuseTheirVariables() throws {
        let x = Variable.leaf(Tensor(3))
        let y = Variable.leaf(Tensor(2))
        let inner = try d(x * y, y)
        let outer = try d(x * inner, x)
        #expect(try outer.value.scalar() == 6)
    }

    @Test func independentCopyKeepsTheOuterLevelDifferentiable() throws {
        // grad(grad(f)) with f = x³: the inner level differentiates a copy of x.
        let x = Variable.leaf(Tensor(2))
        let inner = Variable.independent(x)
        let g = try d(inner * inner * inner, inner)
        #expect(try g.value.scalar() == 12)
        #expect(try d(g, x).value.scalar() == 12)
    }

    @Test func nonScalarOutputIsAnError() throws {
        let x = Variable.leaf(Tensor([1, 2]))
        #expect(throws: AutodiffError.nonScalarOutput(shape: [2])) { try gradients(of: x * x, withRespect: [x]) }
    }

    @Test func constantsBuildNoGraph() throws {
        let a = Variable(Tensor([1, 2])), b = Variable(Tensor([3, 4]))
        #expect(!(try a * b).requiresGradient)
        let x = Variable.leaf(Tensor(1))
        #expect(try d((a * b).sum(), x).value.scalar() == 0)
    }

    /// A chain as long as a language loop makes: backward and release must not
    /// recurse once per node (the default release did, and overflowed the stack).
    @Test func longChainDifferentiatesAndReleasesWithoutRecursion() throws {
        let x = Variable.leaf(Tensor(1))
        var s = Variable(0)
        for _ in 0..<50_000 { s = try s + x }
        #expect(try d(s, x).value.scalar() == 50_000)
        s = Variable(0)
    }

    /// Comparisons have no derivative: their 0/1 result is a constant even on a graph.
    @Test func comparisonsAreConstants() throws {
        let x = Variable.leaf(Tensor([1, 2])), y = Variable.leaf(Tensor([2, 1]))
        let ops: [BinaryOperation] = [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual]
        for op in ops {
            let c = try x.binary(op, y)
            #expect(!c.requiresGradient, "\(op)")
            #expect(try gradients(of: (c * x).sum(), withRespect: [y])[0].value.scalars == [0, 0])
        }
    }
}
