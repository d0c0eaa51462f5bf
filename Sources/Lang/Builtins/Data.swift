import NN
import Tensor

// load_csv save_csv load_npy save_npy

extension BuiltinGroup {
    /// Moving data between Gradbook, NumPy and spreadsheets.
    static let data = BuiltinGroup(topic: "Data", builtins: [
        Builtin("load_csv", [.init("path", .string, doc: "the file, relative to the notebook's folder"),
                             .init("delimiter", .string, default: Value(","), doc: "one character between fields")],
                doc: "Reads a table of numbers (one row per line) as a 2-D tensor; a non-numeric first line is a header and skipped.",
                example: "X = load_csv(\"data.csv\")") { args, context in
            let d = try DataBindings.delimiter(args)
            let path = try context.path(args)
            return Value(try NNBindings.run { try CSV.load(path, delimiter: d) })
        },
        Builtin("save_csv", [.init("path", .string, doc: "the file, relative to the notebook's folder"),
                             .init("X", .tensor, doc: "a 1-D or 2-D tensor"),
                             .init("delimiter", .string, default: Value(","), doc: "one character between fields"),
                             .init("header", .string, default: .nothing, doc: "a first line written as given")],
                doc: "Writes a 1-D (one value per line) or 2-D tensor as CSV, numbers exact to the last digit.",
                example: "save_csv(\"out.csv\", [[1, 2], [3, 4]])") { args, context in
            let d = try DataBindings.delimiter(args)
            let header = try args.optionalString("header")
            let path = try context.path(args)
            try NNBindings.run { try CSV.save(try args.tensor("X"), to: path, delimiter: d, header: header) }
            return .nothing
        },
        Builtin("load_npy", [.init("path", .string, doc: "the file, relative to the notebook's folder")],
                doc: "Reads a NumPy .npy file (versions 1-3; float64, float32, int32, int64, bool; C order) as a float64 tensor.",
                example: "W = load_npy(\"weights.npy\")") { args, context in
            let path = try context.path(args)
            return Operators.wrap(try NNBindings.run { try Npy.load(path) })
        },
        Builtin("save_npy", [.init("path", .string, doc: "the file, relative to the notebook's folder"),
                             .init("X", .tensor, doc: "the tensor to write")],
                doc: "Writes a tensor as a float64 C-order .npy file that np.load reads.",
                example: "save_npy(\"weights.npy\", [[1, 2], [3, 4]])") { args, context in
            let path = try context.path(args)
            try NNBindings.run { try Npy.save(try args.tensor("X"), to: path) }
            return .nothing
        },
    ])
}

enum DataBindings {
    /// Parameter `delimiter` as one character.
    static func delimiter(_ args: Arguments) throws -> Character {
        let s = try args.string("delimiter")
        guard s.count == 1, let c = s.first else {
            throw args.error("delimiter", "the delimiter must be one character, got \"\(s)\"", kind: .value)
        }
        return c
    }
}
