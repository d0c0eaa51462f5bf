/// A parameter of a builtin: its name (also the keyword that sets it), the
/// type the registry checks a bound argument against, its default and one
/// line of help.
public struct Parameter {
    /// Its name, also the keyword that sets it.
    public let name: String
    /// What the registry accepts for it before the body runs.
    public let type: ParameterType
    /// The value when the call omits it; nil means required. A default of
    /// `nothing` makes `nothing` an accepted value too, meaning "not given".
    public let defaultValue: Value?
    /// One line of help (`?name`, the reference).
    public let doc: String
    /// True for a parameter that collects the remaining positional arguments;
    /// each of them is checked against `type`.
    public let isVariadic: Bool

    /// A required parameter, or one with a default.
    public init(_ name: String, _ type: ParameterType, default defaultValue: Value? = nil, doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
        self.isVariadic = false
    }

    /// A parameter that collects the remaining positional arguments (zero or more).
    public static func variadic(_ name: String, _ type: ParameterType, doc: String) -> Parameter {
        Parameter(variadic: name, type, doc)
    }

    private init(variadic name: String, _ type: ParameterType, _ doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = nil
        self.doc = doc
        self.isVariadic = true
    }

    /// True when `nothing` stands for "not given" (the default is `nothing`).
    var acceptsNothing: Bool {
        if case .nothing? = defaultValue { return true }
        return false
    }

    /// True when the registry lets `value` through to the body for this parameter.
    public func accepts(_ value: Value) -> Bool {
        if case .nothing = value, acceptsNothing { return true }
        return type.mismatch(value) == nil
    }

    /// `name: type = default`, as help and the reference show it.
    public var declaration: String {
        if isVariadic { return "\(name)...: \(type.name)" }
        guard let d = defaultValue else { return "\(name): \(type.name)" }
        return "\(name): \(type.name) = \(ValueFormatter.brief(d))"
    }
}

/// What a builtin accepts for a parameter. The registry checks every bound
/// argument before the body runs, so a body's accessor never sees a value of
/// the wrong kind; the checks accept exactly what the matching `Arguments`
/// accessor converts.
public enum ParameterType: Equatable, Sendable {
    /// Any value; the body looks at it itself.
    case any
    /// A number; a boolean or a one-element tensor counts (`args.number`).
    case number
    /// A number with no fractional part (`args.int`).
    case integer
    /// A boolean, or a number read as nonzero (`args.bool`).
    case bool
    /// A string (`args.string`).
    case string
    /// A number or tensor; a Variable gives its value (`args.tensor`).
    case tensor
    /// A number, tensor or Variable; a Variable keeps the builtin on its
    /// differentiable path (`args.variable`).
    case differentiable
    /// Something callable: a function, a builtin or a callable object.
    case function
    /// Integer sizes: a number, or a list or 1-D tensor of them (`args.shape`).
    case shape
    /// A layer or model (`Dense(2, 1)`, `Sequential(...)`).
    case layer
    /// An optimiser object (`SGD(lr=0.1)`).
    case optimiser
    /// A learning rate: a number, or a schedule such as `step_decay(0.1)`.
    case rate
    /// A loss: something callable as loss(pred, Y) that returns a number, such as `mse`.
    case loss
    /// Any value the body checks itself; the text names what it wants in help.
    case described(String)

    /// The short name help and the reference show (`integer`, `tensor`).
    public var name: String {
        switch self {
        case .any: return "any"
        case .number: return "number"
        case .integer: return "integer"
        case .bool: return "bool"
        case .string: return "string"
        case .tensor: return "tensor"
        case .differentiable: return "tensor or Variable"
        case .function: return "function"
        case .shape: return "shape"
        case .layer: return "layer"
        case .optimiser: return "optimiser"
        case .rate: return "number or schedule"
        case .loss: return "loss function"
        case .described(let text): return text
        }
    }

    /// The phrase in a type error: "expects epochs to be *an integer*".
    var expected: String {
        switch self {
        case .number: return "a number"
        case .integer: return "an integer"
        case .bool: return "a boolean"
        case .string: return "a string"
        case .tensor, .differentiable: return "a tensor or number"
        case .function: return "a function"
        case .shape: return "a shape (integers)"
        case .layer: return "a layer or model"
        case .optimiser: return "an optimiser such as SGD(lr=0.1)"
        case .rate: return "a number or a schedule"
        case .loss: return "a function such as mse"
        case .any, .described: return name
        }
    }
}

extension ParameterType {
    /// Why a value does not fit: the wrong kind, or a number where an integer belongs.
    enum Mismatch {
        case kind
        case fraction(Double)
    }

    /// Nil when `value` fits; the checks accept exactly what the accessors convert.
    func mismatch(_ value: Value) -> Mismatch? {
        switch self {
        case .any, .described: return nil
        case .number: return ParameterType.scalar(value) == nil ? .kind : nil
        case .integer:
            guard let x = ParameterType.scalar(value) else { return .kind }
            return Int(exactly: x) == nil ? .fraction(x) : nil
        case .bool:
            switch value {
            case .bool, .number: return nil
            default: return .kind
            }
        case .string:
            if case .string = value { return nil }
            return .kind
        case .tensor, .differentiable:
            switch value {
            case .number, .bool, .tensor, .variable: return nil
            // A differentiable builtin with a symbolic form (diff, det, exp…) takes expressions too;
            // one without says so from its accessor.
            case .object(let o) where self == .differentiable && o.object is SymbolicValue: return nil
            default: return .kind
            }
        case .function, .loss: return ParameterType.isCallable(value) ? nil : .kind
        case .shape: return Arguments.shape(from: value) == nil ? .kind : nil
        case .layer:
            if case .object(let o) = value, o.object is LayerObject { return nil }
            return .kind
        case .optimiser:
            if case .object(let o) = value, o.object is OptimiserObject { return nil }
            return .kind
        case .rate:
            if case .object(let o) = value, o.object is ScheduleObject { return nil }
            return ParameterType.scalar(value) == nil ? .kind : nil
        }
    }

    /// A number, boolean or one-element tensor as a Double.
    static func scalar(_ value: Value) -> Double? {
        switch value {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.tensor.count == 1: return try? t.tensor.scalar()
        case .variable(let v) where v.count == 1: return try? v.value.scalar()
        default: return nil
        }
    }

    /// True for a function, a builtin or an object with a call signature.
    static func isCallable(_ value: Value) -> Bool {
        switch value {
        case .function, .builtin: return true
        case .object(let o): return o.object.callSignature != nil
        default: return false
        }
    }
}
