import Tensor

/// Operators on lists, tuples, dicts and strings: membership, structural
/// equality, concatenation, indexing by key or slice. Python's rules throughout.
extension Operators {
    /// `item in container`: an element of a list or tuple (by `==`), a key of a dict,
    /// a substring of a string, an element of a tensor (NumPy's `(t == x).any()`).
    static func contains(_ item: Value, _ container: Value, _ span: SourceSpan) throws -> Bool {
        switch container {
        case .list(let l): return l.items.contains { equal(item, $0) }
        case .tuple(let t): return t.items.contains { equal(item, $0) }
        case .dict(let d):
            guard let k = DictKey(item) else { throw unhashable(item, span) }
            return d[k] != nil
        case .string(let s):
            guard case .string(let x) = item else {
                throw Diagnostic(.type, "'in <string>' needs a string on the left, got \(item.typeName)", span)
            }
            return x.value.isEmpty || s.value.contains(x.value)
        case .tensor, .variable:
            guard let c = container.asTensor, let x = number(of: item) else {
                throw Diagnostic(.type, "'in <tensor>' needs a number on the left, got \(item.typeName)", span)
            }
            return c.scalars.contains(x)
        default:
            throw Diagnostic(.type, "'in' needs a list, tuple, dict, string or tensor on the right, got \(container.typeName)", span)
        }
    }

    private static func number(of v: Value) -> Double? {
        switch v {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.tensor.count == 1: return try? t.tensor.scalar()
        default: return nil
        }
    }

    /// Python's `==` between two values as one boolean: numbers by value, containers
    /// element by element, tensors when every element agrees, objects by identity.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.value == y.value
        case (.list(let x), .list(let y)): return x === y || sequencesEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return sequencesEqual(x.items, y.items)
        case (.dict(let x), .dict(let y)):
            guard x.count == y.count else { return false }
            for (k, v) in zip(x.keys, x.values) {
                guard let w = y[k], equal(v, w) else { return false }
            }
            return true
        default:
            if let x = number(of: a), let y = number(of: b) { return x == y }
            if let x = a.asTensor, let y = b.asTensor {
                return x.shape == y.shape && x.scalars == y.scalars
            }
            return identical(a, b)
        }
    }

    private static func sequencesEqual(_ x: [Value], _ y: [Value]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
    }

    /// The operators a list, tuple, dict or string takes beyond what `binary` does
    /// itself; nil when the operands are not such a pair.
    static func collectionBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ span: SourceSpan) throws -> Value? {
        switch (op, a, b) {
        case (.add, .tuple(let x), .tuple(let y)): return Value(tuple: x.items + y.items)
        case (.equal, .tuple, .tuple), (.equal, .list, .list), (.equal, .dict, .dict): return .bool(equal(a, b))
        case (.notEqual, .tuple, .tuple), (.notEqual, .list, .list), (.notEqual, .dict, .dict): return .bool(!equal(a, b))
        case (.multiply, .string(let s), .number(let n)), (.multiply, .number(let n), .string(let s)):
            guard let k = Int(exactly: n) else {
                throw Diagnostic(.type, "a string repeats a whole number of times, got \(ValueFormatter.number(n, precision: 10))", span)
            }
            return Value(String(repeating: s.value, count: Swift.max(0, k)))
        case (.less, .tuple, .tuple): return .bool(try Ordering.less(a, b, span))
        case (.greater, .tuple, .tuple): return .bool(try Ordering.less(b, a, span))
        case (.lessEqual, .string(let x), .string(let y)): return .bool(x.value <= y.value)
        case (.greaterEqual, .string(let x), .string(let y)): return .bool(x.value >= y.value)
        default: return nil
        }
    }

    /// "a dict key must be a number, string, bool or tuple of them, got tensor".
    static func unhashable(_ v: Value, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(.type, "a dict key must be a number, string, bool or a tuple of them, got \(v.typeName)", span)
    }

    /// `d[key]`; a missing key names the keys the dict has.
    static func lookup(_ d: DictBox, _ key: Value, _ span: SourceSpan) throws -> Value {
        guard let k = DictKey(key) else { throw unhashable(key, span) }
        if let v = d[k] { return v }
        throw missingKey(d, key, span)
    }

    /// "key "lrr" not found; the dict has keys "lr", "epochs"".
    static func missingKey(_ d: DictBox, _ key: Value, _ span: SourceSpan) -> Diagnostic {
        let shown = d.keys.prefix(12).map { ValueFormatter.brief($0.value) }.joined(separator: ", ")
        let more = d.count > 12 ? " and \(d.count - 12) more" : ""
        let has = d.count == 0 ? "the dict is empty" : "the dict has keys \(shown)\(more)"
        var notes: [String] = []
        if case .string(let s) = key,
           let close = Suggest.closest(to: s.value, in: d.keys.compactMap { if case .string(let t) = $0 { return t }; return nil }) {
            notes.append("did you mean \"\(close)\"?")
        }
        return Diagnostic(.index, "key \(ValueFormatter.brief(key)) not found; \(has)", span, notes: notes)
    }

    /// Indexing a tuple, dict or string (lists and tensors are indexed in `index`).
    static func indexCollection(_ base: Value, _ items: [IndexValue], _ span: SourceSpan) throws -> Value {
        switch base {
        case .dict(let d):
            guard items.count == 1, case .at(let key, let keySpan) = items[0] else {
                throw Diagnostic(.index, "a dict takes one key between the brackets", span)
            }
            return try lookup(d, key, keySpan)
        case .tuple(let t):
            switch try indexSequence(t.items, items, "tuple", span) {
            case .one(let v): return v
            case .many(let vs): return Value(tuple: vs)
            }
        case .string(let s):
            switch try indexSequence(Array(s.value), items, "string", span) {
            case .one(let c): return Value(String(c))
            case .many(let cs): return Value(String(cs))
            }
        default:
            throw Diagnostic(.type, "a \(base.typeName) cannot be indexed", span)
        }
    }

    /// What an index picks from a sequence: one element, or a slice's elements.
    enum Picked<T> {
        case one(T)
        case many([T])
    }

    /// `xs[i]` (negative from the end) or `xs[start:stop:step]`, as Python indexes a sequence.
    static func indexSequence<T>(_ xs: [T], _ items: [IndexValue], _ kind: String, _ span: SourceSpan) throws -> Picked<T> {
        guard items.count == 1 else { throw Diagnostic(.index, "a \(kind) takes one index", span) }
        let s: SourceSpan
        switch items[0] { case .at(_, let x), .slice(_, _, _, let x): s = x }
        switch try tensorIndex(items[0]) {
        case .at(let i):
            let j = i < 0 ? i + xs.count : i
            guard j >= 0, j < xs.count else {
                throw Diagnostic(.index, "index \(i) is out of range for a \(kind) of \(xs.count) (valid: \(-xs.count) to \(xs.count - 1))", s)
            }
            return .one(xs[j])
        case .all:
            return .many(xs)
        case .range(let start, let stop, let step):
            return .many(slice(xs, start, stop, step ?? 1))
        }
    }

    /// Python's slice of a sequence (negative bounds from the end, clamped).
    static func slice<T>(_ xs: [T], _ start: Int?, _ stop: Int?, _ step: Int) -> [T] {
        let n = xs.count
        func clamp(_ i: Int, _ low: Int, _ high: Int) -> Int { Swift.min(Swift.max(i < 0 ? i + n : i, low), high) }
        var out: [T] = []
        if step > 0 {
            var i = start.map { clamp($0, 0, n) } ?? 0
            let end = stop.map { clamp($0, 0, n) } ?? n
            while i < end { out.append(xs[i]); i += step }
        } else {
            var i = start.map { clamp($0, -1, n - 1) } ?? n - 1
            let end = stop.map { clamp($0, -1, n - 1) } ?? -1
            while i > end { out.append(xs[i]); i += step }
        }
        return out
    }
}
