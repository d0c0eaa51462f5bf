import CVectorMath
import Glibc
import Testing

/// The sum kernels must give the same bits on every CPU: the AVX2 path (taken on
/// this machine when it has AVX2) against the baseline one, on lengths around the
/// eight-accumulator block and values whose sum depends on the order of additions.
@Suite struct ReductionKernelTests {
    static let lengths = [0, 1, 7, 8, 9, 15, 16, 17, 1000, 1003]

    /// Values spanning 30 orders of magnitude, so a different order of additions
    /// would change the last bits.
    static func values(_ n: Int) -> [Double] {
        (0..<n).map { i in
            let sign: Double = i % 2 == 0 ? 1 : -1
            let exponent = Double(i % 31) - 15
            return sign * Double(i % 13 + 1) * pow(10, exponent)
        }
    }

    @Test(arguments: lengths)
    func sumAgreesBitForBitAcrossPaths(_ n: Int) {
        let x = Self.values(n)
        let fast = x.withUnsafeBufferPointer { gb_sum($0.baseAddress, n) }
        let portable = x.withUnsafeBufferPointer { gb_sum_portable($0.baseAddress, n) }
        #expect(fast.bitPattern == portable.bitPattern)
        // Against an independent order-free reference: the exact sum rounded once
        // (fsum-like via sorting by magnitude) agrees to rounding.
        let reference = x.sorted { abs($0) < abs($1) }.reduce(0, +)
        #expect(abs(fast - reference) <= 1e-12 * max(1, x.map(abs).max() ?? 0))
    }

    @Test(arguments: lengths)
    func sumOfSquaresAgreesBitForBitAcrossPaths(_ n: Int) {
        let x = Self.values(n)
        let fast = x.withUnsafeBufferPointer { gb_sum_squares($0.baseAddress, n, 0.25) }
        let portable = x.withUnsafeBufferPointer { gb_sum_squares_portable($0.baseAddress, n, 0.25) }
        #expect(fast.bitPattern == portable.bitPattern)
        let reference = x.map { ($0 - 0.25) * ($0 - 0.25) }.sorted().reduce(0, +)
        #expect(abs(fast - reference) <= 1e-12 * max(1, reference))
    }

    @Test(arguments: lengths)
    func rowSumsAreEachRowsSumBitForBit(_ n: Int) {
        // Seven rows: one block of four and three single rows; each must equal gb_sum of its row.
        let rows = 7
        let x = Self.values(rows * n + 5).suffix(rows * n).map { $0 }
        var out = [Double](repeating: .nan, count: rows)
        x.withUnsafeBufferPointer { p in out.withUnsafeMutableBufferPointer { o in gb_sum_rows(p.baseAddress, rows, n, o.baseAddress) } }
        let expected = (0..<rows).map { r in x.withUnsafeBufferPointer { gb_sum($0.baseAddress! + r * n, n) } }
        #expect(out.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func rowFoldsKeepNaNAndOrder() {
        // max/min row folds: nan in either row wins; otherwise the larger (smaller) value.
        let nan = Double.nan
        var dst: [Double] = [1, nan, 3, -2, 0, 5, nan, 7, 9]
        let src: [Double] = [2, 1, nan, -3, -0.0, 5, 4, 8, -9]
        var low = dst
        dst.withUnsafeMutableBufferPointer { d in src.withUnsafeBufferPointer { gb_vmax_into(d.baseAddress, $0.baseAddress, 9) } }
        low.withUnsafeMutableBufferPointer { d in src.withUnsafeBufferPointer { gb_vmin_into(d.baseAddress, $0.baseAddress, 9) } }
        // np.fmax would drop nan; np.maximum keeps it, as these must.
        #expect(dst.map { $0.isNaN ? "nan" : "\($0)" } == ["2.0", "nan", "nan", "-2.0", "-0.0", "5.0", "nan", "8.0", "9.0"])
        #expect(low.map { $0.isNaN ? "nan" : "\($0)" } == ["1.0", "nan", "nan", "-3.0", "-0.0", "5.0", "nan", "7.0", "-9.0"])
    }
}
