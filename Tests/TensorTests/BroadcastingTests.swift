import Testing
import Tensor

@Suite struct BroadcastingTests {
    static let shapeCases: [([Int], [Int], [Int])] = [
        ([2, 3], [3], [2, 3]),
        ([4, 1], [1, 5], [4, 5]),
        ([2, 1, 3], [4, 1], [2, 4, 3]),
        ([], [2, 2], [2, 2]),
        ([0, 3], [1, 3], [0, 3]),
    ]

    @Test(arguments: shapeCases)
    func shapesBroadcastLikeNumPy(_ lhs: [Int], _ rhs: [Int], _ expected: [Int]) throws {
        let x = try Tensor.ones(lhs), y = try Tensor.ones(rhs)
        let z = try x + y
        #expect(z.shape == expected)
        #expect(z.scalars.allSatisfy { $0 == 2 })
    }

    @Test func mismatchNamesBothShapes() {
        let e = caught { try Tensor.ones([2, 3]) + Tensor.ones([4]) }
        #expect(e?.description == "shape mismatch in +: (2, 3) and (4,)")
    }

    @Test func rowAndColumnBroadcastValues() throws {
        let m = try matrix([[1, 2, 3], [4, 5, 6]])
        // m + [10, 20, 30] and m * [[2], [3]] (NumPy)
        #expect(try (m + Tensor([10, 20, 30])).scalars == [11, 22, 33, 14, 25, 36])
        #expect(try (m * matrix([[2], [3]])).scalars == [2, 4, 6, 12, 15, 18])
        #expect(try (Tensor(1) - m).scalars == [0, -1, -2, -3, -4, -5])
        #expect(try (m.transposed() / Tensor([1, 2])).scalars == [1, 2, 2, 2.5, 3, 3])
    }

    @Test func comparisonsAndPowerElementwise() throws {
        let x = Tensor([-1, 0, 2])
        #expect(try x.binary(.greater, Tensor(0)).scalars == [0, 0, 1])
        #expect(try x.binary(.equal, Tensor([-1, 1, 2])).scalars == [1, 0, 1])
        #expect(try x.binary(.power, Tensor(3)).scalars == [-1, 0, 8])
        #expect(try x.binary(.maximum, Tensor([0, -5, 3])).scalars == [0, 0, 3])
    }

    @Test func sumToShapeInvertsBroadcasting() throws {
        let g = try Tensor.ones([2, 3, 4])
        #expect(try g.sumToShape([3, 1]).scalars == [8, 8, 8])
        #expect(try g.sumToShape([]).scalar() == 24)
    }

    @Test func mathFunctionsMatchLibm() throws {
        let x = Tensor([-2, -0.5, 0, 0.5, 3])
        // Values from Python's math module: exp, tanh, 1/(1+exp(-x)).
        #expect(close(x.unary(.exp).scalars, [0.1353352832366127, 0.6065306597126334, 1, 1.6487212707001282, 20.085536923187668], 1e-15))
        #expect(close(x.unary(.tanh).scalars, [-0.9640275800758169, -0.46211715726000974, 0, 0.46211715726000974, 0.9950547536867305], 1e-15))
        #expect(close(x.unary(.sigmoid).scalars, [0.11920292202211755, 0.3775406687981454, 0.5, 0.6224593312018546, 0.9525741268224334], 1e-15))
        #expect(x.unary(.relu).scalars == [0, 0, 0, 0.5, 3])
        #expect(x.clip(-1, 1).scalars == [-1, -0.5, 0, 0.5, 1])
        #expect(x.leakyRelu(alpha: 0.1).scalars == [-0.2, -0.05, 0, 0.5, 3])
        // elu(-2) = e^-2 - 1
        #expect(close(x.elu().scalars, [0.1353352832366127 - 1, 0.6065306597126334 - 1, 0, 0.5, 3], 1e-15))
    }

    @Test func whereSelectsWithBroadcasting() throws {
        let c = Tensor([1, 0, 1])
        #expect(try Tensor.where(c, Tensor([1, 2, 3]), Tensor(-1)).scalars == [1, -1, 3])
        #expect(caught { try Tensor.where(c, Tensor([1, 2]), Tensor(0)) } != nil)
    }
}
