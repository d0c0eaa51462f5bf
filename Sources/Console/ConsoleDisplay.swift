import Lang

/// Where a console session's results go: a front end draws them (the REPL on a
/// terminal, the Jupyter kernel as iopub messages). The console decides what is
/// shown; the display only decides how it looks.
public protocol ConsoleDisplay: AnyObject {
    /// Printed text and plots of the running entry, in order.
    func show(_ output: Output)
    /// A top-level echo: the value of a statement not ended by `;`.
    func echo(_ echo: Echo)
    /// Progress of a long builtin (`fit`, `minimize`).
    func progress(_ progress: Progress)
    /// The text a meta-command answers with (`:help`, `saved 3 cells to x.gbook`).
    func note(_ text: String)
    /// The session's variables (`:vars`).
    func variables(_ table: VariableTable)
    /// An error: the entry's diagnostic, or a meta-command's complaint.
    func failure(_ report: ErrorReport)
    /// The entry is over, however it ended: close an open progress line.
    func entryFinished()
}

extension ConsoleDisplay {
    /// By default an echo shows as its text.
    public func echo(_ echo: Echo) { show(.text(echo.text)) }
    /// By default the variables show as an aligned text table.
    public func variables(_ table: VariableTable) { note(table.text) }
    /// By default progress is not drawn.
    public func progress(_ progress: Progress) {}
    /// By default nothing is left to close.
    public func entryFinished() {}
}

/// An error as a value until a front end draws it: either a diagnostic of the
/// language with the source it points into, or a meta-command's message.
public struct ErrorReport: Sendable {
    /// The language's diagnostic, or nil for a meta-command's error (a file that
    /// cannot be saved, an unknown command).
    public var diagnostic: Diagnostic?
    /// The one-line message.
    public var message: String
    /// The entry's text the diagnostic's span points into.
    public var source: String
    /// The name the source is shown under (`<repl 3>`, `In[2]`, a file).
    public var origin: String

    /// The report of a language error.
    public init(_ diagnostic: Diagnostic, source: String, origin: String) {
        self.diagnostic = diagnostic
        self.message = diagnostic.message
        self.source = source
        self.origin = origin
    }

    /// The report of a meta-command's error.
    public init(message: String) {
        self.diagnostic = nil
        self.message = message
        self.source = ""
        self.origin = ""
    }

    /// The family name Python users know (`NameError`, `ShapeError`; `CommandError`
    /// for a meta-command).
    public var kindName: String {
        guard let kind = diagnostic?.kind else { return "CommandError" }
        let raw = kind.rawValue
        return raw.prefix(1).uppercased() + raw.dropFirst() + "Error"
    }

    /// The line a notebook records for this error, as replay compares it.
    public var recordedLine: String { "error: " + message }

    /// The error as text: `error: ...`, then for a diagnostic the place, the line and
    /// a caret under the span. `color` adds ANSI colour.
    public func rendered(color: Bool) -> String {
        if let diagnostic { return diagnostic.render(source: source, origin: origin, color: color) }
        return (color ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: ") + message
    }
}

/// The `:vars` table: one row per variable with its type and shape.
public struct VariableTable: Sendable {
    /// The rows, in the interpreter's order.
    public var rows: [VariableInfo]

    /// Aligned columns `name  type  shape`, or a line saying there are none.
    public var text: String {
        guard !rows.isEmpty else { return "no variables yet" }
        let nameWidth = max(4, rows.map { $0.name.count }.max() ?? 0) + 2
        let typeWidth = max(4, rows.map { $0.type.count }.max() ?? 0) + 2
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = [pad("name", nameWidth) + pad("type", typeWidth) + "shape"]
        for row in rows { lines.append(pad(row.name, nameWidth) + pad(row.type, typeWidth) + (row.shape ?? "")) }
        return lines.joined(separator: "\n")
    }
}
