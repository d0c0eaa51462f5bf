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

    @Test func concatAndStackInThreeDimensions() throws {
        let a = try Tensor.arange(0, 12).reshape([2, 3, 2])
        let b = try Tensor.arange(0, 4).reshape([2, 1, 2]).unary(.negate)
        // np.concatenate([a, b], axis=1).flatten()
        #expect(try Tensor.concat([a, b], axis: 1).scalars == [0, 1, 2, 3, 4, 5, -0.0, -1, 6, 7, 8, 9, 10, 11, -2, -3])
        // np.concatenate([a, a[:, :, :1]], axis=2).flatten(): a strided input
        let firstColumn = try a.subscripted([.all, .all, .range(start: nil, stop: 1, step: nil)])
        #expect(try Tensor.concat([a, firstColumn], axis: -1).scalars ==
                [0, 1, 0, 2, 3, 2, 4, 5, 4, 6, 7, 6, 8, 9, 8, 10, 11, 10])
        // np.stack([a[0], a[1]], axis=-1): shape (3, 2, 2)
        let s = try Tensor.stack([a.subscripted([.at(0)]), a.subscripted([.at(1)])], axis: -1)
        #expect(s.shape == [3, 2, 2])
        #expect(s.scalars == [0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11])
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
