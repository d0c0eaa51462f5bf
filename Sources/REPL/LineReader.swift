/// What one attempt to read a line gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C at the prompt: drop what was typed, including a continued entry.
    case interrupted
    /// Ctrl-D at an empty prompt, or the end of piped input.
    case endOfInput
}

/// A source of input lines with a history: GNU readline on a terminal, plain
/// `readLine()` otherwise (Julia's `LineEditREPL` and `BasicREPL`).
public protocol LineReader: AnyObject {
    /// Reads one line, showing `prompt` if the reader shows prompts.
    func read(prompt: String) -> LineInput
    /// Records a whole entry (possibly several lines) as one history item.
    func addHistory(_ entry: String)
    /// The history items, oldest first.
    var history: [String] { get }
    /// Writes the history to its file, if it has one; called on every exit path.
    func saveHistory()
}
