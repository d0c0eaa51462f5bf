import Testing
import Tensor

/// `argsort` runs a radix sort on the doubles' bits; these pin its order to NumPy's
/// stable one: ties by position, -0 equal to 0, nan after +inf.
@Suite struct SortingTests {
    /// The stable order by the definition: compare values (nan largest), then positions.
    static func referenceOrder(_ x: [Double], descending: Bool = false) -> [Double] {
        func before(_ a: Double, _ b: Double) -> Bool { a.isNaN ? false : (b.isNaN || a < b) }
        return x.indices.sorted { i, j in
            let (a, b) = descending ? (x[j], x[i]) : (x[i], x[j])
            if before(a, b) { return true }
            if before(b, a) { return false }
            return i < j
        }.map(Double.init)
    }

    @Test func specialValuesAndTiesAsNumPy() throws {
        let nan = Double.nan, inf = Double.infinity
        let x = Tensor([3, -0.0, nan, 1, 0.0, -inf, 3, nan, inf, -2, 1, 0.0])
        // np.argsort(x, kind="stable")
        #expect(try x.argsort(axis: 0).scalars == [5, 9, 1, 4, 11, 3, 10, 0, 6, 8, 2, 7])
        let m = try matrix([[2, 1, 2, nan], [0, -0.0, -1, 5], [7, 7, 7, 7]])
        // np.argsort(m, axis=0, kind="stable").ravel(), and axis=1
        #expect(try m.argsort(axis: 0).scalars == [1, 1, 1, 1, 0, 0, 0, 2, 2, 2, 2, 0])
        #expect(try m.argsort(axis: 1).scalars == [1, 0, 2, 3, 2, 0, 1, 3, 0, 1, 2, 3])
    }

    @Test func longLanesMatchTheDefinition() throws {
        // Lengths on both sides of the insertion-sort limit, few distinct values (many
        // ties), negative and positive, nan and both zeros mixed in.
        let g = RandomGenerator(seed: 7)
        for n in [0, 1, 2, 47, 48, 49, 300, 5000] {
            var x = (0..<n).map { _ in Double(g.nextInt(below: 21) - 10) * 0.25 }
            for i in Swift.stride(from: 0, to: n, by: 17) { x[i] = .nan }
            for i in Swift.stride(from: 5, to: n, by: 23) { x[i] = -0.0 }
            let t = Tensor(x)
            #expect(try t.argsort(axis: 0).scalars == Self.referenceOrder(x), "n = \(n)")
            #expect(try t.argsort(axis: 0, descending: true).scalars == Self.referenceOrder(x, descending: true), "n = \(n) descending")
        }
    }

    @Test func lanesLongerThanTheCacheSplitFirst() throws {
        // Past 32768 elements the lane is split on its top varying sixteen bits first:
        // normal samples, ties with nan and zeros, all-equal values, and values that
        // differ only in their last bits (the split then decides everything).
        let g = RandomGenerator(seed: 5)
        let n = 40_000
        var ties = (0..<n).map { _ in Double(g.nextInt(below: 41) - 20) * 0.5 }
        for i in Swift.stride(from: 3, to: n, by: 29) { ties[i] = .nan }
        for i in Swift.stride(from: 7, to: n, by: 31) { ties[i] = -0.0 }
        let lanes: [[Double]] = [
            try Tensor.randn([n], using: g).scalars, ties, [Double](repeating: 5, count: n),
            (0..<n).map { _ in Double(bitPattern: 1.0.bitPattern + UInt64(g.nextInt(below: 60_000))) },
        ]
        for x in lanes {
            #expect(try Tensor(x).argsort(axis: 0).scalars == Self.referenceOrder(x))
            #expect(try Tensor(x).argsort(axis: 0, descending: true).scalars == Self.referenceOrder(x, descending: true))
        }
    }

    @Test func wideValuesAndAnInnerAxis() throws {
        // Values over many binades exercise every byte pass; axis 0 of a 2-column
        // matrix reads each lane with a stride.
        let g = RandomGenerator(seed: 11)
        let x = try Tensor.randn([2000], using: g).scalars.enumerated().map { i, v in v * Double(1 << (i % 40)) * (i % 3 == 0 ? 1e-200 : 1) }
        #expect(try Tensor(x).argsort(axis: 0).scalars == Self.referenceOrder(x))
        let pairs = try Tensor(shape: [1000, 2], values: x)
        let columns = try pairs.argsort(axis: 0).scalars
        for c in 0..<2 {
            let lane = (0..<1000).map { x[$0 * 2 + c] }
            #expect((0..<1000).map { columns[$0 * 2 + c] } == Self.referenceOrder(lane))
        }
    }
}
