import Autodiff
import Tensor

/// A builtin's arguments after the registry bound them: one value per
/// parameter in declaration order (defaults filled in), the variadic
/// parameter's values in `rest`. Accessors convert and throw a diagnostic
/// pointing at the argument that has the wrong type.
public struct Arguments {
    /// One value per parameter (`.nothing` in the variadic parameter's place).
    public let values: [Value]
    /// The variadic parameter's values.
    public let rest: [Value]
    /// Per parameter, the span of the argument (the call's span when defaulted).
    let spans: [SourceSpan]
    /// Spans of `rest`.
    let restSpans: [SourceSpan]
    /// Names of the parameters, for messages.
    let names: [String]
    /// The builtin's name, for messages.
    let function: String

    /// The value bound to parameter `i`.
    public subscript(_ i: Int) -> Value { values[i] }

    /// True when parameter `i` holds something other than `nothing`.
    public func has(_ i: Int) -> Bool {
        if case .nothing = values[i] { return false }
        return true
    }

    /// A diagnostic of `kind` at argument `i`.
    public func error(_ i: Int, _ message: String, kind: Diagnostic.Kind = .type) -> Diagnostic {
        Diagnostic(kind, message, spans[i])
    }

    private func typeError(_ i: Int, _ expected: String) -> Diagnostic {
        error(i, "\(function)() expects \(names[i]) to be \(expected), got \(values[i].typeName)")
    }

    /// Parameter `i` as a number (a one-element tensor counts).
    public func number(_ i: Int) throws -> Double {
        switch values[i] {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.tensor.count == 1: return try t.tensor.scalar()
        case .variable(let v) where v.count == 1: return try v.value.scalar()
        default: throw typeError(i, "a number")
        }
    }

    /// Parameter `i` as an integer; a fractional number is an error.
    public func int(_ i: Int) throws -> Int {
        let x = try number(i)
        guard let n = Int(exactly: x) else { throw error(i, "\(function)() expects \(names[i]) to be an integer, got \(ValueFormatter.number(x, precision: 10))", kind: .value) }
        return n
    }

    /// Parameter `i` as an integer, or nil when it is `nothing`.
    public func optionalInt(_ i: Int) throws -> Int? {
        has(i) ? try int(i) : nil
    }

    /// Parameter `i` as a boolean.
    public func bool(_ i: Int) throws -> Bool {
        switch values[i] {
        case .bool(let b): return b
        case .number(let x): return x != 0
        default: throw typeError(i, "a boolean")
        }
    }

    /// Parameter `i` as a string.
    public func string(_ i: Int) throws -> String {
        guard case .string(let s) = values[i] else { throw typeError(i, "a string") }
        return s.value
    }

    /// Parameter `i` as a tensor (numbers become rank 0, a Variable gives its value).
    public func tensor(_ i: Int) throws -> Tensor {
        guard let t = values[i].asTensor else { throw typeError(i, "a tensor or number") }
        return t
    }

    /// Parameter `i` as a Variable (numbers and tensors become constants).
    public func variable(_ i: Int) throws -> Variable {
        if case .variable(let v) = values[i] { return v }
        guard let t = values[i].asTensor else { throw typeError(i, "a tensor or number") }
        return Variable(t)
    }

    /// True when parameter `i` is a Variable: the builtin should take its differentiable path.
    public func isVariable(_ i: Int) -> Bool {
        if case .variable = values[i] { return true }
        return false
    }

    /// A shape from parameter `i`: a number, a list or tensor of integers.
    public func shape(_ i: Int) throws -> [Int] {
        try Arguments.shape(from: values[i]) ?? { throw typeError(i, "a shape (integers)") }()
    }

    /// Shape from the variadic values (`zeros(2, 3)`) or a single list/tensor (`zeros([2, 3])`).
    public func restShape() throws -> [Int] {
        if rest.count == 1, let s = Arguments.shape(from: rest[0]) { return s }
        var dims: [Int] = []
        for (k, v) in rest.enumerated() {
            guard let x = Arguments.shape(from: v), x.count == 1 else {
                throw Diagnostic(.type, "\(function)() expects its sizes to be integers, got \(v.typeName)", restSpans[k])
            }
            dims.append(x[0])
        }
        return dims
    }

    static func shape(from value: Value) -> [Int]? {
        switch value {
        case .number(let x): return Int(exactly: x).map { [$0] }
        case .tensor(let t) where t.tensor.rank <= 1:
            var out: [Int] = []
            for x in t.tensor.scalars { guard let n = Int(exactly: x) else { return nil }; out.append(n) }
            return out
        case .list(let l):
            var out: [Int] = []
            for v in l.items { guard case .number(let x) = v, let n = Int(exactly: x) else { return nil }; out.append(n) }
            return out
        default: return nil
        }
    }

    /// The span of argument `i` (for builtins that raise their own diagnostics).
    public func span(_ i: Int) -> SourceSpan { spans[i] }
}
