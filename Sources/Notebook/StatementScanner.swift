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
    private static let continuingSymbols: Set<Character> = ["+", "-", "*", "/", "^", "@", "=", ",", "<", ">", "%"]

    /// Feeds one line (1-based number `line` for messages).
    mutating func feed(_ text: String, line: Int) {
        var chars = Array(text)
        if chars.last == "\r" { chars.removeLast() }
        var i = 0
        var lastSignificant: Character? = nil
        var lastWord: String? = nil
        var previous: Character? = nil  // last non-space character, to tell `.end` from `end`
        while i < chars.count {
            let c = chars[i]
            if c == "#" { break }
            if c == "\"" {
                i += 1
                while i < chars.count && chars[i] != "\"" {
                    i += chars[i] == "\\" ? 2 : 1
                }
                i += 1
                lastSignificant = "\""
                lastWord = nil
                previous = "\""
                continue
            }
            if c.isLetter || c == "_" {
                var word = ""
                while i < chars.count && (chars[i].isLetter || chars[i].isNumber || chars[i] == "_") {
                    word.append(chars[i])
                    i += 1
                }
                // Inside brackets `for` and `if` belong to an expression, never open a block.
                if previous != ".", brackets.isEmpty {
                    if Self.openers.contains(word) {
                        blocks.append((word, line))
                    } else if word == "end", !blocks.isEmpty {
                        blocks.removeLast()
                    }
                }
                lastSignificant = "a"
                lastWord = word
                previous = "a"
                continue
            }
            switch c {
            case "(", "[", "{": brackets.append((c, line))
            case ")", "]", "}": if !brackets.isEmpty { brackets.removeLast() }
            default: break
            }
            if !c.isWhitespace {
                // `->` ends a lambda head: the body must follow
                lastSignificant = (c == ">" && previous == "-") ? "=" : c
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
