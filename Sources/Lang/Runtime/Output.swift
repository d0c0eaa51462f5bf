import Autodiff
import Plots
import Tensor

/// What a chunk shows: echoes and `print` are text; plots are data for the
/// front end to draw.
public enum Output: Equatable, Sendable {
    /// One line or block of text, without a trailing newline.
    case text(String)
    /// A plot to draw.
    case plot(PlotSpec)
}

/// A top-level statement's value as the prompt shows it, with the tensor behind
/// it so a richer front end can draw it (an HTML table in Jupyter).
public struct Echo {
    /// The text the REPL prints for the value.
    public var text: String
    /// The tensor shown: a tensor value, or a differentiable variable's value; nil otherwise.
    public var tensor: Tensor?
    /// The expression or symbolic matrix shown, for math display and canonical replay; nil otherwise.
    public var symbolic: SymbolicEcho?

    init(text: String, value: Value) {
        self.text = text
        switch value {
        case .tensor(let box): tensor = box.tensor
        case .variable(let x): tensor = x.value
        default: tensor = nil
        }
        if case .object(let o) = value, let s = o.object as? SymbolicValue { symbolic = SymbolicEcho(s) }
    }
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
