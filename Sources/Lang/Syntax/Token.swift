/// What a token is; literals carry their value.
enum TokenKind: Equatable {
    case number(Double)
    case string(String)
    /// `f"..."`: its text and fields, each field's expression still as source.
    case formatString([LexedFormatPart])
    case identifier(String)
    case keyword(Keyword)
    case symbol(Symbol)
    case newline
    case eof
}

/// Reserved words of the language.
enum Keyword: String, CaseIterable {
    case function, end, `if`, elif, `else`, `for`, `in`, `while`, `break`, `continue`, `return`
    case `true`, `false`, nothing, and, or, not
}

/// Punctuation and operators, longest first when two share a prefix.
enum Symbol: String, CaseIterable {
    case powerEqual = "**=", floorDivideEqual = "//="
    case power = "**", floorDivide = "//"
    case arrow = "->", lessEqual = "<=", greaterEqual = ">=", equalEqual = "==", notEqual = "!="
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    case caretEqual = "^=", atEqual = "@=", percentEqual = "%="
    case plus = "+", minus = "-", star = "*", slash = "/", caret = "^", at = "@", percent = "%"
    case ampersand = "&", bar = "|", tilde = "~"
    case less = "<", greater = ">", equal = "="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = "."
}

/// One lexeme with its span.
struct Token {
    var kind: TokenKind
    var span: SourceSpan

    /// How the token reads in a message: "'x'", "end of input", "newline".
    var quoted: String {
        switch kind {
        case .number(let x): return "'\(ValueFormatter.number(x, precision: 10))'"
        case .string(let s): return "'\"\(s)\"'"
        case .formatString: return "f-string"
        case .identifier(let name): return "'\(name)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .newline: return "end of line"
        case .eof: return "end of input"
        }
    }
}

/// A piece of an f-string as the lexer cuts it: text with escapes resolved, or a
/// field's expression source (with its byte offset, for spans), its `!r`/`!s`
/// conversion and its format spec.
enum LexedFormatPart: Equatable {
    case text(String)
    case field(String, start: Int, conversion: Character?, spec: String)
}
