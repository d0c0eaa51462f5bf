/// What a chunk shows: echoes and `print` are text; plots are data for the
/// front end to draw.
public enum Output: Equatable, Sendable {
    /// One line or block of text, without a trailing newline.
    case text(String)
    /// A plot to draw.
    case plot(PlotSpec)
}

/// How far a long builtin (`fit`, `minimize`) has got.
public struct Progress: Sendable, Equatable {
    /// Steps done.
    public var done: Int
    /// Steps in all.
    public var total: Int
    /// A short status ("epoch 3 loss 0.0123").
    public var message: String

    /// A progress report.
    public init(done: Int, total: Int, message: String) {
        self.done = done
        self.total = total
        self.message = message
    }
}

/// Whether a chunk of input is ready to run (IPython's `check_complete`).
public enum Completeness: Equatable, Sendable {
    /// Parses: run it.
    case complete
    /// An open block or bracket: read another line.
    case incomplete
    /// A syntax error more lines cannot fix: run it to show the error.
    case invalid
}

/// One user variable, for `:vars`.
public struct VariableInfo: Equatable, Sendable {
    /// Its name.
    public var name: String
    /// `typeof` of its value.
    public var type: String
    /// Its shape for tensors and variables (`(2, 3)`), else nil.
    public var shape: String?
}
