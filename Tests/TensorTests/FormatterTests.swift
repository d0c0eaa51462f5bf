import Testing
import Tensor

/// Golden strings. Where the style is fractional or scientific they are NumPy's
/// `np.array2string(x, separator=', ', floatmode='maxprec_equal', precision=6)`
/// (NumPy 2.4); integral tensors and `1e-05` follow TensorFormatter's own documented rules.
@Suite struct FormatterTests {
    @Test func notebookExamples() throws {
        #expect(try matrix([[3, 1], [1, 2]]).description == "[[3, 1],\n [1, 2]]")
        #expect(Tensor([0.2, 0.4]).description == "[0.2, 0.4]")
        #expect(Tensor([1, 2, 3]).description == "[1, 2, 3]")
        // 0.1 + 0.1 + 0.1 prints rounded to six digits.
        #expect(Tensor([0.1 + 0.1 + 0.1, 1]).description == "[0.3, 1.0]")
    }

    @Test func scalarsArePlainNumbers() {
        #expect(Tensor(1.0 / 3).description == "0.333333")
        #expect(Tensor(42).description == "42")
        #expect(Tensor(-0.0).description == "0")
        #expect(Tensor(.nan).description == "nan")
        #expect(Tensor(-.infinity).description == "-inf")
        #expect(Tensor(1e-5).description == "1e-05")
        #expect(Tensor(2.5e-7).description == "2.5e-07")
        #expect(TensorFormatter(precision: 3).format(2.0 / 3) == "0.667")
        #expect(TensorFormatter(precision: 0).format(Tensor([2.5, 0.4])) == "[2, 0]")
        #expect(TensorFormatter(precision: 1).format(Tensor([1.04, 2])) == "[1.0, 2.0]")
    }

    @Test func columnsAlignAndDigitsAreShared() throws {
        #expect(try matrix([[1.0 / 3, 2], [10.5, -4]]).description == "[[ 0.333333,  2.000000],\n [10.500000, -4.000000]]")
        #expect(Tensor([0.5, 0.25]).description == "[0.50, 0.25]")
        #expect(Tensor([1.5e10, 2.25]).description == "[1.50e+10, 2.25e+00]")
        #expect(Tensor([.nan, .infinity, -.infinity, 0.5]).description == "[ nan,  inf, -inf,  0.5]")
        #expect(Tensor([-1, 10, 200]).description == "[ -1,  10, 200]")
    }

    @Test func higherRanksUseBlankLines() throws {
        let t = try Tensor.arange(0, 24).reshape([2, 3, 4]).binary(.divide, Tensor(4))
        #expect(t.description == "[[[0.00, 0.25, 0.50, 0.75],\n  [1.00, 1.25, 1.50, 1.75],\n  [2.00, 2.25, 2.50, 2.75]],\n\n [[3.00, 3.25, 3.50, 3.75],\n  [4.00, 4.25, 4.50, 4.75],\n  [5.00, 5.25, 5.50, 5.75]]]")
    }

    @Test func longRowsWrapAt75Columns() throws {
        let t = try Tensor.arange(0, 100).binary(.divide, Tensor(8))
        let expected = "[ 0.000,  0.125,  0.250,  0.375,  0.500,  0.625,  0.750,  0.875,  1.000,\n  1.125,  1.250,  1.375,  1.500,  1.625,  1.750,  1.875,  2.000,  2.125,\n  2.250,  2.375,  2.500,  2.625,  2.750,  2.875,  3.000,  3.125,  3.250,\n  3.375,  3.500,  3.625,  3.750,  3.875,  4.000,  4.125,  4.250,  4.375,\n  4.500,  4.625,  4.750,  4.875,  5.000,  5.125,  5.250,  5.375,  5.500,\n  5.625,  5.750,  5.875,  6.000,  6.125,  6.250,  6.375,  6.500,  6.625,\n  6.750,  6.875,  7.000,  7.125,  7.250,  7.375,  7.500,  7.625,  7.750,\n  7.875,  8.000,  8.125,  8.250,  8.375,  8.500,  8.625,  8.750,  8.875,\n  9.000,  9.125,  9.250,  9.375,  9.500,  9.625,  9.750,  9.875, 10.000,\n 10.125, 10.250, 10.375, 10.500, 10.625, 10.750, 10.875, 11.000, 11.125,\n 11.250, 11.375, 11.500, 11.625, 11.750, 11.875, 12.000, 12.125, 12.250,\n 12.375]"
        #expect(t.description == expected)
    }

    @Test func largeTensorsAreSummarisedWithShape() throws {
        let v = try Tensor.arange(0, 2000).binary(.divide, Tensor(2))
        #expect(v.description == "[0.000e+00, 5.000e-01, 1.000e+00, ..., 9.985e+02, 9.990e+02, 9.995e+02], shape=(2000,)")
        let m = try Tensor.arange(0, 1100).reshape([100, 11]).binary(.divide, Tensor(2))
        #expect(m.description == "[[0.000e+00, 5.000e-01, 1.000e+00, ..., 4.000e+00, 4.500e+00, 5.000e+00],\n [5.500e+00, 6.000e+00, 6.500e+00, ..., 9.500e+00, 1.000e+01, 1.050e+01],\n [1.100e+01, 1.150e+01, 1.200e+01, ..., 1.500e+01, 1.550e+01, 1.600e+01],\n ...,\n [5.335e+02, 5.340e+02, 5.345e+02, ..., 5.375e+02, 5.380e+02, 5.385e+02],\n [5.390e+02, 5.395e+02, 5.400e+02, ..., 5.430e+02, 5.435e+02, 5.440e+02],\n [5.445e+02, 5.450e+02, 5.455e+02, ..., 5.485e+02, 5.490e+02, 5.495e+02]], shape=(100, 11)")
        // Exactly the threshold is not summarised.
        #expect(!(try Tensor.zeros([1000]).description.contains("...")))
    }

    @Test func viewsPrintTheirOwnLayout() throws {
        #expect(try matrix([[1, 2], [3, 4]]).transposed().description == "[[1, 3],\n [2, 4]]")
        #expect(try Tensor([1, 2]).broadcast(to: [2, 2]).description == "[[1, 2],\n [1, 2]]")
        let big = try Tensor.arange(0, 2000).reshape([40, 50]).transposed()
        #expect(big.description.hasPrefix("[[   0,   50,  100, ..., 1850, 1900, 1950],\n [   1,   51,  101, ..., 1851, 1901, 1951],"))
    }

    @Test func emptyTensors() throws {
        #expect(try Tensor.zeros([0]).description == "[]")
        #expect(try Tensor.zeros([2, 0]).description == "[[]], shape=(2, 0)")
    }
}
