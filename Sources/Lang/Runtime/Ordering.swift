/// The order `sorted`, `<` on tuples and `min`/`max` of lists use: numbers by
/// value, strings by their characters, tuples lexicographically, as Python
/// orders them; anything else (a number against a string) is an error.
enum Ordering {
    static func less(_ a: Value, _ b: Value, _ span: SourceSpan) throws -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.value < y.value
        case (.tuple(let x), .tuple(let y)):
            for (p, q) in zip(x.items, y.items) where !Operators.equal(p, q) {
                return try less(p, q, span)
            }
            return x.items.count < y.items.count
        default:
            if let x = scalar(a), let y = scalar(b) { return x < y }
            throw Diagnostic(.type, "cannot order a \(a.typeName) and a \(b.typeName)", span)
        }
    }

    private static func scalar(_ v: Value) -> Double? {
        switch v {
        case .number(let x): return x
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.tensor.count == 1: return try? t.tensor.scalar()
        default: return nil
        }
    }

    /// `values` sorted by `less`, stably (ties broken by position, as Python's sort keeps them); the first
    /// comparison error stops it.
    static func sorted(_ values: [Value], keys: [Value]? = nil, reverse: Bool, _ span: SourceSpan) throws -> [Value] {
        let keys = keys ?? values
        var failure: Diagnostic?
        let order = values.indices.sorted { i, j in
            if failure != nil { return false }
            do {
                let (x, y) = reverse ? (keys[j], keys[i]) : (keys[i], keys[j])
                if try less(x, y, span) { return true }
                if try less(y, x, span) { return false }
                // Equal keys keep their order, reversed or not, as Python's stable sort does.
                return i < j
            } catch let d as Diagnostic {
                failure = d
                return false
            } catch {
                return false
            }
        }
        if let failure { throw failure }
        return order.map { values[$0] }
    }
}
