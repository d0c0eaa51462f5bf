import Autodiff
import Tensor

/// Boolean-mask indexing: `x[m]` and `x[m] = v`.
///
/// Every tensor is float64, so a mask cannot be told apart by its type as NumPy
/// does with bool arrays. The rule: a tensor (or Variable) given as the only index
/// is a mask when its shape equals the indexed tensor's; its elements must then be
/// 0 and 1 (what comparisons give). A one-element tensor of any other shape stays
/// an integer position, as before; any other tensor index is an error naming both
/// shapes. The language has no integer-array indexing, so nothing is shadowed.
extension Operators {
    /// The mask `items` stands for when indexing a tensor of `shape`, or nil for an ordinary index.
    static func mask(_ items: [IndexValue], for shape: [Int]) throws -> (Tensor, SourceSpan)? {
        guard items.count == 1, case .at(let v, let span) = items[0] else { return nil }
        let m: Tensor
        switch v {
        case .tensor(let box): m = box.tensor
        case .variable(let x): m = x.value
        default: return nil
        }
        if m.shape == shape { return (m, span) }
        if m.count == 1 { return nil }
        throw Diagnostic(.shape, "a mask must have the shape of the tensor it indexes: tensor \(formatShape(shape)), mask \(formatShape(m.shape))", span)
    }

    /// `x[m]` for a Variable: the selected elements as a 1-D Variable on the graph.
    ///
    /// Built from slices and `concat`, whose derivative rules are differentiable operations,
    /// so the gradient (1 at the selected positions, 0 elsewhere) can be differentiated
    /// again. Runs of selected positions are sliced out of halves of the flattened
    /// variable, recursively: the backward pass then scatters each run into its half
    /// rather than into all n elements, O(n log n) instead of O(runs · n).
    static func masked(_ x: Variable, by mask: Tensor) throws -> Variable {
        let positions = try x.value.maskPositions(mask)
        let flat = try x.flatten()
        var parts: [Variable] = []
        try collectRuns(flat, lo: 0, hi: flat.shape[0], positions[...], into: &parts)
        if parts.isEmpty { return try flat.subscripted([.range(start: 0, stop: 0, step: nil)]) }
        return try Variable.concat(parts, axis: 0)
    }

    /// Appends the slices of `segment` (elements `lo..<hi` of the flat variable) holding
    /// `positions` (ascending, all in `lo..<hi`), in order.
    private static func collectRuns(_ segment: Variable, lo: Int, hi: Int, _ positions: ArraySlice<Int>,
                                    into parts: inout [Variable]) throws {
        guard let first = positions.first, let last = positions.last else { return }
        if last - first + 1 == positions.count {
            // One run: a single slice (the whole segment when it covers it).
            parts.append(first == lo && last == hi - 1 ? segment
                         : try segment.subscripted([.range(start: first - lo, stop: last - lo + 1, step: nil)]))
            return
        }
        let mid = lo + (hi - lo) / 2
        let split = positions.firstIndex { $0 >= mid } ?? positions.endIndex
        for (a, b, slice) in [(lo, mid, positions[..<split]), (mid, hi, positions[split...])] where !slice.isEmpty {
            let half = try segment.subscripted([.range(start: a - lo, stop: b - lo, step: nil)])
            try collectRuns(half, lo: a, hi: b, slice, into: &parts)
        }
    }
}
