/// One builtin function: its typed signature, help and body. The registry
/// checks every argument against `parameters` before the body runs, so a body
/// reads `args` by parameter name and never sees a value of the wrong type.
///
///     Builtin("clip", [.init("x", .differentiable, doc: "the values"),
///                      .init("low", .number, doc: "the least value kept"),
///                      .init("high", .number, doc: "the largest value kept")],
///             doc: "Limits each element to [low, high].", example: "clip([-1, 2], 0, 1)") { args, _ in
///         Value(try args.tensor("x").clip(try args.number("low"), try args.number("high")))
///     }
public final class Builtin {
    /// The name the language binds.
    public let name: String
    /// Parameters in order; at most one variadic, which takes the remaining positional arguments.
    public let parameters: [Parameter]
    /// One line of help (`?name`).
    public let doc: String
    /// A short call that works (shown in help and the reference).
    public let example: String
    /// The implementation.
    public let body: (Arguments, CallContext) throws -> Value
    /// True when keywords that name no parameter are passed on in `Arguments.keywords`
    /// (`subs(E, x=1)`), not refused.
    public let takesKeywords: Bool
    /// What the body gives when the leading parameters are all numbers and the rest are
    /// left at their defaults, for a call site to compute without `Arguments`; nil for most.
    public let numbers: NumberKernel?
    /// What the body gives for its one argument when that is of a common kind (`len` of a
    /// list), nil to leave the case to the body: a call site runs it without `Arguments`.
    public let value: ((Value) -> Value?)?
    /// The parameters' names, in order: `Arguments` finds a name's slot here.
    let names: [String]
    /// How many parameters a call must give (neither defaulted nor variadic).
    let requiredCount: Int

    /// A builtin.
    public init(_ name: String, _ parameters: [Parameter], doc: String, example: String, takesKeywords: Bool = false,
                numbers: NumberKernel? = nil, value: ((Value) -> Value?)? = nil,
                body: @escaping (Arguments, CallContext) throws -> Value) {
        self.takesKeywords = takesKeywords
        self.numbers = numbers
        self.value = value
        self.name = name
        self.parameters = parameters
        self.doc = doc
        self.example = example
        self.body = body
        self.names = parameters.map(\.name)
        self.requiredCount = parameters.filter { $0.defaultValue == nil && !$0.isVariadic }.count
    }

    /// The slot of parameter `name`, or nil when the builtin has none by that name.
    @inline(__always)
    func index(of name: String) -> Int? {
        // A dozen short names at most: comparing them beats hashing one.
        for i in names.indices where names[i] == name { return i }
        return nil
    }

    /// `name(x, axis=nothing, shape...)`, as help shows it.
    public var signature: String {
        let ps = parameters.map { p -> String in
            if p.isVariadic { return p.name + "..." }
            if let d = p.defaultValue { return "\(p.name)=\(ValueFormatter.brief(d))" }
            return p.name
        }
        return "\(name)(\((ps + (takesKeywords ? ["name=value..."] : [])).joined(separator: ", ")))"
    }

    /// `?name` help: the signature, the doc line, each parameter's type,
    /// default and doc, and the example.
    public var help: String {
        var lines = [signature, "    " + doc]
        let width = parameters.map(\.declaration.count).max() ?? 0
        for p in parameters {
            let d = p.declaration
            lines.append("    " + d + String(repeating: " ", count: width - d.count) + "  " + p.doc)
        }
        lines.append("    example: " + example)
        return lines.joined(separator: "\n")
    }
}

/// A topic's builtins; `Registry.groups` lists every group.
public struct BuiltinGroup {
    /// The heading in the reference ("Creation", "Math"…).
    public let topic: String
    /// The builtins, in the order the reference lists them.
    public let builtins: [Builtin]

    /// A group.
    public init(topic: String, builtins: [Builtin]) {
        self.topic = topic
        self.builtins = builtins
    }
}

/// An error a builtin body throws; the evaluator adds the call's span.
public struct BuiltinError: Error {
    /// The family of error.
    public var kind: Diagnostic.Kind
    /// The message, phrased for the user.
    public var message: String

    /// An error of `kind` (default `.value`).
    public init(_ message: String, kind: Diagnostic.Kind = .value) {
        self.kind = kind
        self.message = message
    }
}

/// A builtin's result for number arguments, which must equal what its body returns for
/// them: `abs(x)`, `max(x, y)`, `clip(x, low, high)`. A call site whose arguments set
/// exactly the first `arity` parameters runs it without building `Arguments` (the
/// argument array, layout and checks cost more than CPython's whole call).
public enum NumberKernel {
    case one((Double) -> Double)
    /// nil leaves the case to the body.
    case two((Double, Double) -> Double?)
    case three((Double, Double, Double) -> Double)

    /// How many leading parameters it takes.
    var arity: Int {
        switch self {
        case .one: return 1
        case .two: return 2
        case .three: return 3
        }
    }
}
