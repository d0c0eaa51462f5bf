import NN
import Tensor

// load_dataset train_test_split accuracy

extension BuiltinGroup {
    /// Data sets shipped with Gradbook, splitting and scoring.
    static let datasets = BuiltinGroup(topic: "Data sets", builtins: [
        Builtin("load_dataset", [.init("name", .string, doc: "\"digits\": the 8×8 UCI handwritten digits")],
                doc: "A data set shipped inside Gradbook, as the tuple (X, y): \"digits\" gives X 1797 × 64 (8×8 images row by row, pixels 0-16) and y the labels 0-9 (UCI optical-recognition digits, Alpaydin & Kaynak, as scikit-learn ships them; CC BY 4.0). Reshape X to N × 1 × 8 × 8 for Conv2D.",
                example: "X, y = load_dataset(\"digits\")") { args, _ in
            let (x, y) = try NNBindings.run { try Datasets.load(try args.string("name")) }
            return Value(tuple: [Value(x), Value(y)])
        },
        Builtin("train_test_split", [.init("X", .tensor, doc: "the inputs, one sample per row"),
                                     .init("y", .tensor, doc: "the targets, one row per sample"),
                                     .init("test_size", .number, default: .number(0.25), doc: "a fraction in (0, 1) (rounded up) or a number of rows"),
                                     .init("shuffle", .bool, default: .bool(true), doc: "draw the test rows at random (seeded generator)")],
                doc: "Splits rows as scikit-learn does into the tuple (X_train, X_test, y_train, y_test): the test part is ⌈test_size·n⌉ rows drawn by one permutation of the seeded generator (seed(n) first to repeat it), the rest train.",
                example: "Xtr, Xte, ytr, yte = train_test_split(reshape(arange(8), 4, 2), [0, 1, 0, 1], test_size=0.25)") { args, context in
            let parts = try NNBindings.run {
                try Datasets.trainTestSplit(try args.tensor("X"), try args.tensor("y"), testSize: try args.number("test_size"),
                                            shuffle: try args.bool("shuffle"), using: context.random)
            }
            return Value(tuple: parts.map { Value($0) })
        },
        Builtin("accuracy", [.init("scores", .tensor, doc: "N × k scores (or N predicted labels)"),
                             .init("y", .tensor, doc: "N class indices or N one-hot rows")],
                doc: "The fraction of rows whose largest score (first one on ties) is the label; a 1-D scores is taken as predicted labels.",
                example: "accuracy([[2, 1], [0, 3], [1, 0]], [0, 1, 1])") { args, _ in
            .number(try NNBindings.run { try Datasets.accuracy(try args.tensor("scores"), try args.tensor("y")) })
        },
    ])
}
