import Testing
import Tensor

@Suite struct IndexingTests {
    let a: Tensor

    init() throws { a = try Tensor.arange(0, 12).reshape([3, 4]) }

    @Test func integersAndNegativeIndices() throws {
        #expect(try a.subscripted([.at(1), .at(2)]).scalar() == 6)
        #expect(try a.subscripted([.at(-1), .at(-1)]).scalar() == 11)
        #expect(try a.subscripted([.at(-1)]).scalars == [8, 9, 10, 11])
    }

    @Test func slicesWithSteps() throws {
        // np.arange(12).reshape(3,4)[:, ::2] == [[0, 2], [4, 6], [8, 10]]
        let s = try a.subscripted([.all, .range(start: nil, stop: nil, step: 2)])
        #expect(s.shape == [3, 2] && s.scalars == [0, 2, 4, 6, 8, 10])
        // a[::-1, 3] == [11, 7, 3]
        #expect(try a.subscripted([.range(start: nil, stop: nil, step: -1), .at(3)]).scalars == [11, 7, 3])
        // a[1, -3:100] == [5, 6, 7]  (bounds clamp as in Python)
        #expect(try a.subscripted([.at(1), .range(start: -3, stop: 100, step: nil)]).scalars == [5, 6, 7])
        // a[2:1] is empty
        #expect(try a.subscripted([.range(start: 2, stop: 1, step: nil)]).shape == [0, 4])
        // a[0, 3:0:-2] == [3, 1]
        #expect(try a.subscripted([.at(0), .range(start: 3, stop: 0, step: -2)]).scalars == [3, 1])
    }

    @Test func outOfRangeShowsTheValidRange() {
        let e = caught { try a.subscripted([.at(0), .at(4)]) }
        #expect(e == .indexOutOfRange(index: 4, axis: 1, size: 4))
        #expect(e?.description == "index 4 is out of range for axis 1 with size 4 (valid: -4 to 3)")
        #expect(caught { try a.subscripted([.at(-4)]) } != nil)
        #expect(caught { try a.subscripted([.at(0), .at(0), .at(0)]) } != nil)
        #expect(caught { try a.subscripted([.range(start: nil, stop: nil, step: 0)]) } != nil)
    }

    @Test func extremeIndicesAreErrorsOrEmptyNotTraps() throws {
        #expect(caught { try a.subscripted([.at(Int.min)]) } == .indexOutOfRange(index: Int.min, axis: 0, size: 3))
        #expect(caught { try a.subscripted([.at(Int.max)]) } != nil)
        // Python: a[::-sys.maxsize] and a[::sys.maxsize] pick one row each.
        #expect(try a.subscripted([.range(start: nil, stop: nil, step: Int.min)]).scalars == [8, 9, 10, 11])
        #expect(try a.subscripted([.range(start: nil, stop: nil, step: Int.max)]).scalars == [0, 1, 2, 3])
        #expect(try a.subscripted([.range(start: Int.min, stop: Int.max, step: nil)]).shape == [3, 4])
        #expect(try a.subscripted([.range(start: Int.max, stop: Int.min, step: -1)]).shape == [3, 4])
        #expect(caught { try Tensor.permutation(Int.max, using: RandomGenerator(seed: 0)) } != nil)
    }

    @Test func viewsShareStorageUntilWritten() throws {
        let row = try a.subscripted([.at(1)])
        #expect(row.storage === a.storage)
        var b = a
        try b.assign([.at(1), .at(1)], Tensor(-1))
        // The write copied b's storage: a and the earlier view are unchanged.
        #expect(b.storage !== a.storage)
        #expect(try a.subscripted([.at(1), .at(1)]).scalar() == 5)
        #expect(row.scalars == [4, 5, 6, 7])
        #expect(try b.subscripted([.at(1)]).scalars == [4, -1, 6, 7])
    }

    @Test func assignBroadcastsIntoASlice() throws {
        var b = a
        // b[:, 1:3] = [100, 200]
        try b.assign([.all, .range(start: 1, stop: 3, step: nil)], Tensor([100, 200]))
        #expect(b.scalars == [0, 100, 200, 3, 4, 100, 200, 7, 8, 100, 200, 11])
        let e = caught { try b.assign([.at(0)], Tensor([1, 2, 3])) }
        #expect(e == .shapeMismatch(op: "broadcast", lhs: [3], rhs: [4]))
        // A failed assign leaves the tensor as it was.
        #expect(try b.subscripted([.at(0)]).scalars == [0, 100, 200, 3])
    }

    @Test func assignWritesUnsharedStorageInPlace() throws {
        var x = try Tensor.zeros([4])
        // A pointer, not the storage object: holding that would make the storage shared.
        let before = x.storage.base
        for i in 0..<4 { try x.assign([.at(i)], Tensor(Double(i))) }
        try x.assign([.range(start: 1, stop: 3, step: nil)], Tensor([10, 20]))
        #expect(x.storage.base == before)
        #expect(x.scalars == [0, 10, 20, 3])
    }

    @Test func assignThroughATransposedTensor() throws {
        var t = a.transposed()
        try t.assign([.at(0)], Tensor([-1, -2, -3]))
        #expect(t.scalars.prefix(3) == [-1, -2, -3])
        #expect(a.scalars[0] == 0)
    }
}
