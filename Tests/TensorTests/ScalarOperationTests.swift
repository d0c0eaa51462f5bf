import Testing
import Tensor

/// The one-number forms the interpreter uses for a number argument must give exactly
/// what the tensor kernels give a one-element tensor (the language's results must not
/// depend on whether a value is a number or a 1-element tensor).
@Suite struct ScalarOperationTests {
    static let inputs: [Double] = (0..<401).map { -20 + 40 * Double($0) / 400 } +
        [0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 1e-300, -1e-300, 1e300, 700, 710, -745, -800,
         .infinity, -.infinity, .nan, .leastNonzeroMagnitude, .greatestFiniteMagnitude]

    /// Equal bit patterns, or both NaN.
    static func same(_ a: Double, _ b: Double) -> Bool {
        a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
    }

    @Test(arguments: UnaryOperation.allCases)
    func unaryMatchesTheTensorKernel(_ op: UnaryOperation) throws {
        for x in Self.inputs {
            let expected = Tensor([x]).unary(op).scalars[0]
            let scalarTensor = try Tensor(x).unary(op).scalar()
            #expect(Self.same(op.apply(x), expected), "\(op)(\(x)): \(op.apply(x)) against \(expected)")
            #expect(Self.same(op.apply(x), scalarTensor), "\(op)(\(x)) on a rank-0 tensor")
        }
    }

    @Test(arguments: [BinaryOperation.maximum, .minimum])
    func extremumMatchesTheTensorKernel(_ op: BinaryOperation) throws {
        let values: [Double] = [-1, 0, -0.0, 2, .nan, .infinity, -.infinity]
        for a in values {
            for b in values {
                let expected = try Tensor(a).binary(op, Tensor(b)).scalar()
                let actual = try #require(op.extremum(a, b))
                #expect(Self.same(actual, expected), "\(op)(\(a), \(b))")
            }
        }
        #expect(BinaryOperation.add.extremum(1, 2) == nil)
    }

    @Test func clipMatchesTheTensorKernel() throws {
        for x in Self.inputs {
            for (low, high) in [(0.0, 10.0), (-1, 1), (2, 1), (.nan, 1), (0, .nan)] {
                let expected = try Tensor(x).clip(low, high).scalar()
                #expect(Self.same(Tensor.clip(x, low, high), expected), "clip(\(x), \(low), \(high))")
            }
        }
    }
}
