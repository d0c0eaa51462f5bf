import Symbolic

/// An echoed expression or symbolic matrix, as a front end needs it: LaTeX to show it
/// as math, and a canonical comparison with the text an earlier run recorded, so a
/// replay does not fail because the terms came out in another order.
public struct SymbolicEcho {
    let value: any SymbolicValue

    init(_ value: any SymbolicValue) { self.value = value }

    /// The LaTeX of the value, without `$` delimiters.
    public var latex: String { value.latex }

    /// How many lines the value's text takes.
    public var lineCount: Int { value.description.split(separator: "\n", omittingEmptySubsequences: false).count }

    /// True when `recorded`, parsed back (every name not called as a function is a
    /// symbol; a bracketed text is a vector or matrix), is the same expression or matrix
    /// after canonicalisation.
    public func matches(recorded: String) -> Bool {
        guard let other = SymbolicEcho.read(recorded) else { return false }
        switch (value, other) {
        case (let a as ExpressionObject, let b as ExpressionObject):
            return a.expr.isEqual(canonically: b.expr)
        case (let a as SymbolicMatrixObject, let b as SymbolicMatrixObject):
            return a.isVector == b.isVector && a.matrix.rows == b.matrix.rows && a.matrix.columns == b.matrix.columns
                && zip(a.matrix.entries, b.matrix.entries).allSatisfy { $0.isEqual(canonically: $1) }
        default:
            return false
        }
    }

    /// The symbolic value printed as `text`, or nil when it does not read as one. A pure
    /// parse, never an evaluation: recorded output is data, not code to run.
    static func read(_ text: String) -> (any SymbolicValue)? {
        let t = trimmed(Substring(text))
        guard t.hasPrefix("[") else {
            return (try? Symbolic.Expr.parse(String(t))).map { ExpressionObject($0) }
        }
        guard let items = bracketItems(t), !items.isEmpty else { return nil }
        if items.allSatisfy({ $0.hasPrefix("[") }) {
            var rows: [[Symbolic.Expr]] = []
            for item in items {
                guard let cells = bracketItems(item) else { return nil }
                guard let row = parseAll(cells) else { return nil }
                rows.append(row)
            }
            let width = rows[0].count
            guard rows.allSatisfy({ $0.count == width }),
                  let m = try? SymbolicMatrix(rows: rows.count, columns: width, entries: rows.flatMap { $0 }) else { return nil }
            return SymbolicMatrixObject(m)
        }
        guard let entries = parseAll(items),
              let m = try? SymbolicMatrix(rows: entries.count, columns: 1, entries: entries) else { return nil }
        return SymbolicMatrixObject(m, isVector: true)
    }

    private static func parseAll(_ texts: [Substring]) -> [Symbolic.Expr]? {
        var out: [Symbolic.Expr] = []
        for text in texts {
            guard let e = try? Symbolic.Expr.parse(String(text)) else { return nil }
            out.append(e)
        }
        return out
    }

    /// The comma-separated items between a bracketed text's outer brackets, each trimmed;
    /// commas inside parentheses or inner brackets do not split.
    private static func bracketItems(_ text: Substring) -> [Substring]? {
        guard text.first == "[", text.last == "]" else { return nil }
        let inner = text.dropFirst().dropLast()
        var items: [Substring] = []
        var depth = 0
        var start = inner.startIndex
        for i in inner.indices {
            switch inner[i] {
            case "(", "[": depth += 1
            case ")", "]":
                depth -= 1
                if depth < 0 { return nil }
            case "," where depth == 0:
                items.append(trimmed(inner[start..<i]))
                start = inner.index(after: i)
            default: break
            }
        }
        guard depth == 0 else { return nil }
        let last = trimmed(inner[start...])
        if !last.isEmpty || !items.isEmpty { items.append(last) }
        return items
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var r = s.drop { $0.isWhitespace }
        while let c = r.last, c.isWhitespace { r = r.dropLast() }
        return r
    }
}
