import Symbolic

/// An echoed expression or symbolic matrix, as a front end needs it: LaTeX to show it
/// as math, and a canonical comparison with the text an earlier run recorded, so a
/// replay does not fail because the terms came out in another order.
public struct SymbolicEcho {
    let value: any SymbolicValue

    init(_ value: any SymbolicValue) { self.value = value }

    /// The LaTeX of the value, without `$` delimiters.
    public var latex: String { value.latex }

    /// How many lines the value's text takes.
    public var lineCount: Int { value.description.split(separator: "\n", omittingEmptySubsequences: false).count }

    /// True when `recorded`, read back as the language would read it (every name not
    /// called as a function is a symbol), is the same expression or matrix after
    /// canonicalisation.
    public func matches(recorded: String) -> Bool {
        guard let other = SymbolicEcho.read(recorded) else { return false }
        switch (value, other) {
        case (let a as ExpressionObject, let b as ExpressionObject):
            return a.expr.isEqual(canonically: b.expr)
        case (let a as SymbolicMatrixObject, let b as SymbolicMatrixObject):
            return a.isVector == b.isVector && a.matrix.rows == b.matrix.rows && a.matrix.columns == b.matrix.columns
                && zip(a.matrix.entries, b.matrix.entries).allSatisfy { $0.isEqual(canonically: $1) }
        default:
            return false
        }
    }

    /// The symbolic value printed as `text`, or nil when it does not read as one.
    static func read(_ text: String) -> (any SymbolicValue)? {
        guard let tokens = try? Lexer.tokenize(text) else { return nil }
        var names: Set<String> = []
        for (k, t) in tokens.enumerated() {
            guard case .identifier(let name) = t.kind else { continue }
            if k + 1 < tokens.count, tokens[k + 1].kind == .symbol(.leftParen) { continue }
            names.insert(name)
        }
        let interpreter = Interpreter()
        var result: (any SymbolicValue)?
        interpreter.outputHandler = { _ in }
        interpreter.echoHandler = { echo in result = echo.symbolic?.value }
        let prelude = names.sorted().map { "\($0) = symbol(\"\($0)\");" }.joined(separator: "\n")
        guard interpreter.run(prelude + "\n" + text, origin: "recorded output") == nil else { return nil }
        return result
    }
}
