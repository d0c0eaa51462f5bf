import Tensor

/// Turns values into the text echo and `print` show. Numbers and tensors go
/// through the Tensor module's `TensorFormatter` so a number prints the same
/// alone and inside a tensor.
struct ValueFormatter {
    /// Digits after the point (`precision(n)`).
    var precision = 6

    /// The echo form: strings quoted, `nothing` as the word.
    func format(_ value: Value) -> String {
        var open: Set<ObjectIdentifier> = []
        return format(value, &open)
    }

    /// The `print` form: strings raw.
    func display(_ value: Value) -> String {
        var open: Set<ObjectIdentifier> = []
        return display(value, &open)
    }

    private func format(_ value: Value, _ open: inout Set<ObjectIdentifier>) -> String {
        switch value {
        case .string(let s): return "\"" + s.value + "\""
        default: return display(value, &open)
        }
    }

    /// `open` holds the lists and dicts being shown: one that contains itself shows as
    /// `[...]` or `{...}` there, as Python prints it, instead of recursing forever.
    private func display(_ value: Value, _ open: inout Set<ObjectIdentifier>) -> String {
        let f = TensorFormatter(precision: precision)
        switch value {
        case .number(let x): return f.format(x)
        case .bool(let b): return b ? "true" : "false"
        case .nothing, .undefined: return "nothing"
        case .string(let s): return s.value
        case .tensor(let t): return f.format(t.tensor, boolean: t.isBoolean)
        case .variable(let v): return f.format(v.value)
        case .list(let l):
            guard open.insert(ObjectIdentifier(l)).inserted else { return "[...]" }
            defer { open.remove(ObjectIdentifier(l)) }
            var parts: [String] = []
            for item in l.items { parts.append(format(item, &open)) }
            return "[" + parts.joined(separator: ", ") + "]"
        // As Python shows them, with this language's double-quoted strings: the text pastes back as a literal.
        case .tuple(let t):
            var parts: [String] = []
            for item in t.items { parts.append(format(item, &open)) }
            return "(" + parts.joined(separator: ", ") + (parts.count == 1 ? ",)" : ")")
        case .dict(let d):
            guard open.insert(ObjectIdentifier(d)).inserted else { return "{...}" }
            defer { open.remove(ObjectIdentifier(d)) }
            var parts: [String] = []
            for (k, v) in zip(d.keys, d.values) { parts.append(format(k.value, &open) + ": " + format(v, &open)) }
            return "{" + parts.joined(separator: ", ") + "}"
        case .function(let fn): return fn.signature
        case .builtin(let b): return "<builtin \(b.name)>"
        case .object(let o): return o.object.description
        case .cell(let c): return display(c.pointer.pointee, &open)
        }
    }

    /// A number with `precision` digits.
    static func number(_ x: Double, precision: Int) -> String {
        TensorFormatter(precision: precision).format(x)
    }

    /// A short form for signatures: numbers, strings, `nothing`.
    static func brief(_ value: Value) -> String {
        ValueFormatter(precision: 6).format(value)
    }
}
