import Lang

/// An interpreter that collects its text output, for tests.
final class Session {
    let interpreter = Interpreter()
    private(set) var lines: [String] = []

    init() {
        interpreter.outputHandler = { [unowned self] output in
            if case .text(let s) = output { self.lines.append(s) }
        }
    }

    /// Runs `source`; returns what it showed (joined by newlines) and its diagnostic.
    @discardableResult
    func run(_ source: String) -> (output: String, diagnostic: Diagnostic?) {
        lines = []
        let d = interpreter.run(source, origin: "test")
        return (lines.joined(separator: "\n"), d)
    }

    /// The echo of one expression, or "error: message".
    func eval(_ source: String) -> String {
        let (out, d) = run(source)
        if let d { return "error: \(d.message)" }
        return out
    }
}
