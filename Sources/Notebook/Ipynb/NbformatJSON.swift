import Support

/// Writes JSON in the layout nbformat itself writes (`json.dumps(nb, indent=1,
/// sort_keys=True, separators=(",", ": "), ensure_ascii=False)` plus a final newline),
/// so a notebook saved again by Jupyter gives the same bytes and diffs stay quiet.
enum NbformatJSON {
    /// The document as nbformat would write it, ending with a newline.
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let x): out += number(x)
        case .string(let s): appendQuotedJSON(s, into: &out)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (offset, element) in elements.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: indent + 1)
                write(element, indent: indent + 1, into: &out)
            }
            out += "\n" + String(repeating: " ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            // Python sorts keys by code point; Swift's `<` on String would normalise first.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (offset, key) in keys.enumerated() {
                out += offset == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: indent + 1)
                appendQuotedJSON(key, into: &out)
                out += ": "
                if let member = members[key] { write(member, indent: indent + 1, into: &out) }
            }
            out += "\n" + String(repeating: " ", count: indent) + "}"
        }
    }

    /// Integers without a fraction (execution counts must be), others shortest round-trip.
    private static func number(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x.rounded() == x, abs(x) < 9.0e15 { return String(Int64(x)) }
        return "\(x)"
    }
}
