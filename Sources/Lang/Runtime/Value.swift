import Autodiff
import Tensor

/// A value of the language. Numbers and booleans are unboxed; heavy payloads
/// are class references so the enum stays 16 bytes wide (the evaluator keeps
/// values in slots and copies them constantly).
public enum Value {
    /// A float64 scalar.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// The absence of a value: what `print` returns; echoes nothing.
    case nothing
    /// A string.
    case string(StringBox)
    /// An n-d tensor.
    case tensor(TensorBox)
    /// A differentiable value (arithmetic on it records the graph).
    case variable(Variable)
    /// A list of arbitrary values (shared: writes are seen by every holder).
    case list(ListBox)
    /// An immutable sequence: `(1, "a")`, what `return a, b` gives.
    case tuple(TupleBox)
    /// An insertion-ordered map from numbers, strings, booleans or tuples of them to values (shared, like lists).
    case dict(DictBox)
    /// A function or closure written in the language.
    case function(Function)
    /// A builtin from the registry (or a bound method of an object).
    case builtin(Builtin)
    /// An object of a later layer (layer, optimiser…).
    case object(ObjectBox)
    /// Internal: a variable captured by a closure lives in a cell in its slot.
    case cell(Cell)
    /// Internal: a slot not yet assigned.
    case undefined

    /// A tensor value.
    public init(_ tensor: Tensor) { self = .tensor(TensorBox(tensor)) }
    /// A string value.
    public init(_ string: String) { self = .string(StringBox(string)) }
    /// A differentiable value.
    public init(_ variable: Variable) { self = .variable(variable) }
    /// An object value.
    public init(_ object: any LangObject) { self = .object(ObjectBox(object)) }
    /// A list value.
    public init(list: [Value]) { self = .list(ListBox(list)) }

    /// A tuple value.
    public init(tuple: [Value]) { self = .tuple(TupleBox(tuple)) }

    /// The name `typeof` reports: number, bool, string, tensor, variable, list, tuple, dict, function, builtin, nothing, or the object's type.
    public var typeName: String {
        switch self {
        case .number: return "number"
        case .bool: return "bool"
        case .nothing, .undefined: return "nothing"
        case .string: return "string"
        case .tensor: return "tensor"
        case .variable: return "variable"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .function: return "function"
        case .builtin: return "builtin"
        case .object(let o): return o.object.typeName
        case .cell(let c): return c.pointer.pointee.typeName
        }
    }

    /// The value as a tensor when it is a number, bool or tensor (a Variable's value too).
    public var asTensor: Tensor? {
        switch self {
        case .number(let x): return Tensor(x)
        case .bool(let b): return Tensor(b ? 1 : 0)
        case .tensor(let t): return t.tensor
        case .variable(let v): return v.value
        default: return nil
        }
    }
}

/// A string payload.
public final class StringBox {
    /// The text.
    public let value: String
    /// Boxes `value`.
    public init(_ value: String) { self.value = value }
}

/// A tensor payload.
public final class TensorBox {
    /// The tensor.
    public let tensor: Tensor
    /// Boxes `tensor`.
    public init(_ tensor: Tensor) { self.tensor = tensor }
}

/// A list payload; reference semantics like Python lists.
public final class ListBox {
    /// The elements.
    public var items: [Value]
    /// Boxes `items`.
    public init(_ items: [Value]) { self.items = items }
}

/// An object payload.
public final class ObjectBox {
    /// The object.
    public let object: any LangObject
    /// Boxes `object`.
    public init(_ object: any LangObject) { self.object = object }
}

/// A captured variable: a heap slot shared by the frame that declared it and
/// the closures that capture it. A raw pointer, not a stored `var`, so
/// reads and writes pay no exclusivity checks.
public final class Cell {
    let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    deinit {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
