import Glibc
import Tensor

/// Python's format mini-language, for f-string fields and `format(x, spec)`:
///
///     [[fill]align][sign][z][#][0][width][grouping][.precision][type]
///
/// Types: `e E f F g G %` for any number, `d x X o b` for whole numbers, `s` for
/// strings; none means the value as `str` shows it (with a precision, like `g`
/// but keeping a `.0`, as Python does). Numbers align right, text left. A tensor
/// formats each element with the spec, inside brackets as it prints.
struct FormatSpec {
    /// A malformed spec or one that does not fit the value; the caller adds the span.
    struct Failure: Error {
        let message: String
    }

    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var coerceZero = false
    var alternate = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?
    let text: String

    init(_ spec: String) throws {
        text = spec
        let c = Array(spec)
        var i = 0
        func at(_ k: Int) -> Character? { k < c.count ? c[k] : nil }
        if let a = at(1), "<>=^".contains(a) {
            fill = c[0]; align = a; i = 2
        } else if let a = at(0), "<>=^".contains(a) {
            align = a; i = 1
        }
        if let s = at(i), "+- ".contains(s) { sign = s; i += 1 }
        if at(i) == "z" { coerceZero = true; i += 1 }
        if at(i) == "#" { alternate = true; i += 1 }
        if at(i) == "0" {
            if align == nil { fill = "0"; align = "=" }
            i += 1
        }
        var w = 0
        while let d = at(i), let v = d.wholeNumberValue, d.isASCII {
            w = w * 10 + v; i += 1
            if w > 10_000 { throw Failure(message: "format width too large in '\(spec)'") }
        }
        width = w
        if let g = at(i), g == "," || g == "_" { grouping = g; i += 1 }
        if at(i) == "." {
            i += 1
            var p = 0, digits = 0
            while let d = at(i), let v = d.wholeNumberValue, d.isASCII {
                p = p * 10 + v; i += 1; digits += 1
                if p > 100 { throw Failure(message: "format precision too large in '\(spec)'") }
            }
            if digits == 0 { throw Failure(message: "format spec '\(spec)' has '.' without a precision") }
            precision = p
        }
        if let t = at(i), "eEfFgG%dxXobs".contains(t) { type = t; i += 1 }
        if i != c.count { throw Failure(message: "invalid format spec '\(spec)' (expected [[fill]align][sign][#][0][width][,][.precision][type])") }
    }

    /// `value` under this spec; `formatter` gives the unformatted text of non-numbers.
    func format(_ value: Value, _ formatter: ValueFormatter) throws -> String {
        if text.isEmpty { return formatter.display(value) }
        switch value {
        case .number(let x): return try number(x, formatter)
        case .bool(let b): return type == nil || type == "s" ? pad(b ? "true" : "false", defaultAlign: "<") : try number(b ? 1 : 0, formatter)
        case .string(let s): return try string(s.value)
        case .tensor, .variable:
            guard let t = value.asTensor else { break }
            if t.rank == 0, let x = try? t.scalar() { return try number(x, formatter) }
            if type == nil || type == "s" { return try string(formatter.display(value)) }
            return try elements(t, formatter)
        default: break
        }
        if type == nil || type == "s" { return try string(formatter.display(value)) }
        throw Failure(message: "format type '\(type.map(String.init) ?? "")' needs a number, got \(value.typeName)")
    }

    private func elements(_ t: Tensor, _ formatter: ValueFormatter) throws -> String {
        let xs = t.scalars
        var k = 0
        func level(_ axis: Int) throws -> String {
            if axis == t.rank {
                defer { k += 1 }
                return try number(xs[k], formatter)
            }
            var parts: [String] = []
            for _ in 0..<t.shape[axis] { parts.append(try level(axis + 1)) }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        return try level(0)
    }

    private func string(_ s: String) throws -> String {
        guard type == nil || type == "s" else {
            throw Failure(message: "format type '\(type.map(String.init) ?? "")' needs a number, got string")
        }
        if sign != "-" || alternate || grouping != nil {
            throw Failure(message: "format spec '\(text)' has sign, '#' or grouping, which text does not take")
        }
        if align == "=" { throw Failure(message: "'=' alignment is for numbers, not text") }
        let cut = precision.map { String(s.prefix($0)) } ?? s
        return pad(cut, defaultAlign: "<")
    }

    private func number(_ x: Double, _ formatter: ValueFormatter) throws -> String {
        let negative = x < 0 || (x == 0 && x.sign == .minus)
        let m = Swift.abs(x)
        var body: String
        var prefix = ""
        let upper = type.map { $0.isUppercase } ?? false
        if !m.isFinite {
            if let t = type, "dxXob".contains(t) {
                throw Failure(message: "cannot format \(m.isNaN ? "nan" : "inf") as a whole number ('\(t)')")
            }
            body = m.isNaN ? "nan" : "inf"
            if upper { body = body.uppercased() }
            if type == "%" { body += "%" }
        } else {
            switch type {
            case nil:
                if let p = precision {
                    body = cFormat(alternate ? "%#.*g" : "%.*g", Swift.max(p, 1), m)
                    if !body.contains(".") && !body.contains("e") { body += ".0" }
                } else {
                    body = formatter.display(.number(m))
                }
            case "e", "E": body = cFormat(alternate ? "%#.*e" : "%.*e", precision ?? 6, m)
            case "f", "F": body = cFormat(alternate ? "%#.*f" : "%.*f", precision ?? 6, m)
            case "g", "G": body = cFormat(alternate ? "%#.*g" : "%.*g", Swift.max(precision ?? 6, 1), m)
            case "%": body = cFormat(alternate ? "%#.*f" : "%.*f", precision ?? 6, m * 100) + "%"
            case "s": throw Failure(message: "format type 's' needs a string, got number")
            default:
                guard m == m.rounded(), m < 9.2e18 else {
                    throw Failure(message: "format type '\(type.map(String.init) ?? "")' needs a whole number, got \(formatter.display(.number(x)))")
                }
                if precision != nil { throw Failure(message: "precision is not allowed with format type '\(type.map(String.init) ?? "")'") }
                let n = UInt64(m)
                switch type {
                case "x": body = String(n, radix: 16); prefix = alternate ? "0x" : ""
                case "X": body = String(n, radix: 16).uppercased(); prefix = alternate ? "0X" : ""
                case "o": body = String(n, radix: 8); prefix = alternate ? "0o" : ""
                case "b": body = String(n, radix: 2); prefix = alternate ? "0b" : ""
                default: body = String(n)
                }
            }
            if upper { body = body.uppercased() }
        }
        if let g = grouping { body = group(body, g, every: type.map { "xXob".contains($0) } ?? false ? 4 : 3) }
        var signText = ""
        let zeroAfterRounding = coerceZero && !body.contains(where: { $0.isNumber && $0 != "0" })
        if negative && !zeroAfterRounding && !m.isNaN { signText = "-" } else if sign == "+" { signText = "+" } else if sign == " " { signText = " " }
        let lead = signText + prefix
        if (align ?? ">") == "=" {
            let n = width - lead.count - body.count
            return lead + String(repeating: fill, count: Swift.max(0, n)) + body
        }
        return pad(lead + body, defaultAlign: ">")
    }

    /// Separators every `every` digits in the leading run of digits.
    private func group(_ s: String, _ separator: Character, every: Int) -> String {
        let chars = Array(s)
        var end = 0
        while end < chars.count, chars[end].isHexDigit, !(chars[end] == "e" || chars[end] == "E") || every == 4 { end += 1 }
        guard end > every else { return s }
        var out: [Character] = []
        for (i, ch) in chars[..<end].enumerated() {
            if i > 0, (end - i) % every == 0 { out.append(separator) }
            out.append(ch)
        }
        return String(out) + String(chars[end...])
    }

    private func pad(_ s: String, defaultAlign: Character) -> String {
        let n = width - s.count
        guard n > 0 else { return s }
        switch align ?? defaultAlign {
        case "<": return s + String(repeating: fill, count: n)
        case "^": return String(repeating: fill, count: n / 2) + s + String(repeating: fill, count: n - n / 2)
        default: return String(repeating: fill, count: n) + s
        }
    }

    /// `x` through a C pattern with `*` for the precision. 512 bytes hold the longest
    /// result (`%.100f` of 1.8e308 is 410 characters).
    private func cFormat(_ f: String, _ precision: Int, _ x: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([Int32(precision), x]) { vsnprintf(pointer.baseAddress, 512, f, $0) }
        }
        return String(cString: buffer)
    }
}
