import Tensor

/// Data sets shipped inside the binary, and the helpers to split and score them.
public enum Datasets {
    /// The names `load(_:)` knows.
    public static let names = ["digits"]

    /// Data set `name` as (X, y): rows of features and their integer labels.
    /// - Throws: `NNError.invalidArgument` for a name not in `names`.
    public static func load(_ name: String) throws -> (x: Tensor, y: Tensor) {
        switch name {
        case "digits": return try digits()
        default:
            throw NNError.invalidArgument("unknown data set \"\(name)\"; known: " + names.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }

    /// The 8×8 optical-recognition digits as scikit-learn ships them: X is 1797 × 64
    /// (pixels 0...16, row-major images), y the labels 0...9.
    ///
    /// Compiled in (`DigitsData.swift`), so it needs no file at run time.
    public static func digits() throws -> (x: Tensor, y: Tensor) {
        let rows = 1797, width = 64
        var pixels = [Double](repeating: 0, count: rows * width)
        var labels = [Double](repeating: 0, count: rows)
        var row = 0, column = 0
        for byte in digitsText.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                guard column == width + 1 else { throw NNError.invalidArgument("digits: row \(row) is malformed") }
                row += 1
                column = 0
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let v = Double(byte - UInt8(ascii: "0"))
                guard row < rows else { throw NNError.invalidArgument("digits: more than \(rows) rows") }
                if column < width { pixels[row * width + column] = v } else { labels[row] = v }
            case UInt8(ascii: "a")...UInt8(ascii: "g"):
                guard row < rows, column < width else { throw NNError.invalidArgument("digits: a pixel past column \(width) in row \(row)") }
                pixels[row * width + column] = Double(byte - UInt8(ascii: "a") + 10)
            default:
                throw NNError.invalidArgument("digits: unexpected byte \(byte) in row \(row)")
            }
            column += 1
        }
        guard row == rows - 1, column == width + 1 else { throw NNError.invalidArgument("digits: \(row + 1) rows, expected \(rows)") }
        return (try Tensor(shape: [rows, width], values: pixels), Tensor(labels))
    }

    /// Rows of `x` and `y` split at random into training and test parts, as
    /// scikit-learn's `train_test_split`: the test part takes ⌈test_size·n⌉ rows for a
    /// fraction in (0, 1), or `test_size` rows for a whole number ≥ 1; the rest train.
    /// The test rows are the first of one permutation from `generator`.
    /// - Returns: (x_train, x_test, y_train, y_test).
    /// - Throws: `NNError.invalidArgument` for differing row counts or a test size
    ///   that leaves either part empty.
    public static func trainTestSplit(_ x: Tensor, _ y: Tensor, testSize: Double, shuffle: Bool = true,
                                      using generator: RandomGenerator) throws -> [Tensor] {
        guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
            throw NNError.invalidArgument("train_test_split needs X and y with the same number of rows, got shapes \(formatShape(x.shape)) and \(formatShape(y.shape))")
        }
        let n = x.shape[0]
        let nTest: Int
        if testSize > 0, testSize < 1 {
            nTest = Int((testSize * Double(n)).rounded(.up))
        } else if testSize >= 1, testSize == testSize.rounded(), testSize < Double(n) {
            nTest = Int(testSize)
        } else {
            throw NNError.invalidArgument("train_test_split needs test_size in (0, 1) or a whole number of rows in [1, \(n - 1)], got \(testSize)")
        }
        guard nTest >= 1, nTest < n else {
            throw NNError.invalidArgument("train_test_split: test_size=\(testSize) leaves \(nTest) of \(n) rows for testing; both parts need at least one")
        }
        let order = shuffle ? generator.permutation(n) : Array(0..<n)
        let xs = x.contiguous(), ys = y.contiguous()
        let test = Array(order[0..<nTest]), train = Array(order[nTest...])
        return [try rowsOf(xs, train, 0, train.count, false), try rowsOf(xs, test, 0, test.count, false),
                try rowsOf(ys, train, 0, train.count, false), try rowsOf(ys, test, 0, test.count, false)]
    }

    /// The fraction of rows whose largest score is the label (the first largest, as
    /// `argmax`). `scores` is N × k; `y` holds N class indices or N one-hot rows.
    /// A 1-D `scores` is taken as predicted labels and compared with `y` directly.
    /// - Throws: `NNError.invalidArgument` naming both shapes when they do not fit.
    public static func accuracy(_ scores: Tensor, _ y: Tensor) throws -> Double {
        let mismatch = NNError.invalidArgument("accuracy needs scores N × k and labels N (or one-hot N × k), got shapes \(formatShape(scores.shape)) and \(formatShape(y.shape))")
        guard scores.rank == 1 || scores.rank == 2, y.rank == 1 || y.rank == 2,
              scores.shape[0] == y.shape[0], scores.shape[0] > 0 else { throw mismatch }
        let predicted = scores.rank == 2 ? try scores.argmax(axis: 1) : scores
        let labels: Tensor
        if y.rank == 2 {
            guard scores.rank == 2, y.shape[1] == scores.shape[1] else { throw mismatch }
            labels = try y.argmax(axis: 1)
        } else {
            labels = y
        }
        let p = predicted.scalars, l = labels.scalars
        var hits = 0
        for i in 0..<p.count where p[i] == l[i] { hits += 1 }
        return Double(hits) / Double(p.count)
    }
}
