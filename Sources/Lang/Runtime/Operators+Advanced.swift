import Autodiff
import Tensor

/// NumPy's advanced indexing in the language: `u[[2, 0]]`, `X[idx, j]`, `u[u > 0]`.
///
/// A boolean tensor (what comparisons give) used as an index is a mask over the axes
/// its shape covers; any other tensor of rank ≥ 1 is an array of integer positions
/// (a gather), whose elements must be whole numbers. A number or rank-0 tensor stays
/// an ordinary integer index. The plan and its arithmetic live in the tensor layer
/// (`Tensor.gatherPlan`); this file only classifies the items and adds spans.
extension Operators {
    /// The advanced form of `items`, or nil when every item is a basic index.
    static func advancedIndices(_ items: [IndexValue]) throws -> [AdvancedIndex]? {
        var any = false
        for item in items {
            if case .at(let v, _) = item, arrayIndex(v) != nil { any = true; break }
        }
        guard any else { return nil }
        return try items.map { item in
            if case .at(let v, let span) = item, let (t, boolean) = arrayIndex(v) {
                if boolean { return .mask(t) }
                return .positions(try integers(t, span), shape: t.shape)
            }
            return .basic(try tensorIndex(item))
        }
    }

    /// The tensor an index value holds when it is an array (or mask) index.
    private static func arrayIndex(_ v: Value) -> (Tensor, Bool)? {
        switch v {
        case .tensor(let box):
            if box.isBoolean || box.tensor.rank > 0 { return (box.tensor, box.isBoolean) }
        case .variable(let x):
            if x.rank > 0 { return (x.value, false) }
        case .list(let l) where l.items.isEmpty:
            // `[]` is an empty list, not a tensor; as an index it selects nothing, as in NumPy.
            return (Tensor([]), false)
        default: break
        }
        return nil
    }

    /// The elements of an integer index array; a fraction is an error at `span`.
    private static func integers(_ t: Tensor, _ span: SourceSpan) throws -> [Int] {
        try t.withContiguousElements { p in
            var out = [Int](repeating: 0, count: p.count)
            for k in 0..<p.count {
                // Int(exactly:) also refuses nan, ±inf and values past Int's range.
                guard let i = Int(exactly: p[k]) else {
                    throw Diagnostic(.index, "an index must be an integer, got \(ValueFormatter.number(p[k], precision: 10)) at position \(k) of the index array", span)
                }
                out[k] = i
            }
            return out
        }
    }

    /// The plan of an advanced subscript of a tensor of `shape`, errors at the subscript's span.
    static func plan(_ indices: [AdvancedIndex], _ t: Tensor, _ span: SourceSpan) throws -> GatherPlan {
        do { return try t.gatherPlan(indices) } catch { throw Machine.diagnostic(for: error, at: span) }
    }
}
