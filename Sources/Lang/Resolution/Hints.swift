/// Notes for spellings from other languages (Python, Julia, C, NumPy), so the
/// error names this language's way: `elseif` → `elif`, `np.mean` → `mean`.
enum Hints {
    /// A note for a statement that starts with `word` and then goes on where a statement should end.
    static func statementWord(_ word: String) -> String? {
        switch word {
        case "elseif", "elsif", "elseif_": return "write 'elif' for 'elseif'"
        case "def", "fn", "func", "fun", "defn":
            return "define a function with 'function name(x) ... end' or 'name(x) = expression'"
        case "let", "var", "const", "local": return "assign with 'name = value'; there is no declaration keyword"
        default: return nil
        }
    }

    /// A note for an unknown name that is a module prefix elsewhere.
    static func unknownName(_ name: String) -> String? {
        switch name {
        case "np", "numpy", "math", "torch", "jnp", "scipy":
            return "there are no modules: NumPy's functions are builtins here, so write 'mean(x)' for '\(name).mean(x)'"
        case "True", "False": return "write '\(name.lowercased())'"
        case "None", "nil", "null": return "write 'nothing'"
        default: return nil
        }
    }
}
