/// A notebook file that cannot be read, with the 1-based line where the trouble is.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line number in the file.
    public var line: Int
    /// What is wrong, naming what the file says.
    public var message: String

    /// Makes an error at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}
