import Tensor

/// Turns values into the text echo and `print` show. Numbers and tensors go
/// through the Tensor module's `TensorFormatter` so a number prints the same
/// alone and inside a tensor.
struct ValueFormatter {
    /// Digits after the point (`precision(n)`).
    var precision = 6

    /// The echo form: strings quoted, `nothing` as the word.
    func format(_ value: Value) -> String {
        switch value {
        case .string(let s): return "\"" + s.value + "\""
        default: return display(value)
        }
    }

    /// The `print` form: strings raw.
    func display(_ value: Value) -> String {
        let f = TensorFormatter(precision: precision)
        switch value {
        case .number(let x): return f.format(x)
        case .bool(let b): return b ? "true" : "false"
        case .nothing, .undefined: return "nothing"
        case .string(let s): return s.value
        case .tensor(let t): return f.format(t.tensor)
        case .variable(let v): return f.format(v.value)
        case .list(let l): return "[" + l.items.map { format($0) }.joined(separator: ", ") + "]"
        // As Python shows them, with this language's double-quoted strings: the text pastes back as a literal.
        case .tuple(let t):
            if t.items.count == 1 { return "(" + format(t.items[0]) + ",)" }
            return "(" + t.items.map { format($0) }.joined(separator: ", ") + ")"
        case .dict(let d):
            return "{" + zip(d.keys, d.values).map { format($0.value) + ": " + format($1) }.joined(separator: ", ") + "}"
        case .function(let fn): return "<function \(fn.name)>"
        case .builtin(let b): return "<builtin \(b.name)>"
        case .object(let o): return o.object.description
        case .cell(let c): return display(c.pointer.pointee)
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
