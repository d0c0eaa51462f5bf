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
    /// The chunk `span` points into when the error happened inside a function, which
    /// may have been written in an earlier entry; nil for the chunk that was run.
    public var source: SourceText?
    /// The calls the error unwound through; nil when it happened at the top level.
    var trace: Traceback?

    /// The calling frames, outermost first (Python's "most recent call last"): each
    /// function's name and where it was; empty for an error at the top level.
    public var traceback: [TraceFrame] { trace?.outermostFirst ?? [] }

    /// A diagnostic.
    public init(_ kind: Kind, _ message: String, _ span: SourceSpan, notes: [String] = []) {
        self.kind = kind
        self.message = message
        self.span = span
        self.notes = notes
    }

    /// 1-based line and column (in characters) of the span's start within `source`
    /// (within the text the span was written in, when that is known).
    public func location(in source: String) -> (line: Int, column: Int) {
        let bytes = Array((self.source?.text ?? source).utf8)
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
    /// The span is drawn against the text it was written in: `source` and `origin`
    /// (the chunk that was run) unless the error happened in a function written
    /// elsewhere. A traceback of the calls follows, innermost last, as Python prints it:
    ///
    ///     Traceback (most recent call last):
    ///       File "<repl 4>", line 1, in <module>
    ///         loss(w)
    ///       File "<repl 2>", line 2, in loss
    ///         r = X @ w - y
    ///
    /// With `color`, the header is bold red and the caret red (ANSI).
    public func render(source: String, origin: String, color: Bool) -> String {
        let origin = self.source?.origin ?? origin
        let source = self.source?.text ?? source
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
        if let trace { out += "\n" + Diagnostic.render(trace.outermostFirst) }
        return out
    }

    /// The traceback lines, without a final newline.
    static func render(_ frames: [TraceFrame]) -> String {
        var lines = ["Traceback (most recent call last):"]
        for frame in frames {
            lines.append("  File \"\(frame.source.origin)\", line \(frame.span.line), in \(frame.function)")
            let raw = frame.source.line(frame.span.line)
            let text = String(raw.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            if !text.isEmpty { lines.append("    " + text) }
            if frame.repeats > 0 {
                lines.append("  [Previous line repeated \(frame.repeats) more time\(frame.repeats == 1 ? "" : "s")]")
            }
        }
        return lines.joined(separator: "\n")
    }
}
