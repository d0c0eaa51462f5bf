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
    /// Built from slices of the flattened variable, one per run of consecutive selected
    /// positions, joined by `concat`: both have derivative rules in differentiable
    /// operations, so the gradient (1 at the selected positions, 0 elsewhere) can be
    /// differentiated again.
    static func masked(_ x: Variable, by mask: Tensor) throws -> Variable {
        let positions = try x.value.maskPositions(mask)
        let flat = try x.flatten()
        var runs: [Variable] = []
        var k = 0
        while k < positions.count {
            var end = k + 1
            while end < positions.count, positions[end] == positions[end - 1] + 1 { end += 1 }
            runs.append(try flat.subscripted([.range(start: positions[k], stop: positions[end - 1] + 1, step: nil)]))
            k = end
        }
        if runs.isEmpty { return try flat.subscripted([.range(start: 0, stop: 0, step: nil)]) }
        return try Variable.concat(runs, axis: 0)
    }
}
