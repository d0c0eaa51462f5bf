import Testing
import Tensor
import NN

// Figures computed once with scikit-learn 1.2.1 (Debian python3-sklearn):
//   X, y = sklearn.datasets.load_digits(return_X_y=True)
//   X.shape, X.sum(), (X*X).sum(), y.sum(), [(y == k).sum() for k in range(10)]
//   (X.sum(axis=1) * np.arange(1797)).sum(), X[0], X[1796, :8], y[-1]
@Test func digitsMatchScikitLearn() throws {
    let (x, y) = try Datasets.load("digits")
    #expect(x.shape == [1797, 64] && y.shape == [1797])
    let xs = x.scalars, ys = y.scalars
    #expect(xs.reduce(0, +) == 561718)
    #expect(xs.reduce(0) { $0 + $1 * $1 } == 6907012)
    #expect(ys.reduce(0, +) == 8070)
    #expect((0..<10).map { k in ys.filter { $0 == Double(k) }.count } == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
    var weighted = 0.0
    for i in 0..<1797 { weighted += Double(i) * xs[i * 64..<(i + 1) * 64].reduce(0, +) }
    #expect(weighted == 503342547)
    #expect(Array(xs[0..<16]) == [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0])
    #expect(Array(xs[1796 * 64..<1796 * 64 + 8]) == [0, 0, 10, 14, 8, 1, 0, 0])
    #expect(Array(ys[0..<10]) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] && ys[1796] == 8)
    #expect(xs.allSatisfy { $0 >= 0 && $0 <= 16 })
}

@Test func unknownDatasetNamesTheKnownOnes() {
    #expect(throws: NNError.invalidArgument("unknown data set \"mnist\"; known: \"digits\"")) { try Datasets.load("mnist") }
}

@Test func trainTestSplitPartitionsTheRows() throws {
    // Row i holds (i, 10 i) and label i, so each part says which rows it took.
    let n = 10
    let x = try Tensor(shape: [n, 2], values: (0..<n).flatMap { [Double($0), Double(10 * $0)] })
    let y = Tensor((0..<n).map(Double.init))
    let parts = try Datasets.trainTestSplit(x, y, testSize: 0.25, using: RandomGenerator(seed: 3))
    // ⌈0.25 · 10⌉ = 3 test rows, as scikit-learn rounds.
    #expect(parts[0].shape == [7, 2] && parts[1].shape == [3, 2] && parts[2].shape == [7] && parts[3].shape == [3])
    let trainIds = parts[2].scalars, testIds = parts[3].scalars
    #expect(Set(trainIds + testIds) == Set((0..<n).map(Double.init)))
    for (k, i) in trainIds.enumerated() { #expect(parts[0].scalars[2 * k] == i && parts[0].scalars[2 * k + 1] == 10 * i) }
    for (k, i) in testIds.enumerated() { #expect(parts[1].scalars[2 * k] == i) }
    // The same seed gives the same split; a whole number is a row count.
    let again = try Datasets.trainTestSplit(x, y, testSize: 0.25, using: RandomGenerator(seed: 3))
    #expect(again[3].scalars == testIds)
    #expect(try Datasets.trainTestSplit(x, y, testSize: 4, using: RandomGenerator(seed: 3))[3].shape == [4])
    #expect(throws: NNError.self) { try Datasets.trainTestSplit(x, y, testSize: 0, using: RandomGenerator(seed: 3)) }
    #expect(throws: NNError.self) { try Datasets.trainTestSplit(x, y, testSize: 10, using: RandomGenerator(seed: 3)) }
    #expect(throws: NNError.self) { try Datasets.trainTestSplit(x, Tensor([1, 2]), testSize: 0.5, using: RandomGenerator(seed: 3)) }
}

@Test func accuracyCountsRowsWhoseLargestScoreIsTheLabel() throws {
    let scores = try Tensor(shape: [4, 3], values: [2, 1, 0, 0, 3, 1, 1, 1, 0, 0, 0, 5])
    // Row maxima at 0, 1, 0 (first of a tie), 2.
    #expect(try Datasets.accuracy(scores, Tensor([0, 1, 1, 2])) == 0.75)
    let oneHot = try Tensor(shape: [4, 3], values: [1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1])
    #expect(try Datasets.accuracy(scores, oneHot) == 0.75)
    #expect(try Datasets.accuracy(Tensor([1, 2, 3]), Tensor([1, 0, 3])) == 2.0 / 3)
    #expect(throws: NNError.invalidArgument("accuracy needs scores N × k and labels N (or one-hot N × k), got shapes (4, 3) and (3,)")) {
        try Datasets.accuracy(scores, Tensor([0, 1, 2]))
    }
}
