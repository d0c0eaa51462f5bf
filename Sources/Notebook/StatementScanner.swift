/// Finds where a top-level statement ends, line by line, without the interpreter.
///
/// A statement is open while a bracket is open, a block (`function if for while`)
/// lacks its `end`, or the line ends on a binary operator or comma. Strings and
/// `#` comments are skipped. This mirrors `Interpreter.checkComplete` closely
/// enough to cut a file into cells; the interpreter still judges each cell.
struct StatementScanner {
    /// Open brackets, innermost last, with the line each opened on.
    private(set) var brackets: [(Character, Int)] = []
    /// Open blocks, innermost last: keyword and line.
    private(set) var blocks: [(String, Int)] = []
    /// Whether the last line ended on something that needs more input.
    private(set) var dangling = false

    /// Whether everything fed so far forms complete statements.
    var isComplete: Bool { brackets.isEmpty && blocks.isEmpty && !dangling }

    private static let openers: Set<String> = ["function", "if", "for", "while"]
    private static let continuingWords: Set<String> = ["and", "or", "not"]
    private static let continuingSymbols: Set<UInt8> = Set("+-*/^@=,<>%".utf8)

    /// Feeds one line (1-based number `line` for messages).
    mutating func feed(_ text: String, line: Int) {
        // Bytes, not Characters: grapheme breaking made parsing ten times slower, and
        // every byte that matters here is ASCII (non-ASCII bytes count as letters).
        var bytes = Array(text.utf8)
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        func isLetter(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
        }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var i = 0
        var lastSignificant: UInt8? = nil
        var lastWord: String? = nil
        var previous: UInt8? = nil  // last non-space byte, to tell `.end` from `end`
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "#") { break }
            if c == UInt8(ascii: "\"") {
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") {
                    i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1
                }
                i += 1
                lastSignificant = c
                lastWord = nil
                previous = c
                continue
            }
            if isLetter(c) {
                let start = i
                while i < bytes.count && (isLetter(bytes[i]) || isDigit(bytes[i])) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                // Inside brackets `for` and `if` belong to an expression, never open a block.
                if previous != UInt8(ascii: "."), brackets.isEmpty {
                    if Self.openers.contains(word) {
                        blocks.append((word, line))
                    } else if word == "end", !blocks.isEmpty {
                        blocks.removeLast()
                    }
                }
                lastSignificant = UInt8(ascii: "a")
                lastWord = word
                previous = UInt8(ascii: "a")
                continue
            }
            switch c {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): brackets.append((Character(Unicode.Scalar(c)), line))
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): if !brackets.isEmpty { brackets.removeLast() }
            default: break
            }
            if c != UInt8(ascii: " ") && c != UInt8(ascii: "\t") {
                // `->` ends a lambda head: the body must follow
                lastSignificant = (c == UInt8(ascii: ">") && previous == UInt8(ascii: "-")) ? UInt8(ascii: "=") : c
                lastWord = nil
                previous = c
            }
            i += 1
        }
        if let word = lastWord {
            dangling = Self.continuingWords.contains(word)
        } else if let last = lastSignificant {
            dangling = Self.continuingSymbols.contains(last)
        } else {
            dangling = false
        }
    }

    /// Why the statement is still open, for error messages.
    var openReason: String {
        if let (word, line) = blocks.last { return "expected 'end' to close '\(word)' at line \(line)" }
        if let (bracket, line) = brackets.last { return "expected a closing bracket for '\(bracket)' at line \(line)" }
        return "the statement ends on an operator and needs more"
    }
}
