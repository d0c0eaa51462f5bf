import Glibc
import Tensor

/// The derivative table: one vector-Jacobian product per primitive, written in
/// Variable operations so that the backward pass is itself differentiable (the
/// layout of tinygrad's gradient table). Results may have the output's broadcast
/// shape; `ReversePass` sums them back to each input's shape.
///
/// A rule may also run *batched*: `g` then carries one extra leading axis of size
/// `batch` (many seeds at once, the rows of a Jacobian). Elementwise rules need no
/// change, since broadcasting aligns trailing axes; rules that name axes or shapes
/// shift them by one.
enum DerivativeRules {
    /// The gradient flowing into each input of `primitive`, given the gradient `g`
    /// of its `output`; nil where `needs` is false or the derivative is zero.
    static func pullback(_ primitive: Primitive, inputs x: [Variable], output y: Variable,
                         gradient g: Variable, needs: [Bool], batch: Int? = nil) throws -> [Variable?] {
        // The shape of a gradient for a primal shape, and the axis shift, under batching.
        let lead = batch.map { [$0] } ?? []
        let shift = lead.count
        if batch != nil, case .inverse = primitive { throw BatchingUnsupported() }
        if batch != nil, case .solve = primitive { throw BatchingUnsupported() }
        if batch != nil, case .determinant = primitive { throw BatchingUnsupported() }
        if batch != nil, case .gather = primitive { throw BatchingUnsupported() }
        if batch != nil, case .scatterAdd = primitive { throw BatchingUnsupported() }
        switch primitive {
        case .identity:
            return [g]
        case let .custom(rule):
            return try rule.pullback(x, y, g, needs, batch)
        case let .binary(op):
            return try binary(op, x[0], x[1], y, g, needs)
        case let .unary(op):
            return [try unary(op, x[0], y, g)]
        case .matmul:
            return batch == nil ? try matmul(x[0], x[1], g, needs) : try batchedMatmul(x[0], x[1], g, needs)
        case let .sum(axis, keepDims):
            return [try restoreReduced(g, axis: axis, keepDims: keepDims, like: x[0], lead).broadcast(to: lead + x[0].shape)]
        case let .extremum(max, axis, keepDims):
            // The first extreme element of each lane takes the whole gradient.
            let mask = try GraphKernels.extremum(x[0].value, max: max, axis: axis, keepDims: keepDims).mask
            return [try restoreReduced(g, axis: axis, keepDims: keepDims, like: x[0], lead) * Variable(mask)]
        case .broadcast:
            return [try unbroadcast(g, to: x[0].shape, batch: batch)]
        case .sumToShape:
            let padded = [Int](repeating: 1, count: x[0].rank - (g.rank - shift)) + Array(g.shape.dropFirst(shift))
            return [try g.reshape(lead + padded).broadcast(to: lead + x[0].shape)]
        case .reshape:
            return [try g.reshape(lead + x[0].shape)]
        case let .permute(p):
            var inverse = p
            for (i, axis) in p.enumerated() { inverse[axis] = i }
            return [try g.permuted(Array(0..<shift) + inverse.map { $0 + shift })]
        case let .select(condition):
            let zero = Variable(0)
            return [needs[0] ? try Variable.where(condition, g, zero) : nil,
                    needs[1] ? try Variable.where(condition, zero, g) : nil]
        case let .concat(axis):
            var start = 0
            return try x.enumerated().map { i, part in
                defer { start += part.shape[axis] }
                return needs[i] ? try g.narrow(axis: axis + shift, start: start, length: part.shape[axis]) : nil
            }
        case let .narrow(axis, start, length):
            // Zeros around the slice: the adjoint of taking it.
            var pieces: [Variable] = []
            var before = lead + x[0].shape, after = before
            before[axis + shift] = start
            after[axis + shift] = x[0].shape[axis] - start - length
            if start > 0 { pieces.append(Variable(try Tensor(shape: before, repeating: 0))) }
            pieces.append(g)
            if after[axis + shift] > 0 { pieces.append(Variable(try Tensor(shape: after, repeating: 0))) }
            return [try Variable.concat(pieces, axis: axis + shift)]
        case let .subscripted(indices):
            return [try g.scatter([TensorIndex](repeating: .all, count: shift) + indices, into: lead + x[0].shape)]
        case let .scatter(indices, _):
            return [try g.subscripted([TensorIndex](repeating: .all, count: shift) + indices)]
        case let .gather(plan):
            // Gather and scatter-add are each other's adjoints, so both orders differentiate again.
            return [try g.scatterAdded(plan)]
        case let .scatterAdd(plan):
            return [try g.gathered(plan)]
        case .inverse:
            // d(A⁻¹) = -A⁻¹ dA A⁻¹, so the pullback is -A⁻ᵀ G A⁻ᵀ.
            let yt = try y.transposed()
            return [-(try yt.matmul(g).matmul(yt))]
        case .solve:
            // x = A⁻¹b: b̄ = A⁻ᵀ x̄, Ā = -b̄ xᵀ.
            let gb = try x[0].transposed().solve(g)
            var ga: Variable?
            if needs[0] {
                ga = x[1].rank == 1 ? -(try gb.outer(y)) : -(try gb.matmul(y.transposed()))
            }
            return [ga, needs[1] ? gb : nil]
        case .cumulativeSum where x[0].rank == 0, .cumulativeProduct where x[0].rank == 0:
            return [g]
        case let .cumulativeSum(axis):
            // Each input feeds every later output: the pullback is the running sum from the end.
            return [try g.reversed(axis: axis + shift).cumulativeSum(axis: axis + shift).reversed(axis: axis + shift)]
        case let .cumulativeProduct(axis):
            // ∂y_j/∂x_i = y_j / x_i for j ≥ i, so x̄ = (reverse running sum of g·y) / x.
            guard !x[0].value.scalars.contains(0) else {
                throw AutodiffError.notDifferentiable("the gradient of cumprod where an element is 0 is not available")
            }
            let a = axis + shift
            return [try (g * y).reversed(axis: a).cumulativeSum(axis: a).reversed(axis: a) / x[0]]
        case .determinant:
            // ∂det A/∂A = det(A) A⁻ᵀ (Jacobi's formula).
            guard (try? y.value.scalar()) != 0 else {
                throw AutodiffError.notDifferentiable("the gradient of det at a singular matrix is not available (it needs the adjugate)")
            }
            return [try g * y * x[0].inverse().transposed()]
        }
    }

    /// `g` reshaped so it broadcasts against the reduction's input (after `lead`).
    private static func restoreReduced(_ g: Variable, axis: Int?, keepDims: Bool, like x: Variable, _ lead: [Int]) throws -> Variable {
        if keepDims { return g }
        guard let axis else { return try g.reshape(lead + [Int](repeating: 1, count: x.rank)) }
        var shape = x.shape
        shape[axis] = 1
        return try g.reshape(lead + shape)
    }

    /// `g` summed down to the primal `shape` (after the batch axis, if any): the one
    /// place where broadcasting is undone.
    static func unbroadcast(_ g: Variable, to shape: [Int], batch: Int?) throws -> Variable {
        guard let batch else { return try g.sumToShape(shape) }
        if g.shape.count == shape.count + 1 && g.shape.dropFirst().elementsEqual(shape) { return g }
        // Align the primal shape with g's trailing axes so the batch axis is kept.
        let padded = [batch] + [Int](repeating: 1, count: g.rank - 1 - shape.count) + shape
        return try g.sumToShape(padded).reshape([batch] + shape)
    }

    private static func binary(_ op: BinaryOperation, _ a: Variable, _ b: Variable, _ y: Variable,
                               _ g: Variable, _ needs: [Bool]) throws -> [Variable?] {
        switch op {
        case .add:
            return [g, g]
        case .subtract:
            return [g, needs[1] ? -g : nil]
        case .multiply:
            return [needs[0] ? try g * b : nil, needs[1] ? try g * a : nil]
        case .divide:
            // d(a/b)/db = -a/b² = -y/b.
            return [needs[0] ? try g / b : nil, needs[1] ? -(try g * y / b) : nil]
        case .power:
            var da: Variable?
            if needs[0] {
                if !b.requiresGradient, b.count == 1, (try? b.value.scalar()) == 2 {
                    da = try g * a * 2
                } else {
                    da = try g * b * a.binary(.power, b - 1)
                }
            }
            return [da, needs[1] ? try g * y * a.log() : nil]
        case .maximum, .minimum:
            // Ties go to the first operand: a subgradient.
            let mask = try a.value.binary(op == .maximum ? .greaterEqual : .lessEqual, b.value)
            let other = try Tensor(1).binary(.subtract, mask)
            return [needs[0] ? try g * Variable(mask) : nil, needs[1] ? try g * Variable(other) : nil]
        case .arctan2:
            // atan2(a, b) is the angle of (b, a): ∂/∂a = b / r², ∂/∂b = -a / r².
            let r2 = try a * a + b * b
            return [needs[0] ? try g * b / r2 : nil, needs[1] ? -(try g * a / r2) : nil]
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            return [nil, nil]
        }
    }

    private static func unary(_ op: UnaryOperation, _ x: Variable, _ y: Variable, _ g: Variable) throws -> Variable? {
        switch op {
        case .negate: return -g
        case .exp: return try g * y
        case .log: return try g / x
        case .sqrt: return try g * 0.5 / y
        case .abs: return try g * Variable(x.value.unary(.sign))
        case .sign: return nil
        case .sin: return try g * x.unary(.cos)
        case .cos: return -(try g * x.unary(.sin))
        case .tanh: return try g * (1 - y * y)
        case .sigmoid: return try g * y * (1 - y)
        case .relu: return try g * Variable(x.value.binary(.greater, Tensor(0)))
        case .softplus: return try g * x.unary(.sigmoid)
        case .square: return try g * x * 2
        case .reciprocal: return -(try g * y * y)
        // Steps: the derivative is 0 wherever it exists.
        case .floor, .ceil, .round, .trunc: return nil
        case .log1p: return try g / (x + 1)
        case .expm1: return try g * (y + 1)
        case .log2: return try g / (x * M_LN2)
        case .log10: return try g / (x * M_LN10)
        case .tan: return try g * (y * y + 1)
        case .arcsin: return try g / (1 - x * x).sqrt()
        case .arccos: return -(try g / (1 - x * x).sqrt())
        case .arctan: return try g / (x * x + 1)
        case .sinh: return try g * x.unary(.cosh)
        case .cosh: return try g * x.unary(.sinh)
        }
    }

    /// `matmul` with a leading batch axis on `g` (the primal operands are unbatched).
    private static func batchedMatmul(_ a: Variable, _ b: Variable, _ g: Variable, _ needs: [Bool]) throws -> [Variable?] {
        let batch = g.shape[0]
        switch (a.rank, b.rank) {
        case (1, 1):
            let column = try g.reshape([batch, 1])
            return [needs[0] ? try column * b : nil, needs[1] ? try column * a : nil]
        case (2, 1):
            let m = a.shape[0]
            return [needs[0] ? try g.reshape([batch, m, 1]) * b : nil,
                    needs[1] ? try g.matmul(a) : nil]
        case (1, 2):
            let (k, n) = (b.shape[0], b.shape[1])
            return [needs[0] ? try g.matmul(b.transposed()) : nil,
                    needs[1] ? try a.reshape([k, 1]) * g.reshape([batch, 1, n]) : nil]
        default:
            let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
            var ga: Variable?, gb: Variable?
            if needs[0] { ga = try g.reshape([batch * m, n]).matmul(b.transposed()).reshape([batch, m, k]) }
            if needs[1] {
                // Aᵀ Gᵦ for every b at once: put the batch beside the columns.
                let columns = try g.permuted([1, 0, 2]).reshape([m, batch * n])
                gb = try a.transposed().matmul(columns).reshape([k, batch, n]).permuted([1, 0, 2])
            }
            return [ga, gb]
        }
    }

    private static func matmul(_ a: Variable, _ b: Variable, _ g: Variable, _ needs: [Bool]) throws -> [Variable?] {
        switch (a.rank, b.rank) {
        case (1, 1):
            return [needs[0] ? try g * b : nil, needs[1] ? try g * a : nil]
        case (2, 1):
            // gᵀA rather than Aᵀg: a vector-matrix product needs no transposed copy.
            return [needs[0] ? try g.reshape([-1, 1]) * b.reshape([1, -1]) : nil,
                    needs[1] ? try g.matmul(a) : nil]
        case (1, 2):
            return [needs[0] ? try b.matmul(g) : nil,
                    needs[1] ? try a.reshape([-1, 1]) * g.reshape([1, -1]) : nil]
        default:
            return [needs[0] ? try g.matmul(b.transposed()) : nil,
                    needs[1] ? try a.transposed().matmul(g) : nil]
        }
    }
}

/// Thrown by a rule that has no batched form; the caller sweeps seed by seed.
struct BatchingUnsupported: Error {}
