/// A value of a later layer (a layer, an optimiser, a Taylor model) seen from
/// the language: `obj.attr`, `obj.attr = v`, `obj.method(args)` and, when
/// `callSignature` is set, `obj(args)`.
///
/// A method is an attribute whose value is a `.builtin` bound to the object
/// (its body captures `self`), so arguments are checked like any builtin's.
public protocol LangObject: AnyObject {
    /// The name `typeof` and `:vars` show ("Dense", "Adam").
    var typeName: String { get }
    /// Attribute and method names, for completion after `obj.`.
    var attributeNames: [String] { get }
    /// The attribute's value, or nil when there is no such attribute.
    func attribute(_ name: String) -> Value?
    /// Sets an attribute. Default: throws "cannot set".
    func setAttribute(_ name: String, _ value: Value) throws
    /// When non-nil, calling the object runs this builtin (`layer(X)`).
    var callSignature: Builtin? { get }
    /// How the object echoes.
    var description: String { get }
}

extension LangObject {
    /// Attributes are read-only unless the object says otherwise.
    public func setAttribute(_ name: String, _ value: Value) throws {
        throw BuiltinError("cannot set attribute '\(name)' of \(typeName)", kind: .type)
    }

    /// Objects are not callable unless they say so.
    public var callSignature: Builtin? { nil }

    /// `<Dense>` unless the object says otherwise.
    public var description: String { "<\(typeName)>" }
}
