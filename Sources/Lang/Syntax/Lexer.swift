/// Turns source text into tokens. Newlines end statements except inside
/// brackets; `#` starts a comment to the end of the line.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var depth = 0
    private var tokens: [Token] = []
    /// Added to every span: an f-string field is lexed on its own but reports
    /// positions in the text around it.
    private var offset = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// All tokens, ending with `.eof`.
    /// - Throws: a syntax `Diagnostic` at the first character that starts no token.
    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        return try lexer.run()
    }

    /// The tokens of a piece of a larger text that starts at byte `offset` on `line`.
    static func tokenize(_ source: String, offset: Int, line: Int) throws -> [Token] {
        var lexer = Lexer(source)
        lexer.offset = offset
        lexer.line = line
        do {
            return try lexer.run()
        } catch var d as Diagnostic {
            // The lexer's own errors are in the piece's positions.
            d.span = SourceSpan(start: d.span.start + offset, end: d.span.end + offset, line: d.span.line)
            throw d
        }
    }

    private mutating func run() throws -> [Token] {
        while position < bytes.count {
            let c = bytes[position]
            let start = position
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "\n"):
                if depth == 0 { add(.newline, start, start + 1) }
                position += 1
                line += 1
            case UInt8(ascii: "#"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            case UInt8(ascii: "."):
                if position + 1 < bytes.count, isDigit(bytes[position + 1]) { try number() } else { try symbol() }
            default:
                if isIdentifierStart(c) { try identifier() } else { try symbol() }
            }
        }
        add(.eof, bytes.count, bytes.count)
        return tokens
    }

    private mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind: kind, span: SourceSpan(start: start + offset, end: end + offset, line: line)))
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c >= 0x80
    }

    private mutating func identifier() throws {
        let start = position
        while position < bytes.count, isIdentifierStart(bytes[position]) || isDigit(bytes[position]) {
            position += 1
        }
        if position == start + 1, bytes[start] == UInt8(ascii: "f"), position < bytes.count,
           bytes[position] == UInt8(ascii: "\"") {
            position = start
            try formatString()
            return
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if let keyword = Keyword(rawValue: text) {
            add(.keyword(keyword), start, position)
        } else {
            add(.identifier(text), start, position)
        }
    }

    private mutating func number() throws {
        let start = position
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: "."),
           !(position + 1 < bytes.count && isIdentifierStart(bytes[position + 1])) {
            position += 1
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var p = position + 1
            if p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") { p += 1 }
            if p < bytes.count, isDigit(bytes[p]) {
                position = p
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text) else {
            throw Diagnostic(.syntax, "malformed number '\(text)'",
                             SourceSpan(start: start, end: position, line: line))
        }
        add(.number(value), start, position)
    }

    private mutating func string() throws {
        let start = position
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
                throw Diagnostic(.syntax, "unterminated string", SourceSpan(start: start, end: position, line: line))
            }
            let c = bytes[position]
            position += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\"), position < bytes.count {
                position -= 1
                out.append(try escape())
            } else {
                out.append(c)
            }
        }
        add(.string(String(decoding: out, as: UTF8.self)), start, position)
    }

    /// The byte an escape (`\n \t \" \\`) at `position` stands for; steps past it.
    private mutating func escape() throws -> UInt8 {
        let e = position + 1 < bytes.count ? bytes[position + 1] : 0
        position += 2
        switch e {
        case UInt8(ascii: "n"): return 10
        case UInt8(ascii: "t"): return 9
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return e
        default:
            throw Diagnostic(.syntax, "unknown escape '\\\(String(decoding: [e], as: UTF8.self))' in string",
                             SourceSpan(start: position - 2, end: position, line: line))
        }
    }

    private mutating func symbol() throws {
        let start = position
        // `&&` and `||` are other languages' logic: refused with a hint below, although `&`
        // and `|` alone are the elementwise operators.
        let doubled = position + 1 < bytes.count && bytes[position] == bytes[position + 1]
            && (bytes[position] == UInt8(ascii: "&") || bytes[position] == UInt8(ascii: "|"))
        for s in Symbol.allCases where !doubled {
            let text = Array(s.rawValue.utf8)
            if position + text.count <= bytes.count, Array(bytes[position..<position + text.count]) == text {
                position += text.count
                switch s {
                case .leftParen, .leftBracket, .leftBrace: depth += 1
                case .rightParen, .rightBracket, .rightBrace: depth = Swift.max(0, depth - 1)
                default: break
                }
                add(.symbol(s), start, position)
                return
            }
        }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        var notes: [String] = []
        switch text {
        // Only doubled ones get here: `&` and `|` alone are operators.
        case "&": notes.append("write 'and' for '&&'")
        case "|": notes.append("write 'or' for '||'")
        case "!": notes.append("write 'not x' for '!x' ('!=' is not-equal)")
        case "'": notes.append("strings take double quotes: \"text\"")
        default: break
        }
        throw Diagnostic(.syntax, "unexpected character '\(text)'", SourceSpan(start: start, end: end, line: line), notes: notes)
    }

    // fstring -> 'f"' { TEXT | '{{' | '}}' | '{' expr ['!' ('r' | 's')] [':' spec] '}' } '"'
    private mutating func formatString() throws {
        let start = position
        position += 2
        var parts: [LexedFormatPart] = []
        var text: [UInt8] = []
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
                throw Diagnostic(.syntax, "unterminated f-string", SourceSpan(start: start, end: position, line: line))
            }
            let c = bytes[position]
            let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
            if c == UInt8(ascii: "\"") {
                position += 1
                break
            } else if c == UInt8(ascii: "\\") {
                text.append(try escape())
            } else if c == UInt8(ascii: "{"), next == UInt8(ascii: "{") {
                text.append(c)
                position += 2
            } else if c == UInt8(ascii: "}"), next == UInt8(ascii: "}") {
                text.append(c)
                position += 2
            } else if c == UInt8(ascii: "{") {
                if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                parts.append(contentsOf: try formatField())
            } else if c == UInt8(ascii: "}") {
                throw Diagnostic(.syntax, "single '}' in an f-string (write '}}' for a brace)",
                                 SourceSpan(start: position, end: position + 1, line: line))
            } else {
                text.append(c)
                position += 1
            }
        }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
        add(.formatString(parts), start, position)
    }

    /// One `{...}` of an f-string, from its `{` to past its `}`. The expression ends at
    /// the first `}`, `:` or `!` outside brackets and strings, so `{d["a:b"][1:2]}` works.
    private mutating func formatField() throws -> [LexedFormatPart] {
        let open = position
        position += 1
        let exprStart = position
        var depth = 0
        func unclosed() -> Diagnostic {
            Diagnostic(.syntax, "expected '}' to close the f-string field", SourceSpan(start: open, end: position, line: line))
        }
        while true {
            guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else { throw unclosed() }
            let c = bytes[position]
            let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
            if c == UInt8(ascii: "\"") {
                try skipString()
                continue
            }
            if depth == 0, c == UInt8(ascii: "}") || c == UInt8(ascii: ":") || (c == UInt8(ascii: "!") && next != UInt8(ascii: "=")) { break }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
            position += 1
        }
        var source = String(decoding: bytes[exprStart..<position], as: UTF8.self)
        // `{x=}` (Python 3.8): the text as written, then the value, shown as echo shows it
        // unless a conversion or spec says otherwise.
        var selfDocumenting: String?
        let trimmed = source.reversed().drop { $0 == " " }
        if trimmed.first == "=", !"=!<>".contains(trimmed.dropFirst().first ?? " ") {
            selfDocumenting = source
            source = String(trimmed.dropFirst().reversed())
        }
        var conversion: Character?
        if bytes[position] == UInt8(ascii: "!") {
            let c = position + 1 < bytes.count ? bytes[position + 1] : 0
            guard c == UInt8(ascii: "r") || c == UInt8(ascii: "s") else {
                throw Diagnostic(.syntax, "an f-string conversion is !r or !s", SourceSpan(start: position, end: position + 2, line: line))
            }
            conversion = Character(UnicodeScalar(c))
            position += 2
        }
        var spec: [UInt8] = []
        if position < bytes.count, bytes[position] == UInt8(ascii: ":") {
            position += 1
            while position < bytes.count, bytes[position] != UInt8(ascii: "}") {
                if bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\"") { throw unclosed() }
                if bytes[position] == UInt8(ascii: "{") {
                    throw Diagnostic(.syntax, "nested fields in an f-string format spec are not supported",
                                     SourceSpan(start: position, end: position + 1, line: line))
                }
                spec.append(bytes[position])
                position += 1
            }
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw unclosed() }
        position += 1
        let field = LexedFormatPart.field(source, start: exprStart + offset,
                                          conversion: selfDocumenting != nil && conversion == nil && spec.isEmpty ? "r" : conversion,
                                          spec: String(decoding: spec, as: UTF8.self))
        if let selfDocumenting { return [.text(selfDocumenting), field] }
        return [field]
    }

    /// Steps over a string literal inside an f-string field.
    private mutating func skipString() throws {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            if bytes[position] == UInt8(ascii: "\n") { break }
            position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw Diagnostic(.syntax, "unterminated string", SourceSpan(start: start, end: position, line: line))
        }
        position += 1
    }
}
