import Tensor

/// Comma-separated numbers, one row per line, as NumPy's `savetxt`/`loadtxt`
/// (with `delimiter=","`) write and read them.
public enum CSV {
    /// Reads a table of numbers into a 2-D tensor (rows × columns).
    ///
    /// A first line that does not parse as numbers is taken as a header and skipped.
    /// Blank lines and lines starting with `#` are skipped; fields may be padded
    /// with spaces; `nan`, `inf` and `-inf` are accepted.
    /// - Throws: `NNError.file` for an unreadable file, a field that is not a number
    ///   (naming its line and column) or rows of different lengths.
    public static func load(_ path: String, delimiter: Character = ",") throws -> Tensor {
        let text = String(decoding: try FileBytes.read(path), as: UTF8.self)
        return try parse(text, delimiter: delimiter, path: path)
    }

    /// The table in `text`; `path` names it in errors.
    /// - Throws: `NNError.file` as `load` does.
    public static func parse(_ text: String, delimiter: Character = ",", path: String = "<text>") throws -> Tensor {
        var values: [Double] = []
        var columns: Int?
        var rows = 0
        var first = true
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" { continue }
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false)
            var row: [Double] = []
            var bad: (Int, Substring)?
            for (j, field) in fields.enumerated() {
                let f = field.trimmingCharacters
                if let x = number(f) { row.append(x) } else { bad = (j, f); break }
            }
            if let (column, field) = bad {
                if first { first = false; continue } // a header line
                throw NNError.file(path: path, message: "line \(index + 1), column \(column + 1): '\(field)' is not a number")
            }
            first = false
            if let c = columns, c != row.count {
                throw NNError.file(path: path, message: "line \(index + 1) has \(row.count) fields, expected \(c) like the rows before it")
            }
            columns = row.count
            values.append(contentsOf: row)
            rows += 1
        }
        return try Tensor(shape: [rows, columns ?? 0], values: values)
    }

    /// Writes a 1-D tensor (one value per line) or a 2-D tensor (one row per line),
    /// each number in the shortest form that reads back exactly.
    /// - Throws: `NNError.invalidArgument` for rank above 2, `NNError.file` when writing fails.
    public static func save(_ tensor: Tensor, to path: String, delimiter: Character = ",", header: String? = nil) throws {
        try FileBytes.write(Array(format(tensor, delimiter: delimiter, header: header).utf8), to: path)
    }

    /// The CSV text `save` writes.
    /// - Throws: `NNError.invalidArgument` for rank above 2.
    public static func format(_ tensor: Tensor, delimiter: Character = ",", header: String? = nil) throws -> String {
        guard tensor.rank <= 2 else {
            throw NNError.invalidArgument("save_csv needs a 1-D or 2-D tensor, got shape \(formatShape(tensor.shape))")
        }
        let columns = tensor.rank == 2 ? tensor.shape[1] : 1
        let values = tensor.scalars
        var out = header.map { $0 + "\n" } ?? ""
        var column = 0
        for v in values {
            if column > 0 { out.append(delimiter) }
            out += text(v)
            column += 1
            if column == columns { out += "\n"; column = 0 }
        }
        return out
    }

    /// A Double in the shortest round-trip form, integers without ".0".
    static func text(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        if v == v.rounded(), Swift.abs(v) < 1e15 { return String(Int(v)) }
        return "\(v)"
    }

    /// A field as a number, or nil.
    static func number(_ s: Substring) -> Double? {
        switch s.lowercased() {
        case "nan": return .nan
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        default: return s.isEmpty ? nil : Double(s)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingCharacters: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return s
    }
}
