/// A tuple payload: immutable, so it can be shared freely and be a dict key.
public final class TupleBox {
    /// The elements.
    public let items: [Value]
    /// Boxes `items`.
    public init(_ items: [Value]) { self.items = items }
}

/// A dict payload: keys in insertion order beside a hash index, as Python 3.7+
/// keeps them. Reference semantics like lists: every alias sees a write.
public final class DictBox {
    // The stored properties skip Swift's dynamic exclusivity checks (`swift_beginAccess`,
    // 5% of a `d[k] = v` loop): only this class writes them, in short methods that call
    // no language code while they hold an access, so no two accesses can overlap.

    /// The keys, in insertion order.
    @exclusivity(unchecked) public private(set) var keys: [DictKey] = []
    /// The values, parallel to `keys`.
    @exclusivity(unchecked) public private(set) var values: [Value] = []
    /// Positions of the keys that are numbers (NaN aside): the fast path for the common case.
    @exclusivity(unchecked) private var numbers = NumberIndex()
    /// Positions of the other keys.
    @exclusivity(unchecked) private var index: [DictKey: Int] = [:]

    /// An empty dict.
    public init() {}

    /// The number of entries.
    public var count: Int { keys.count }

    /// The position of `key` in `keys`, or nil.
    @inline(__always)
    private func position(_ key: DictKey) -> Int? {
        if case .number(let x) = key, !x.isNaN { return numbers.position(of: x) }
        return index[key]
    }

    /// Records that `key` (not yet present) sits at `position`.
    private func record(_ key: DictKey, at position: Int) {
        if case .number(let x) = key, !x.isNaN {
            numbers.insert(x, at: position)
        } else {
            index[key] = position
        }
    }

    /// The value under `key`, or nil.
    public subscript(key: DictKey) -> Value? {
        guard let i = position(key) else { return nil }
        return values[i]
    }

    /// Sets `key` to `value`: a new key goes last, an existing one keeps its place.
    public func set(_ key: DictKey, _ value: Value) {
        if let i = position(key) {
            values[i] = value
        } else {
            record(key, at: keys.count)
            keys.append(key)
            values.append(value)
        }
    }

    /// Removes `key` and returns its value (O(n): the later entries move up).
    @discardableResult
    public func remove(_ key: DictKey) -> Value? {
        guard let i = position(key) else { return nil }
        keys.remove(at: i)
        let v = values.remove(at: i)
        // Every later key's position changed; rebuilding both indexes is as cheap as patching them.
        numbers.removeAll()
        index.removeAll(keepingCapacity: true)
        for (j, k) in keys.enumerated() { record(k, at: j) }
        return v
    }

    /// A shallow copy.
    public func copy() -> DictBox {
        let d = DictBox()
        d.keys = keys
        d.values = values
        d.numbers = numbers
        d.index = index
        return d
    }
}

/// A dict key: the hashable values. Numbers are float64, so `1` and `1.0` are one key, as in Python.
public enum DictKey: Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case tuple([DictKey])

    /// The key of `v`, or nil for a value that cannot be a key (tensors, lists, dicts: they change).
    init?(_ v: Value) {
        switch v {
        case .number(let x): self = .number(x)
        case .string(let s): self = .string(s.value)
        case .bool(let b): self = .bool(b)
        case .tuple(let t):
            var parts: [DictKey] = []
            for item in t.items {
                guard let k = DictKey(item) else { return nil }
                parts.append(k)
            }
            self = .tuple(parts)
        case .tensor(let t) where t.tensor.rank == 0:
            guard let x = try? t.tensor.scalar() else { return nil }
            self = .number(x)
        default: return nil
        }
    }

    /// The key as a language value.
    var value: Value {
        switch self {
        case .number(let x): return .number(x)
        case .string(let s): return Value(s)
        case .bool(let b): return .bool(b)
        case .tuple(let parts): return Value(tuple: parts.map(\.value))
        }
    }
}
