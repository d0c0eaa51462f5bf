/// An error of the language, as a value: what went wrong, where, and notes.
/// The evaluator throws it; `Interpreter.run` returns it; `render` formats it.
public struct Diagnostic: Error, Equatable, Sendable {
    /// The family of error, for tests and tools.
    public enum Kind: String, Sendable {
        case syntax, name, argument, type, shape, index, value, math
        case recursion, memory, interrupted, assertion, runtime
    }

    /// The family.
    public var kind: Kind
    /// One line, phrased for the user.
    public var message: String
    /// Where in the chunk's source.
    public var span: SourceSpan
    /// Further lines ("did you mean 'x'?", a builtin's signature).
    public var notes: [String]

    /// A diagnostic.
    public init(_ kind: Kind, _ message: String, _ span: SourceSpan, notes: [String] = []) {
        self.kind = kind
        self.message = message
        self.span = span
        self.notes = notes
    }

    /// 1-based line and column (in characters) of the span's start within `source`.
    public func location(in source: String) -> (line: Int, column: Int) {
        let bytes = Array(source.utf8)
        let start = Swift.min(span.start, bytes.count)
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
        return (span.line, column)
    }

    /// The diagnostic as the user sees it:
    ///
    ///     error: unknown name 'y'
    ///       --> cell:2:5
    ///        |
    ///      2 | x = y + 1
    ///        |     ^
    ///        = did you mean 'x'?
    ///
    /// With `color`, the header is bold red and the caret red (ANSI).
    public func render(source: String, origin: String, color: Bool) -> String {
        let bytes = Array(source.utf8)
        let start = Swift.min(span.start, bytes.count)
        var lineStart = start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let (line, column) = location(in: source)
        let spanEnd = Swift.min(Swift.max(span.end, start + 1), lineEnd)
        let width = Swift.max(1, String(decoding: bytes[start..<Swift.max(start, spanEnd)], as: UTF8.self).count)
        let gutter = String(line).count
        let pad = String(repeating: " ", count: gutter)
        let red = color ? "\u{1B}[1;31m" : "", bold = color ? "\u{1B}[1m" : "", reset = color ? "\u{1B}[0m" : ""
        let leading = String(lineText.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
        var out = "\(red)error\(reset)\(bold): \(message)\(reset)\n"
        out += "\(pad)--> \(origin):\(line):\(column)\n"
        out += "\(pad) |\n"
        out += "\(line) | \(lineText)\n"
        out += "\(pad) | \(leading)\(red)\(String(repeating: "^", count: width))\(reset)"
        for note in notes { out += "\n\(pad) = \(note)" }
        return out
    }
}
