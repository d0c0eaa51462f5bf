/// The text of one chunk the interpreter ran (a REPL entry, a notebook cell, a
/// script) and the name its errors show it under. A function keeps the chunk it
/// was written in, so an error inside it is drawn against that text and line,
/// whichever later entry called it.
public final class SourceText: Equatable, Sendable {
    /// The chunk's text, as spans index it (UTF-8 offsets).
    public let text: String
    /// The file or cell name (`<repl 3>`, `In[2]`, `script.gb`).
    public let origin: String

    /// A chunk's text and name.
    public init(text: String, origin: String) {
        self.text = text
        self.origin = origin
    }

    /// The same text under the same name.
    public static func == (a: SourceText, b: SourceText) -> Bool {
        a === b || (a.origin == b.origin && a.text == b.text)
    }

    /// The text of the 1-based `line`, without its newline; empty past the end.
    public func line(_ line: Int) -> String {
        var n = 1
        for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if n == line { return String(piece) }
            n += 1
        }
        return ""
    }
}
