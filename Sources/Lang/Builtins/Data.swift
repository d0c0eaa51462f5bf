import NN
import Tensor

// load_csv save_csv load_npy save_npy

extension BuiltinGroup {
    /// Moving data between Gradbook, NumPy and spreadsheets.
    static let data = BuiltinGroup(topic: "Data", builtins: [
        Builtin("load_csv", [.init("path"), .init("delimiter", default: Value(","))],
                doc: "Reads a table of numbers (one row per line) as a 2-D tensor; a non-numeric first line is a header and skipped.",
                example: "X = load_csv(\"data.csv\")") { args, _ in
            let d = try DataBindings.delimiter(args, 1)
            return Value(try NNBindings.run { try CSV.load(try args.string(0), delimiter: d) })
        },
        Builtin("save_csv", [.init("path"), .init("X"), .init("delimiter", default: Value(",")), .init("header", default: .nothing)],
                doc: "Writes a 1-D (one value per line) or 2-D tensor as CSV, numbers exact to the last digit.",
                example: "save_csv(\"out.csv\", [[1, 2], [3, 4]])") { args, _ in
            let d = try DataBindings.delimiter(args, 2)
            let header = args.has(3) ? try args.string(3) : nil
            try NNBindings.run { try CSV.save(try args.tensor(1), to: try args.string(0), delimiter: d, header: header) }
            return .nothing
        },
        Builtin("load_npy", [.init("path")],
                doc: "Reads a NumPy .npy file (versions 1-3; float64, float32, int32, int64, bool; C order) as a float64 tensor.",
                example: "W = load_npy(\"weights.npy\")") { args, _ in
            Operators.wrap(try NNBindings.run { try Npy.load(try args.string(0)) })
        },
        Builtin("save_npy", [.init("path"), .init("X")],
                doc: "Writes a tensor as a float64 C-order .npy file that np.load reads.",
                example: "save_npy(\"weights.npy\", [[1, 2], [3, 4]])") { args, _ in
            try NNBindings.run { try Npy.save(try args.tensor(1), to: try args.string(0)) }
            return .nothing
        },
    ])
}

enum DataBindings {
    /// Parameter `i` as a one-character delimiter.
    static func delimiter(_ args: Arguments, _ i: Int) throws -> Character {
        let s = try args.string(i)
        guard s.count == 1, let c = s.first else {
            throw args.error(i, "the delimiter must be one character, got \"\(s)\"", kind: .value)
        }
        return c
    }
}
