import Testing
import Tensor

@Suite struct ReductionTests {
    // a = np.arange(24.0).reshape(2, 3, 4); b = a % 7
    let a: Tensor
    let b: Tensor

    init() throws {
        a = try Tensor.arange(0, 24).reshape([2, 3, 4])
        b = try Tensor(shape: [2, 3, 4], values: (0..<24).map { Double($0 % 7) })
    }

    @Test func sumAlongEachAxis() throws {
        #expect(try a.sum(axis: 0).scalars == [12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34])
        #expect(try a.sum(axis: 1).scalars == [12, 15, 18, 21, 48, 51, 54, 57])
        #expect(try a.sum(axis: 2).scalars == [6, 22, 38, 54, 70, 86])
        #expect(try a.sum(axis: -1, keepDims: true).shape == [2, 3, 1])
        // n(n-1)/2 for n = 24
        #expect(try a.sum().scalar() == 276)
        #expect(try a.transposed().sum(axis: 0).shape == [3, 2])
    }

    @Test func maxAndArgmaxAlongEachAxis() throws {
        #expect(try b.max(axis: 0).scalars == [5, 6, 2, 3, 4, 5, 6, 5, 6, 2, 3, 4])
        #expect(try b.argmax(axis: 0).scalars == [1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0])
        #expect(try b.max(axis: 1).scalars == [4, 5, 6, 4, 6, 6, 4, 5])
        #expect(try b.argmax(axis: 1).scalars == [1, 1, 1, 2, 2, 0, 1, 1])
        #expect(try b.max(axis: 2).scalars == [3, 6, 4, 6, 5, 6])
        #expect(try b.argmax(axis: 2).scalars == [3, 2, 3, 1, 3, 0])
        #expect(try b.argmax().scalar() == 6)
        #expect(try b.min().scalar() == 0)
        #expect(try Tensor([3, 1, 2]).min(axis: 0).scalar() == 1)
    }

    @Test func meanVarianceStdNorm() throws {
        let x = try matrix([[1, 4, 2], [3, -1, 5]])
        // x.var(axis=0), x.std(axis=1, ddof=1), x.var(), x.std(ddof=1), np.linalg.norm(x)
        #expect(close(try x.variance(axis: 0).scalars, [1.0, 6.25, 2.25]))
        #expect(close(try x.std(axis: 1, ddof: 1).scalars, [1.5275252316519468, 3.0550504633038935]))
        #expect(close([try x.variance().scalar()], [3.8888888888888893]))
        #expect(close([try x.std(ddof: 1).scalar()], [2.160246899469287]))
        #expect(close([try x.norm().scalar()], [7.483314773547883]))
        #expect(close(try x.norm(axis: 0).scalars, [3.1622776601683795, 4.123105625617661, 5.385164807134504]))
        #expect(try x.mean().scalar() == 14.0 / 6)
        #expect(try x.mean(axis: 1).scalars == [7.0 / 3, 7.0 / 3])
    }

    @Test func softmaxAndLogSoftmax() throws {
        let x = try matrix([[1, 4, 2], [3, -1, 5]])
        // np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
        #expect(close(try x.softmax().scalars, [0.04201006613406605, 0.8437947344813395, 0.11419519938459449,
                                                0.11894323591065209, 0.0021785213571970234, 0.878878242732151]))
        // x - np.log(np.exp(x).sum(axis=0, keepdims=True))
        #expect(close(try x.logSoftmax(axis: 0).scalars, [-2.1269280110429727, -0.006715348489118256, -3.048587351573742,
                                                          -0.1269280110429727, -5.006715348489118, -0.048587351573742055]))
        // Large inputs would overflow exp without the max shift.
        #expect(close(try Tensor([1000, 1000]).softmax().scalars, [0.5, 0.5]))
    }

    @Test func emptyAndBadAxisAreErrors() {
        #expect(caught { try Tensor.zeros([0]).max() } != nil)
        #expect(caught { try Tensor.zeros([2, 0]).argmax(axis: 1) } != nil)
        #expect(caught { try Tensor.zeros([2]).sum(axis: 1) } == .invalidArgument("axis 1 is out of range for a tensor of rank 1"))
    }

    @Test func longVarianceAndNormMatchClosedForms() throws {
        // For 0..<n: variance (n² − 1) / 12, Σ i² = n(n − 1)(2n − 1) / 6.
        let n = 1001.0
        let x = try Tensor.arange(0, n)
        #expect(close([try x.variance().scalar()], [(n * n - 1) / 12], 1e-13))
        #expect(close([try x.norm().scalar()], [(n * (n - 1) * (2 * n - 1) / 6).squareRoot()], 1e-14))
    }

    @Test func largeSumIsAccurate() throws {
        // Σ_{i<n} i = n(n-1)/2 exactly representable for n = 100_001.
        let n = 100_001.0
        #expect(try Tensor.arange(0, n).sum().scalar() == n * (n - 1) / 2)
    }

    @Test func runningSumsAlongRowsKeepTheirOrder() throws {
        // Rows are scanned four at a time; each lane must still add left to right, so
        // the result equals the sequential definition bit for bit (7 rows: one group
        // of four and three single rows; widths 1 and 9).
        let g = RandomGenerator(seed: 3)
        for width in [1, 9] {
            let m = try Tensor.randn([7, width], using: g)
            let x = m.scalars
            var expected = x
            for r in 0..<7 { for c in 1..<Swift.max(width, 1) { expected[r * width + c] = expected[r * width + c - 1] + x[r * width + c] } }
            #expect(try m.cumulativeSum(axis: 1).scalars == expected)
            var product = x
            for r in 0..<7 { for c in 1..<Swift.max(width, 1) { product[r * width + c] = product[r * width + c - 1] * x[r * width + c] } }
            #expect(try m.cumulativeProduct(axis: -1).scalars == product)
        }
    }
}
