import Testing
import Tensor

/// Boolean-mask selection and assignment, checked against NumPy (values computed once
/// with `a = np.arange(12.).reshape(3, 4) - 5`, as noted at each case).
@Suite struct MaskingTests {
    let a: Tensor

    init() throws { a = try Tensor.arange(0, 12).reshape([3, 4]).binary(.subtract, Tensor(5)) }

    @Test func selectsInRowMajorOrder() throws {
        // a[a > 0] == [1, 2, 3, 4, 5, 6]
        let s = try a.masked(by: a.binary(.greater, Tensor(0)))
        #expect(s.shape == [6] && s.scalars == [1, 2, 3, 4, 5, 6])
        // t = a.T; t[t > 0] == [3, 4, 1, 5, 2, 6]: a strided view is read in its own order.
        let t = a.transposed()
        #expect(try t.masked(by: t.binary(.greater, Tensor(0))).scalars == [3, 4, 1, 5, 2, 6])
    }

    @Test func emptyAndFullMasks() throws {
        let none = try a.masked(by: Tensor.zeros([3, 4]))
        #expect(none.shape == [0])
        #expect(try a.masked(by: Tensor.ones([3, 4])).scalars == a.scalars)
    }

    @Test func assignsAScalarEverywhereSelected() throws {
        // b = a.copy(); b[a < 0] = 0
        var b = a
        try b.assign(mask: a.binary(.less, Tensor(0)), Tensor(0))
        #expect(b.scalars == [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6])
        #expect(a.scalars.first == -5)   // the original keeps its values
    }

    @Test func assignsOneValuePerSelectedElement() throws {
        // c = a.copy(); c[a > 3] = [10, 20, 30]
        var c = a
        try c.assign(mask: a.binary(.greater, Tensor(3)), Tensor([10, 20, 30]))
        #expect(c.scalars == [-5, -4, -3, -2, -1, 0, 1, 2, 3, 10, 20, 30])
    }

    @Test func writesInPlaceWhenUnshared() throws {
        var x = try Tensor.zeros([5])
        // A pointer, not the storage object: holding that would make the storage shared.
        let before = x.storage.base
        try x.assign(mask: Tensor([0, 1, 0, 1, 0]), Tensor(7))
        #expect(x.storage.base == before)
        #expect(x.scalars == [0, 7, 0, 7, 0])
    }

    @Test func wrongMaskShapeNamesBothShapes() {
        let e = caught { try a.masked(by: Tensor([1, 0, 1])) }
        #expect(e?.description == "a mask must have the shape of the tensor it indexes: tensor (3, 4), mask (3,)")
    }

    @Test func maskValuesMustBeZeroOrOne() {
        let m = try? Tensor(shape: [3, 4], values: [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0])
        let e = caught { try a.masked(by: m ?? Tensor(0)) }
        #expect(e?.description == "a mask must hold only 0 and 1, found 2 at position 2")
    }

    @Test func wrongValueCountChangesNothing() throws {
        var c = a
        let e = caught { try c.assign(mask: a.binary(.greater, Tensor(3)), Tensor([1, 2])) }
        #expect(e?.description == "cannot assign 2 values (shape (2,)) to the 3 elements the mask selects")
        #expect(c.scalars == a.scalars)
    }
}
