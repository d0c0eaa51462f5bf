import Tensor

/// The derivative table: one vector-Jacobian product per primitive, written in
/// Variable operations so that the backward pass is itself differentiable (the
/// layout of tinygrad's gradient table). Results may have the output's broadcast
/// shape; `gradients(of:withRespect:)` sums them back to each input's shape.
enum DerivativeRules {
    /// The gradient flowing into each input of `primitive`, given the gradient `g`
    /// of its `output`; nil where `needs` is false or the derivative is zero.
    static func pullback(_ primitive: Primitive, inputs x: [Variable], output y: Variable,
                         gradient g: Variable, needs: [Bool]) throws -> [Variable?] {
        switch primitive {
        case .identity:
            return [g]
        case let .binary(op):
            return try binary(op, x[0], x[1], y, g, needs)
        case let .unary(op):
            return [try unary(op, x[0], y, g)]
        case .matmul:
            return try matmul(x[0], x[1], g, needs)
        case let .sum(axis, keepDims):
            return [try restoreReduced(g, axis: axis, keepDims: keepDims, like: x[0]).broadcast(to: x[0].shape)]
        case let .extremum(max, axis, keepDims):
            // The first extreme element of each lane takes the whole gradient.
            let mask = try GraphKernels.extremum(x[0].value, max: max, axis: axis, keepDims: keepDims).mask
            return [try restoreReduced(g, axis: axis, keepDims: keepDims, like: x[0]) * Variable(mask)]
        case .broadcast:
            return [try g.sumToShape(x[0].shape)]
        case .sumToShape:
            return [try g.broadcast(to: x[0].shape)]
        case .reshape:
            return [try g.reshape(x[0].shape)]
        case let .permute(p):
            var inverse = p
            for (i, axis) in p.enumerated() { inverse[axis] = i }
            return [try g.permuted(inverse)]
        case let .select(condition):
            let zero = Variable(0)
            return [needs[0] ? try Variable.where(condition, g, zero) : nil,
                    needs[1] ? try Variable.where(condition, zero, g) : nil]
        case let .concat(axis):
            var start = 0
            return try x.enumerated().map { i, part in
                defer { start += part.shape[axis] }
                return needs[i] ? try g.narrow(axis: axis, start: start, length: part.shape[axis]) : nil
            }
        case let .narrow(axis, start, length):
            // Zeros around the slice: the adjoint of taking it.
            var pieces: [Variable] = []
            var before = x[0].shape, after = x[0].shape
            before[axis] = start
            after[axis] = x[0].shape[axis] - start - length
            if start > 0 { pieces.append(Variable(try Tensor(shape: before, repeating: 0))) }
            pieces.append(g)
            if after[axis] > 0 { pieces.append(Variable(try Tensor(shape: after, repeating: 0))) }
            return [try Variable.concat(pieces, axis: axis)]
        case let .subscripted(indices):
            return [try g.scatter(indices, into: x[0].shape)]
        case let .scatter(indices, _):
            return [try g.subscripted(indices)]
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
        case .determinant:
            // ∂det A/∂A = det(A) A⁻ᵀ (Jacobi's formula).
            guard (try? y.value.scalar()) != 0 else {
                throw AutodiffError.notDifferentiable("the gradient of det at a singular matrix is not available (it needs the adjugate)")
            }
            return [try g * y * x[0].inverse().transposed()]
        }
    }

    /// `g` reshaped so it broadcasts against the reduction's input.
    private static func restoreReduced(_ g: Variable, axis: Int?, keepDims: Bool, like x: Variable) throws -> Variable {
        if keepDims { return g }
        guard let axis else { return try g.reshape([Int](repeating: 1, count: x.rank)) }
        var shape = x.shape
        shape[axis] = 1
        return try g.reshape(shape)
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
