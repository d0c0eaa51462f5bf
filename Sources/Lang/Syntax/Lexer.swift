/// Turns source text into tokens. Newlines end statements except inside
/// brackets; `#` starts a comment to the end of the line.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var depth = 0
    private var tokens: [Token] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// All tokens, ending with `.eof`.
    /// - Throws: a syntax `Diagnostic` at the first character that starts no token.
    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        return try lexer.run()
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
                if isIdentifierStart(c) { identifier() } else { try symbol() }
            }
        }
        add(.eof, bytes.count, bytes.count)
        return tokens
    }

    private mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind: kind, span: SourceSpan(start: start, end: end, line: line)))
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c >= 0x80
    }

    private mutating func identifier() {
        let start = position
        while position < bytes.count, isIdentifierStart(bytes[position]) || isDigit(bytes[position]) {
            position += 1
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
                let e = bytes[position]
                position += 1
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
                default:
                    throw Diagnostic(.syntax, "unknown escape '\\\(String(decoding: [e], as: UTF8.self))' in string",
                                     SourceSpan(start: position - 2, end: position, line: line))
                }
            } else {
                out.append(c)
            }
        }
        add(.string(String(decoding: out, as: UTF8.self)), start, position)
    }

    private mutating func symbol() throws {
        let start = position
        for s in Symbol.allCases {
            let text = Array(s.rawValue.utf8)
            if position + text.count <= bytes.count, Array(bytes[position..<position + text.count]) == text {
                position += text.count
                switch s {
                case .leftParen, .leftBracket: depth += 1
                case .rightParen, .rightBracket: depth = Swift.max(0, depth - 1)
                default: break
                }
                add(.symbol(s), start, position)
                return
            }
        }
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        throw Diagnostic(.syntax, "unexpected character '\(text)'", SourceSpan(start: start, end: end, line: line))
    }
}
