import Tensor

extension Variable {
    /// `take_along_axis`: the elements at `positions` along `axis` (already
    /// normalised); `positions` has this shape except along `axis`. The gradient
    /// is scattered back, adding where a position repeats.
    /// - Throws: `shapeMismatch`, `indexOutOfRange`.
    public func takeAlong(_ positions: Tensor, axis: Int) throws -> Variable {
        let shape = self.shape
        let rule = CustomRule("takeAlong") { _, _, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            return [try g.scatterAddAlong(positions, axis: axis, into: shape)]
        }
        return Variable.make(try value.takeAlong(positions, axis: axis), .custom(rule), [self])
    }

    /// Zeros of `shape` with this variable added at `positions` along `axis`: the
    /// adjoint of `takeAlong`, whose gradient is `takeAlong` again.
    /// - Throws: `shapeMismatch`, `indexOutOfRange`.
    public func scatterAddAlong(_ positions: Tensor, axis: Int, into shape: [Int]) throws -> Variable {
        let rule = CustomRule("scatterAddAlong") { _, _, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            return [try g.takeAlong(positions, axis: axis)]
        }
        return Variable.make(try value.scatterAddAlong(positions, axis: axis, into: shape), .custom(rule), [self])
    }

    /// The sub-tensors along axis 0 in the order `rows` gives (a row may repeat).
    /// - Throws: `invalidShape` for a number, `indexOutOfRange` for a bad row.
    public func rows(_ rows: [Int]) throws -> Variable {
        guard rank > 0 else { throw TensorError.invalidShape("cannot take rows of a number") }
        let inner = shape.dropFirst().reduce(1, *)
        var outShape = shape
        outShape[0] = rows.count
        let positions = try Tensor(shape: outShape) { p in
            for (i, r) in rows.enumerated() where inner > 0 {
                for j in 0..<inner { p[i * inner + j] = Double(r) }
            }
        }
        return try takeAlong(positions, axis: 0)
    }
}
