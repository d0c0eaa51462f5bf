/// Finds where JSON text first goes wrong, for error messages: the decoder only
/// says the data is not valid, and a hand-edited or merge-conflicted `.ipynb`
/// deserves a line and column.
struct JSONSyntaxLocator {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private struct Failure: Error {
        var index: Int
        var message: String
    }

    /// `line 3, column 7: expected ',' or ']'`, or nil when the text scans as JSON.
    static func describe(_ bytes: [UInt8]) -> String? {
        var locator = JSONSyntaxLocator(bytes: bytes)
        do {
            locator.skipSpace()
            try locator.value()
            locator.skipSpace()
            if locator.index < bytes.count { throw Failure(index: locator.index, message: "unexpected text after the end") }
            return nil
        } catch let failure as Failure {
            var line = 1, column = 1
            for b in bytes[..<min(failure.index, bytes.count)] {
                if b == UInt8(ascii: "\n") { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            return "line \(line), column \(column): \(failure.message)"
        } catch {
            return nil
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private func fail(_ message: String) -> Failure {
        guard let b = current else { return Failure(index: index, message: "\(message), found the end of the text") }
        let shown = b >= 0x20 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte \(b)"
        return Failure(index: index, message: "\(message), found \(shown)")
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws {
        skipSpace()
        guard current == byte else { throw fail(message) }
        index += 1
    }

    private mutating func value() throws {
        depth += 1
        defer { depth -= 1 }
        if depth > 512 { throw Failure(index: index, message: "nested too deeply") }
        skipSpace()
        switch current {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw fail("expected a quoted key") }
                try string()
                try expect(UInt8(ascii: ":"), "expected ':' after the key")
                try value()
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "}"), "expected ',' or '}'")
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return }
            while true {
                try value()
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; continue }
                try expect(UInt8(ascii: "]"), "expected ',' or ']'")
                return
            }
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case .some(let b) where b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")):
            index += 1
            while let c = current, (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
                    || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                index += 1
            }
        default:
            throw fail("expected a value")
        }
    }

    private mutating func string() throws {
        let start = index
        index += 1
        while let b = current {
            index += 1
            if b == UInt8(ascii: "\\") {
                guard current != nil else { break }
                index += 1
            } else if b == UInt8(ascii: "\"") {
                return
            } else if b < 0x20 {
                index -= 1
                throw fail("a control character inside a string")
            }
        }
        throw Failure(index: start, message: "a string that is never closed")
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard current == expected else { throw fail("expected '\(word)'") }
            index += 1
        }
    }
}
