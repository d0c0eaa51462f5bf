/// One builtin function: its signature, help and body. The registry checks
/// arguments against `parameters` before the body runs, so a body reads
/// `args` by parameter position without counting.
///
///     Builtin("clip", [.init("x"), .init("low"), .init("high")],
///             doc: "Limits each element to [low, high].", example: "clip([-1, 2], 0, 1)") { args, _ in
///         Value(try args.tensor(0).clip(try args.number(1), try args.number(2)))
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

    /// A builtin.
    public init(_ name: String, _ parameters: [Parameter], doc: String, example: String,
                body: @escaping (Arguments, CallContext) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.doc = doc
        self.example = example
        self.body = body
    }

    /// `name(x, axis=nothing, shape...)`, as help shows it.
    public var signature: String {
        let ps = parameters.map { p -> String in
            if p.isVariadic { return p.name + "..." }
            if let d = p.defaultValue { return "\(p.name)=\(ValueFormatter.brief(d))" }
            return p.name
        }
        return "\(name)(\(ps.joined(separator: ", ")))"
    }
}

/// A parameter of a builtin.
public struct Parameter {
    /// Its name, also the keyword that sets it.
    public let name: String
    /// The value when the call omits it; nil means required.
    public let defaultValue: Value?
    /// True for a parameter that collects the remaining positional arguments.
    public let isVariadic: Bool

    /// A required parameter, or one with a default.
    public init(_ name: String, default defaultValue: Value? = nil) {
        self.name = name
        self.defaultValue = defaultValue
        self.isVariadic = false
    }

    /// A parameter that collects the remaining positional arguments (zero or more).
    public static func variadic(_ name: String) -> Parameter { Parameter(name: name) }

    private init(name: String) {
        self.name = name
        self.defaultValue = nil
        self.isVariadic = true
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
