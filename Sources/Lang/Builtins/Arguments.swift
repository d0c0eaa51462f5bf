import Autodiff
import Synchronization
import Tensor

/// A builtin's arguments after the registry bound and checked them, read by
/// parameter name: `args.tensor("x")`, `args.int("epochs")`,
/// `args.optionalInt("axis")`, `args.has("val_X")`.
///
/// The registry has already checked each value against its parameter's type,
/// so the accessors only convert; they still throw, at the argument's span,
/// when a body reads a parameter with an accessor its type does not promise.
/// A name the builtin does not declare is a bug in the builtin, not in the
/// user's call: it throws an internal error (and `has` answers false), and is
/// recorded in `Arguments.misreads`, which a test over every builtin checks.
public struct Arguments {
    /// The builtin and the spans, shared by every call through one call site.
    let layout: ArgumentLayout
    /// One value per parameter (`.nothing` in the variadic parameter's place).
    let values: [Value]
    /// The variadic parameter's values.
    public let rest: [Value]

    /// The builtin being called: its parameter names and messages.
    var builtin: Builtin { layout.builtin }
    /// Per parameter, the span of the argument (the call's span when defaulted).
    var spans: [SourceSpan] { layout.spans }
    /// Spans of `rest`.
    var restSpans: [SourceSpan] { layout.restSpans }
    /// The call's span: where a misread name is reported.
    var callSpan: SourceSpan { layout.callSpan }
    /// Keywords naming no parameter, in call order, for a builtin that `takesKeywords`.
    public internal(set) var keywords: [(name: String, value: Value, span: SourceSpan)] = []

    /// Arguments bound for one call.
    init(builtin: Builtin, values: [Value], rest: [Value], spans: [SourceSpan], restSpans: [SourceSpan],
         callSpan: SourceSpan) {
        self.init(layout: ArgumentLayout(builtin: builtin, spans: spans, restSpans: restSpans, callSpan: callSpan),
                  values: values, rest: rest)
    }

    /// Arguments laid out as `layout` says (a call site's `BuiltinBinding` keeps one).
    init(layout: ArgumentLayout, values: [Value], rest: [Value]) {
        self.layout = layout
        self.values = values
        self.rest = rest
    }

    /// Names read that the builtin does not declare, as "builtin.name".
    /// Empty unless a builtin has a bug; tests assert it stays empty.
    public static var misreads: Set<String> { misreadLog.withLock { $0 } }
    private static let misreadLog = Mutex<Set<String>>([])

    /// The slot of `name`, recording a misread when there is none.
    @inline(__always)
    private func slot(_ name: String) -> Int? {
        if let i = builtin.index(of: name) { return i }
        let key = builtin.name + "." + name
        Arguments.misreadLog.withLock { _ = $0.insert(key) }
        return nil
    }

    /// The slot of `name`, or an internal error naming the builtin.
    @inline(__always)
    private func index(_ name: String) throws -> Int {
        guard let i = slot(name) else {
            throw Diagnostic(.runtime, "internal error: \(builtin.name)() reads '\(name)', which is not one of its parameters", callSpan)
        }
        return i
    }

    /// The value bound to parameter `name` (`nothing` when the name is not a parameter).
    public subscript(_ name: String) -> Value {
        guard let i = slot(name) else { return .nothing }
        return values[i]
    }

    /// True when parameter `name` holds something other than `nothing`.
    public func has(_ name: String) -> Bool {
        guard let i = slot(name) else { return false }
        if case .nothing = values[i] { return false }
        return true
    }

    /// True when parameter `name` is a Variable: the builtin should take its differentiable path.
    public func isVariable(_ name: String) -> Bool {
        guard let i = slot(name) else { return false }
        if case .variable = values[i] { return true }
        return false
    }

    /// A diagnostic of `kind` at the argument for parameter `name`.
    public func error(_ name: String, _ message: String, kind: Diagnostic.Kind = .type) -> Diagnostic {
        Diagnostic(kind, message, span(name))
    }

    /// The span of the argument for `name` (the call's span when it was defaulted).
    public func span(_ name: String) -> SourceSpan {
        guard let i = slot(name) else { return callSpan }
        return spans[i]
    }

    private func typeError(_ i: Int, _ expected: String) -> Diagnostic {
        Diagnostic(.type, "\(builtin.name)() expects \(builtin.names[i]) to be \(expected), got \(values[i].typeName)", spans[i])
    }

    /// Parameter `name` as a number (a one-element tensor counts).
    public func number(_ name: String) throws -> Double {
        let i = try index(name)
        if case .number(let x) = values[i] { return x }
        guard let x = ParameterType.scalar(values[i]) else { throw typeError(i, "a number") }
        return x
    }

    /// Parameter `name` as an integer; a fractional number is an error.
    public func int(_ name: String) throws -> Int {
        let i = try index(name)
        guard let x = ParameterType.scalar(values[i]) else { throw typeError(i, "an integer") }
        guard let n = Int(exactly: x) else { throw Arguments.fractionError(builtin, i, x, spans[i]) }
        return n
    }

    /// Parameter `name` as an integer, or nil when it is `nothing`.
    public func optionalInt(_ name: String) throws -> Int? {
        has(name) ? try int(name) : nil
    }

    /// Parameter `name` as a number, or nil when it is `nothing`.
    public func optionalNumber(_ name: String) throws -> Double? {
        has(name) ? try number(name) : nil
    }

    /// Parameter `name` as a string, or nil when it is `nothing`.
    public func optionalString(_ name: String) throws -> String? {
        has(name) ? try string(name) : nil
    }

    /// Parameter `name` as a boolean.
    public func bool(_ name: String) throws -> Bool {
        let i = try index(name)
        switch values[i] {
        case .bool(let b): return b
        case .number(let x): return x != 0
        default: throw typeError(i, "a boolean")
        }
    }

    /// Parameter `name` as a string.
    public func string(_ name: String) throws -> String {
        let i = try index(name)
        guard case .string(let s) = values[i] else { throw typeError(i, "a string") }
        return s.value
    }

    /// Parameter `name` as a tensor (numbers become rank 0, a Variable gives its value).
    public func tensor(_ name: String) throws -> Tensor {
        let i = try index(name)
        guard let t = values[i].asTensor else { throw typeError(i, "a tensor or number") }
        return t
    }

    /// Parameter `name` as a Variable (numbers and tensors become constants).
    public func variable(_ name: String) throws -> Variable {
        let i = try index(name)
        if case .variable(let v) = values[i] { return v }
        guard let t = values[i].asTensor else { throw typeError(i, "a tensor or number") }
        return Variable(t)
    }

    /// A shape from parameter `name`: a number, a list or tensor of integers.
    public func shape(_ name: String) throws -> [Int] {
        let i = try index(name)
        guard let s = Arguments.shape(from: values[i]) else { throw typeError(i, "a shape (integers)") }
        return s
    }

    /// Shape from the variadic values (`zeros(2, 3)`) or a single list/tensor (`zeros([2, 3])`).
    public func restShape() throws -> [Int] {
        if rest.count == 1, let s = Arguments.shape(from: rest[0]) { return s }
        var dims: [Int] = []
        for (k, v) in rest.enumerated() {
            guard let x = Arguments.shape(from: v), x.count == 1 else {
                throw Diagnostic(.type, "\(builtin.name)() expects its sizes to be integers, got \(v.typeName)", restSpans[k])
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

    /// "eye() expects n to be an integer, got 2.5": a value error, the kind was right.
    static func fractionError(_ b: Builtin, _ i: Int, _ x: Double, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(.value, "\(b.name)() expects \(b.names[i]) to be an integer, got \(ValueFormatter.number(x, precision: 10))", span)
    }

    /// Checks `v` against parameter `i`'s type before the body runs; `nothing`
    /// passes where it is the default, as "not given".
    @inline(__always)
    static func check(_ b: Builtin, _ i: Int, _ v: Value, _ span: SourceSpan) throws {
        let p = b.parameters[i]
        if case .nothing = v, p.acceptsNothing { return }
        let type = p.type
        switch type.mismatch(v) {
        case nil: return
        case .fraction(let x)?: throw fractionError(b, i, x, span)
        case .kind?:
            // A number of the right kind but not a size is shown, not named: "got 2.5".
            var got = v.typeName
            if case .number(let x) = v { got = type == .shape ? ValueFormatter.number(x, precision: 10) : got }
            if p.isVariadic && type == .shape {
                throw Diagnostic(.type, "\(b.name)() expects its sizes to be integers, got \(got)", span)
            }
            let what = p.isVariadic ? "each of its \(p.name)" : p.name
            throw Diagnostic(.type, "\(b.name)() expects \(what) to be \(type.expected), got \(got)", span)
        }
    }
}

/// What the arguments of every call through one site share: the builtin and the spans.
/// One reference, so making `Arguments` for a call retains three things rather than five
/// (each an atomic increment and decrement: ~20 cycles apiece).
final class ArgumentLayout {
    let builtin: Builtin
    let spans: [SourceSpan]
    let restSpans: [SourceSpan]
    let callSpan: SourceSpan

    init(builtin: Builtin, spans: [SourceSpan], restSpans: [SourceSpan], callSpan: SourceSpan) {
        self.builtin = builtin
        self.spans = spans
        self.restSpans = restSpans
        self.callSpan = callSpan
    }
}
