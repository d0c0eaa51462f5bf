import Tensor

extension Variable: EinsumOperand {
    /// The diagonal of axes `axis1`, `axis2` as a new last axis (`EinsumOperand`).
    public func diagonal(axis1: Int, axis2: Int) throws -> Variable { try diagonal(offset: 0, axis1: axis1, axis2: axis2) }

    /// NumPy's `diagonal` (the diagonal's axis last); the gradient is written back
    /// onto the diagonal, and that embedding's gradient is the diagonal again.
    /// - Throws: `invalidArgument` for equal or out-of-range axes.
    public func diagonal(offset: Int, axis1: Int, axis2: Int) throws -> Variable {
        let a = try Shape.normalizeAxis(axis1, rank: rank), b = try Shape.normalizeAxis(axis2, rank: rank)
        let value = try self.value.diagonal(offset: offset, axis1: a, axis2: b)
        let keep = (0..<rank).filter { $0 != a && $0 != b }
        let order = keep + [a, b]
        let moved = order.map { shape[$0] }
        let rule = CustomRule("diagonal") { _, _, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            var inverse = order
            for (i, axis) in order.enumerated() { inverse[axis] = i }
            return [try g.embeddedDiagonal(offset: offset, into: moved).permuted(inverse)]
        }
        return Variable.make(value, .custom(rule), [self])
    }

    /// Zeros of `shape` with this variable's last axis on the diagonal (`offset`) of
    /// the last two axes: the adjoint of `diagonal`.
    /// - Throws: `shapeMismatch` when the sizes do not fit.
    public func embeddedDiagonal(offset: Int, into shape: [Int]) throws -> Variable {
        let rule = CustomRule("embeddedDiagonal") { _, _, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            return [try g.diagonal(offset: offset, axis1: -2, axis2: -1)]
        }
        return Variable.make(try value.embeddedDiagonal(offset: offset, into: shape), .custom(rule), [self])
    }

    /// Matrix products batch by batch, `[b, m, k] · [b, k, n]`; the pullbacks are
    /// batched products again (`G Bᵀ` and `Aᵀ G`), so they differentiate once more.
    /// - Throws: `shapeMismatch`.
    public func batchedMatmul(_ other: Variable) throws -> Variable {
        let rule = CustomRule("batchedMatmul") { x, _, g, needs, batch in
            if batch != nil { throw BatchingUnsupported() }
            return [needs[0] ? try g.batchedMatmul(x[1].permuted([0, 2, 1])) : nil,
                    needs[1] ? try x[0].permuted([0, 2, 1]).batchedMatmul(g) : nil]
        }
        return Variable.make(try value.batchedMatmul(other.value), .custom(rule), [self, other])
    }

    /// NumPy's `einsum`, differentiable in every operand.
    /// - Throws: `invalidArgument` for a bad specification or mismatched sizes.
    public static func einsum(_ spec: String, _ operands: [Variable]) throws -> Variable {
        try EinsumPlan(spec, shapes: operands.map(\.shape)).run(operands)
    }
}
