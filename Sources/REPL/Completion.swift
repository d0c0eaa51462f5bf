import Lang

/// What Tab offers: meta-command names after `:`, otherwise the interpreter's
/// variables, builtins, keywords and attributes (`model.` gives `model.W`, ...).
public enum Completion {
    /// The candidates for a word prefix.
    public static func candidates(for prefix: String, interpreter: Interpreter) -> [String] {
        if prefix.hasPrefix(":") {
            let word = prefix.dropFirst()
            return MetaCommand.usage.map(\.name).filter { $0.hasPrefix(word) }.map { ":" + $0 }
        }
        if prefix.hasPrefix("?") {
            return interpreter.completions(for: String(prefix.dropFirst())).map { "?" + $0 }
        }
        return interpreter.completions(for: prefix)
    }
}
