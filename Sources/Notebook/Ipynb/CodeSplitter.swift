/// Cuts a Jupyter code cell's source into `.gbook` pieces: top-level statements
/// (found with the same `StatementScanner` the notebook reader uses), comments and blanks.
enum CodeSplitter {
    /// One piece of a code cell's source.
    enum Piece: Equatable {
        /// A complete top-level statement's lines.
        case statement([String])
        /// A comment line outside statements.
        case comment(String)
        /// An empty or blank line outside statements.
        case blank

        /// The notebook item for a comment or blank (statements become cells elsewhere).
        var item: Notebook.Item {
            switch self {
            case .comment(let raw): return .comment(raw)
            case .blank: return .blank("")
            case .statement(let lines): return .code(Cell(sourceLines: lines))
            }
        }
    }

    /// The pieces of `lines`, in order.
    /// - Throws: the error `fail` makes when a statement never closes.
    static func split(_ lines: [String], place: String, fail: (String) -> IpynbError) throws -> [Piece] {
        var pieces: [Piece] = []
        var index = 0
        while index < lines.count {
            let line = escaped(lines[index])
            let body = line.drop { $0 == " " || $0 == "\t" }
            if body.allSatisfy(\.isWhitespace) {
                pieces.append(.blank)
                index += 1
            } else if body.hasPrefix("#") {
                pieces.append(.comment(line))
                index += 1
            } else {
                let start = index
                var scanner = StatementScanner()
                var source: [String] = []
                repeat {
                    let next = escaped(lines[index])
                    scanner.feed(next, line: index + 1)
                    source.append(next)
                    index += 1
                } while !scanner.isComplete && index < lines.count
                if !scanner.isComplete {
                    throw fail("\(place): the statement at its line \(start + 1) never closes: \(scanner.openReason)")
                }
                pieces.append(.statement(source))
            }
        }
        return pieces
    }

    /// A comment line that would read as `#'` prose, a `#>` output or `#+` options in a
    /// `.gbook` file gets a space after its `#`, so it stays a comment.
    static func escaped(_ line: String) -> String {
        let indent = line.prefix { $0 == " " || $0 == "\t" }
        let body = line.dropFirst(indent.count)
        guard body.hasPrefix("#'") || body.hasPrefix("#>") || body.hasPrefix("#+") else { return line }
        return String(indent) + "# " + body.dropFirst()
    }
}
