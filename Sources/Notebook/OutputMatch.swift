#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares recorded `#>` output with what a replay printed, token by token.
///
/// Text must agree exactly. A number matches when it equals the recorded one within
/// the relative tolerance or the absolute one (`atol`, 0 unless a cell sets it), or, when the recorded number has a fractional part or an
/// exponent and the new one is written with more digits, when the new one rounds to
/// the recorded digits (a recorded `0.2357` accepts `0.23571`, not `0.2358`). A
/// recorded integer is compared only within the tolerance, so `3` never accepts `3.4`.
public enum OutputMatch {
    /// One piece of an output line.
    public enum Token: Equatable, Sendable {
        /// Text compared exactly.
        case text(String)
        /// A number: its value and how it was written.
        case number(Double, String)
    }

    /// Splits a line into text and number tokens. A digit run glued to letters
    /// (`x1`, `1a2b`) and the value after `hash=` are text, so names and hashes never
    /// compare as numbers.
    public static func tokens(_ line: String) -> [Token] {
        let chars = Array(line.unicodeScalars)
        var result: [Token] = []
        var text = String.UnicodeScalarView()
        var i = 0
        func flushText() {
            if !text.isEmpty { result.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        func isWordChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c)
        }
        while i < chars.count {
            let previous: Unicode.Scalar? = i > 0 ? chars[i - 1] : nil
            let afterWord = previous.map(isWordChar) ?? false
            let afterHash = String(String.UnicodeScalarView(chars[max(0, i - 5)..<i])) == "hash="
            if !afterWord && !afterHash, let end = numberEnd(chars, from: i),
               end == chars.count || !isWordChar(chars[end]) {
                let written = String(String.UnicodeScalarView(chars[i..<end]))
                if let value = Double(written) {
                    flushText()
                    result.append(.number(value, written))
                    i = end
                    continue
                }
            }
            // Consume a whole word at once so digits inside it stay text.
            if isWordChar(chars[i]) {
                while i < chars.count && isWordChar(chars[i]) { text.append(chars[i]); i += 1 }
            } else {
                text.append(chars[i])
                i += 1
            }
        }
        flushText()
        return result
    }

    /// The end of a number starting at `start`: `-?(digits[.digits]|.digits)([eE][+-]?digits)?`,
    /// or `nan`, `inf`, `-inf`.
    private static func numberEnd(_ c: [Unicode.Scalar], from start: Int) -> Int? {
        var i = start
        func digit(_ k: Int) -> Bool { k < c.count && ("0"..."9").contains(c[k]) }
        if i < c.count && c[i] == "-" { i += 1 }
        for word in ["inf", "nan"] {
            let scalars = Array(word.unicodeScalars)
            if i + scalars.count <= c.count && Array(c[i..<i + scalars.count]) == scalars { return i + scalars.count }
        }
        let mantissaStart = i
        while digit(i) { i += 1 }
        if i < c.count && c[i] == "." && digit(i + 1) {
            i += 1
            while digit(i) { i += 1 }
        }
        if i == mantissaStart { return nil }
        if i < c.count && (c[i] == "e" || c[i] == "E") {
            var k = i + 1
            if k < c.count && (c[k] == "+" || c[k] == "-") { k += 1 }
            if digit(k) {
                while digit(k) { k += 1 }
                i = k
            }
        }
        return i
    }

    /// The power of ten of the last written digit (`0.2357` gives -4, `12e3` gives 3),
    /// and whether the number shows a fraction or an exponent.
    static func lastDigitPower(_ written: String) -> (power: Int, hasPrecision: Bool) {
        let lower = written.lowercased()
        let parts = lower.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts.first.map(String.init) ?? lower
        let fraction = mantissa.split(separator: ".", maxSplits: 1)
        let fractionDigits = fraction.count == 2 ? fraction[1].count : 0
        return (exponent - fractionDigits, fraction.count == 2 || parts.count == 2)
    }

    /// Whether a replayed number matches a recorded one (see the type's summary).
    public static func numberMatches(recorded: (Double, String), actual: (Double, String), tolerance: Double,
                                     absoluteTolerance: Double = 0) -> Bool {
        let (r, rWritten) = recorded
        let (a, aWritten) = actual
        if r.isNaN || a.isNaN { return r.isNaN && a.isNaN }
        if r == a { return true }
        if !r.isFinite || !a.isFinite { return false }
        if abs(a - r) <= tolerance * max(abs(a), abs(r)) || abs(a - r) <= absoluteTolerance { return true }
        let rPrecision = lastDigitPower(rWritten)
        let aPrecision = lastDigitPower(aWritten)
        guard rPrecision.hasPrecision, aPrecision.power < rPrecision.power else { return false }
        let halfUnit = 0.5 * pow(10.0, Double(rPrecision.power))
        // The small slack absorbs the binary error of the two decimal values themselves.
        return abs(a - r) <= halfUnit * (1 + 1e-9)
    }

    /// Whether a replayed line matches a recorded line.
    public static func lineMatches(recorded: String, actual: String, tolerance: Double,
                                   absoluteTolerance: Double = 0) -> Bool {
        if recorded == actual { return true }
        let r = tokens(recorded)
        let a = tokens(actual)
        guard r.count == a.count else { return false }
        for (x, y) in zip(r, a) {
            switch (x, y) {
            case (.text(let s), .text(let t)): if s != t { return false }
            case (.number(let u, let s), .number(let v, let t)):
                if !numberMatches(recorded: (u, s), actual: (v, t), tolerance: tolerance,
                                  absoluteTolerance: absoluteTolerance) { return false }
            default: return false
            }
        }
        return true
    }
}
