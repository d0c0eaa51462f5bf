/// A small matrix of expressions, row-major.
public struct SymbolicMatrix: CustomStringConvertible, Equatable {
    public let rows: Int
    public let columns: Int
    public let entries: [Expr]

    public init(rows: Int, columns: Int, entries: [Expr]) throws {
        guard rows > 0, columns > 0 else {
            throw SymbolicError("a symbolic matrix needs at least one row and one column, not \(rows) × \(columns)")
        }
        guard entries.count == rows * columns else {
            throw SymbolicError("a \(rows) × \(columns) matrix needs \(rows * columns) entries, not \(entries.count)")
        }
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    init(uncheckedRows rows: Int, columns: Int, entries: [Expr]) {
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    public subscript(i: Int, j: Int) -> Expr { entries[i * columns + j] }

    var shapeText: String { "\(rows) × \(columns)" }

    public static func + (a: SymbolicMatrix, b: SymbolicMatrix) throws -> SymbolicMatrix {
        try a.elementwise(b, "+", +)
    }

    public static func - (a: SymbolicMatrix, b: SymbolicMatrix) throws -> SymbolicMatrix {
        try a.elementwise(b, "-", -)
    }

    /// The elementwise (Hadamard) product.
    public static func * (a: SymbolicMatrix, b: SymbolicMatrix) throws -> SymbolicMatrix {
        try a.elementwise(b, "*", *)
    }

    public static func * (s: Expr, m: SymbolicMatrix) -> SymbolicMatrix {
        m.map { s * $0 }
    }

    private func elementwise(_ other: SymbolicMatrix, _ op: String, _ f: (Expr, Expr) -> Expr) throws -> SymbolicMatrix {
        guard rows == other.rows, columns == other.columns else {
            throw SymbolicError("shapes \(shapeText) and \(other.shapeText) do not match for '\(op)'")
        }
        return SymbolicMatrix(uncheckedRows: rows, columns: columns, entries: zip(entries, other.entries).map(f))
    }

    /// The matrix product self @ other.
    public func matmul(_ other: SymbolicMatrix) throws -> SymbolicMatrix {
        guard columns == other.rows else {
            throw SymbolicError("shapes \(shapeText) and \(other.shapeText) do not match for '@'")
        }
        var out: [Expr] = []
        out.reserveCapacity(rows * other.columns)
        for i in 0..<rows {
            for j in 0..<other.columns {
                out.append(Expr.sum((0..<columns).map { self[i, $0] * other[$0, j] }))
            }
        }
        return SymbolicMatrix(uncheckedRows: rows, columns: other.columns, entries: out)
    }

    public var transposed: SymbolicMatrix {
        var out: [Expr] = []
        out.reserveCapacity(entries.count)
        for j in 0..<columns { for i in 0..<rows { out.append(self[i, j]) } }
        return SymbolicMatrix(uncheckedRows: columns, columns: rows, entries: out)
    }

    public func map(_ f: (Expr) throws -> Expr) rethrows -> SymbolicMatrix {
        SymbolicMatrix(uncheckedRows: rows, columns: columns, entries: try entries.map(f))
    }

    /// Rows in brackets, in the language's list syntax: `[[x, 1], [0, y]]`.
    public var description: String {
        let rowTexts = (0..<rows).map { i in
            "[" + (0..<columns).map { self[i, $0].description }.joined(separator: ", ") + "]"
        }
        return "[" + rowTexts.joined(separator: ",\n ") + "]"
    }

    public var latex: String {
        let body = (0..<rows).map { i in
            (0..<columns).map { self[i, $0].latex }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        return "\\begin{pmatrix} \(body) \\end{pmatrix}"
    }
}
