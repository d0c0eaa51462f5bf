/// Reads lines with Swift's `readLine()`: for input that is not a terminal,
/// where readline would still print prompts and echo every line.
public final class PlainReader: LineReader {
    /// The entries read so far (never written to a file).
    public private(set) var history: [String] = []

    /// A reader of standard input.
    public init() {}

    /// Reads a line; the prompt is ignored because nobody is looking.
    public func read(prompt: String) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }

    /// Keeps the entry for `:history`.
    public func addHistory(_ entry: String) {
        history.append(entry)
    }

    /// Nothing to save: piped sessions do not touch the history file.
    public func saveHistory() {}
}
