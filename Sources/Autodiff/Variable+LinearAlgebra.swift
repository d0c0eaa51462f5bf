import Tensor

extension Variable {
    /// Matrix product with NumPy's `@` rules for ranks 1 and 2.
    /// - Throws: `shapeMismatch` when the inner sizes differ, `invalidShape` for rank > 2.
    public func matmul(_ other: Variable) throws -> Variable {
        Variable.make(try value.matmul(other.value), .matmul, [self, other])
    }

    /// Inner product of two vectors (rank 0).
    /// - Throws: `invalidShape` unless both are vectors of one length.
    public func dot(_ other: Variable) throws -> Variable {
        guard rank == 1, other.rank == 1 else {
            throw TensorError.invalidShape("dot needs two vectors, got shapes \(formatShape(shape)) and \(formatShape(other.shape))")
        }
        return try matmul(other)
    }

    /// Outer product of two vectors: `a[i] * b[j]`.
    public func outer(_ other: Variable) throws -> Variable {
        try flatten().reshape([-1, 1]) * other.flatten().reshape([1, -1])
    }
}

extension Variable {
    /// The inverse of a square matrix.
    /// - Throws: `notSquare`, `singularMatrix`.
    public func inverse() throws -> Variable {
        Variable.make(try value.inverse(), .inverse, [self])
    }

    /// `x` with `self · x = b` for a square matrix `self`; `b` is a vector or a matrix.
    /// - Throws: `notSquare`, `shapeMismatch`, `singularMatrix`.
    public func solve(_ b: Variable) throws -> Variable {
        Variable.make(try value.solve(b.value), .solve, [self, b])
    }

    /// The determinant of a square matrix (rank 0). Its gradient, `det(A) A⁻ᵀ`, is
    /// an error at a singular matrix.
    /// - Throws: `notSquare`.
    public func determinant() throws -> Variable {
        Variable.make(try value.determinant(), .determinant, [self])
    }
}
