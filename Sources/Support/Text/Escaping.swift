/// Text made safe for XML and HTML content and attribute values (SVG plots,
/// Markdown export, Jupyter's HTML tables).
public func escapeXML(_ text: String) -> String {
    var out = ""
    appendEscaped(text, into: &out) { scalar in
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        default: return nil
        }
    }
    return out
}

/// Appends `text` as a quoted JSON string with Python's escapes (`json.dumps` with
/// `ensure_ascii=False`): non-ASCII text is written as it is, control characters as `\uXXXX`.
public func appendQuotedJSON(_ text: String, into out: inout String) {
    out += "\""
    appendEscaped(text, into: &out) { scalar in
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        default:
            guard scalar.value < 0x20 else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
    out += "\""
}

/// Walks scalars rather than characters: a combining mark after `&` must not hide it.
private func appendEscaped(_ text: String, into out: inout String,
                           _ replacement: (Unicode.Scalar) -> String?) {
    for scalar in text.unicodeScalars {
        if let escaped = replacement(scalar) { out += escaped } else { out.unicodeScalars.append(scalar) }
    }
}
