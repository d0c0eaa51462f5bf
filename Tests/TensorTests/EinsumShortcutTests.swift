import Testing
import Tensor

/// The direct kernels behind `Tensor.einsum`'s common contractions must give what
/// the general plan (diagonals, sums, permutes, batched products) gives, on
/// contiguous and strided operands, and leave every mismatch to the plan's errors.
@Suite struct EinsumShortcutTests {
    /// Values with no pattern a wrong index could hide behind.
    static func values(_ shape: [Int], seed: Double) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor(shape: shape, values: (0..<n).map { i in ((Double(i) * 0.618 + seed).truncatingRemainder(dividingBy: 1) - 0.5) * 4 })
    }

    /// Checks the shortcut against the general plan: same shape, same values to rounding.
    static func agrees(_ spec: String, _ operands: [Tensor]) throws -> Bool {
        let fast = try Tensor.einsum(spec, operands)
        let general = try EinsumPlan(spec, shapes: operands.map(\.shape)).run(operands)
        return fast.shape == general.shape && close(fast.scalars, general.scalars, 1e-12)
    }

    @Test func everyShortcutMatchesTheGeneralPlan() throws {
        let m = try Self.values([5, 5], seed: 0.1), r = try Self.values([3, 5], seed: 0.2)
        let s = try Self.values([5, 4], seed: 0.3), u = try Self.values([5], seed: 0.4), v = try Self.values([3], seed: 0.5)
        let b1 = try Self.values([2, 3, 5], seed: 0.6), b2 = try Self.values([2, 5, 4], seed: 0.7)
        let cases: [(String, [Tensor])] = [
            ("i,i", [u, u]), ("i,i->", [u, u]), ("ij,ij->", [r, r]), ("i,j->ij", [u, v]), ("i,j", [u, v]),
            ("ij->ji", [r]), ("ji", [r]), ("ii", [m]), ("ii->", [m]), ("ii->i", [m]), ("i->", [u]), ("ij->", [r]),
            ("ij->i", [r]), ("ij->j", [r]), ("ij,jk->ik", [r, s]), ("ij,jk", [r, s]), ("ji,jk->ik", [s, s]),
            ("ij,kj->ik", [r, r]), ("ji,kj->ik", [s, r]), ("ij,j->i", [r, u]), ("j,jk->k", [u, s]),
            ("bij,bjk->bik", [b1, b2]), ("x y , y z -> x z", [r, s]), ("AB,BC->AC", [r, s]),
        ]
        for (spec, operands) in cases {
            #expect(try Self.agrees(spec, operands), "\(spec)")
        }
    }

    @Test func stridedOperandsTakeTheirStrides() throws {
        // Transposed and sliced views: the kernels read through strides or copy first.
        let m = try Self.values([6, 6], seed: 0.15).transposed()
        let column = try m.permuted([1, 0]).reshape([36]).contiguous()
        let r = try Self.values([4, 3], seed: 0.25).transposed()
        let wide = try Self.values([5, 4], seed: 0.35).transposed(), d = try m.diagonal(axis1: 0, axis2: 1)
        let cases: [(String, [Tensor])] = try [
            ("ii", [m]), ("ij->ji", [m]), ("ij->i", [r]), ("ij->j", [r]), ("ij,jk->ik", [r, wide]),
            ("i,i", [d, d]), ("i,j->ij", [d, column]), ("ij,ij->", [r, r]), ("bij,bjk->bik", [m.reshape([1, 6, 6]), m.reshape([1, 6, 6])]),
        ]
        for (spec, operands) in cases {
            #expect(try Self.agrees(spec, operands), "\(spec)")
        }
    }

    @Test func valuesFromNumPy() throws {
        let m = try matrix([[2, 0.3, -0.5], [0.1, 1.5, 0.4], [-0.2, 0.6, 3]])
        // np.einsum("ii", m), np.einsum("i,i", [1,2,3], [4,5,6]), np.einsum("ij,ij->", m, m)
        #expect(try Tensor.einsum("ii", [m]).scalar() == 6.5)
        #expect(try Tensor.einsum("i,i", [Tensor([1, 2, 3]), Tensor([4, 5, 6])]).scalar() == 32)
        #expect(close([try Tensor.einsum("ij,ij->", [m, m]).scalar()], [16.16]))
        // np.einsum("ij->ji", m).ravel(), np.einsum("ij->j", m), np.einsum("i,j->ij", [1, 2], [3, 4, 5]).ravel()
        #expect(try Tensor.einsum("ij->ji", [m]).scalars == [2, 0.1, -0.2, 0.3, 1.5, 0.6, -0.5, 0.4, 3])
        #expect(close(try Tensor.einsum("ij->j", [m]).scalars, [1.9000000000000001, 2.4, 2.9]))
        #expect(try Tensor.einsum("i,j->ij", [Tensor([1, 2]), Tensor([3, 4, 5])]).scalars == [3, 4, 5, 6, 8, 10])
    }

    @Test func emptyOperands() throws {
        // np.einsum("ii", np.zeros((0, 0))) == 0; np.einsum("i,j->ij", np.zeros(0), np.ones(3)).shape == (0, 3)
        #expect(try Tensor.einsum("ii", [Tensor(shape: [0, 0], repeating: 0)]).scalar() == 0)
        #expect(try Tensor.einsum("i,j->ij", [Tensor([]), Tensor([1, 2, 3])]).shape == [0, 3])
        #expect(try Tensor.einsum("i,i", [Tensor([]), Tensor([])]).scalar() == 0)
        #expect(try Tensor.einsum("ij,ij->", [Tensor(shape: [2, 0], repeating: 0), Tensor(shape: [2, 0], repeating: 0)]).scalar() == 0)
    }

    @Test func mismatchesStillReachThePlansErrors() throws {
        let r = try Self.values([3, 5], seed: 0.2)
        // Wrong sizes, ranks or operand counts fall through to the general plan, which names the problem.
        #expect(caught { try Tensor.einsum("ij,jk->ik", [r, r]) } != nil)
        #expect(caught { try Tensor.einsum("ii", [r]) } != nil)
        #expect(caught { try Tensor.einsum("i,i", [Tensor([1, 2]), Tensor([1, 2, 3])]) } != nil)
        #expect(caught { try Tensor.einsum("ij,jk->ik", [r]) } != nil)
        #expect(caught { try Tensor.einsum("ij,jk->ik", [Tensor([1, 2, 3]), r]) } != nil)
        #expect(caught { try Tensor.einsum("ij->ji", [Tensor([1, 2, 3])]) } != nil)
        #expect(caught { try Tensor.einsum("i-j", [r]) } != nil)
    }
}
