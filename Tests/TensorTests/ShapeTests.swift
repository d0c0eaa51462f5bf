import Testing
import Tensor

@Suite struct ShapeTests {
    @Test func reshapeInfersOneAxis() throws {
        let a = try Tensor.arange(0, 12)
        #expect(try a.reshape([3, -1]).shape == [3, 4])
        #expect(try a.reshape([2, 2, 3]).scalars == a.scalars)
        #expect(caught { try a.reshape([5, -1]) } != nil)
        #expect(caught { try a.reshape([-1, -1]) } != nil)
        let e = caught { try a.reshape([5, 2]) }
        #expect(e?.description == "cannot reshape a tensor of shape (12,) (12 elements) into (5, 2)")
    }

    @Test func transposeIsAViewWithReversedAxes() throws {
        let a = try Tensor.arange(0, 6).reshape([2, 3])
        let t = a.transposed()
        #expect(t.shape == [3, 2])
        // np.arange(6).reshape(2, 3).T.flatten() == [0, 3, 1, 4, 2, 5]
        #expect(t.scalars == [0, 3, 1, 4, 2, 5])
        #expect(t.storage === a.storage)
        #expect(t.flatten().scalars == [0, 3, 1, 4, 2, 5])
    }

    @Test func permutedMovesAxes() throws {
        let a = try Tensor.arange(0, 24).reshape([2, 3, 4])
        let p = try a.permuted([2, 0, 1])
        #expect(p.shape == [4, 2, 3])
        // np.arange(24).reshape(2,3,4).transpose(2,0,1)[1, 1, 2] == 21
        #expect(try p.subscripted([.at(1), .at(1), .at(2)]).scalar() == 21)
        #expect(caught { try a.permuted([0, 0, 1]) } != nil)
        #expect(caught { try a.permuted([0, 1]) } != nil)
    }

    @Test func concatJoinsAlongAxis() throws {
        let a = try matrix([[1, 2], [3, 4]]), b = try matrix([[5, 6]])
        #expect(try Tensor.concat([a, b], axis: 0).scalars == [1, 2, 3, 4, 5, 6])
        let c = try Tensor.concat([a, a.transposed()], axis: 1)
        // np.concatenate([a, a.T], axis=1) == [[1, 2, 1, 3], [3, 4, 2, 4]]
        #expect(c.shape == [2, 4])
        #expect(c.scalars == [1, 2, 1, 3, 3, 4, 2, 4])
        let e = caught { try Tensor.concat([a, b], axis: 1) }
        #expect(e == .shapeMismatch(op: "concat", lhs: [2, 2], rhs: [1, 2]))
    }

    @Test func stackAddsAnAxis() throws {
        let a = Tensor([1, 2]), b = Tensor([3, 4])
        let s0 = try Tensor.stack([a, b]), s1 = try Tensor.stack([a, b], axis: 1)
        #expect(s0.shape == [2, 2] && s0.scalars == [1, 2, 3, 4])
        // np.stack([a, b], axis=1) == [[1, 3], [2, 4]]
        #expect(s1.shape == [2, 2] && s1.scalars == [1, 3, 2, 4])
        #expect(caught { try Tensor.stack([a, Tensor([1, 2, 3])]) } != nil)
        #expect(caught { try Tensor.stack([]) } != nil)
    }
}
