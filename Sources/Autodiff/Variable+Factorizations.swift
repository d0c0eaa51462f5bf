import Tensor

// QR, Cholesky and eig as Variables. Each factorisation is one node whose value
// packs its results into one flat vector (the graph has one output per node);
// the results are slices of it, and the rule unpacks their gradients.
extension Variable {
    /// Reduced QR `A = Q R` (see `Tensor.qr`). The gradient needs m ≥ n and a
    /// full-rank A (R invertible).
    /// - Throws: what `Tensor.qr` throws.
    public func qr() throws -> (q: Variable, r: Variable) {
        let (q, r) = try value.qr()
        let (m, n) = (shape[0], shape[1])
        let k = Swift.min(m, n)
        let packed = try Tensor.concat([q.flatten(), r.flatten()])
        let rule = CustomRule("qr") { _, y, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            guard m >= n else { throw AutodiffError.notDifferentiable("the gradient of qr needs rows ≥ columns, got shape \(formatShape([m, n]))") }
            let (q, r) = try Variable.unpack(y, [m, k], [k, n])
            let (gq, gr) = try Variable.unpack(g, [m, k], [k, n])
            guard try !r.value.diagonal(offset: 0, axis1: 0, axis2: 1).scalars.contains(0) else {
                throw AutodiffError.notDifferentiable("the gradient of qr needs a full-rank matrix; this \(formatShape([m, n])) one is rank-deficient")
            }
            // X = R̄ Rᵀ − Qᵀ Q̄; its upper triangle mirrored (diagonal once) gives Ā = (Q̄ + Q S) R⁻ᵀ.
            let x = try gr.matmul(r.transposed()) - q.transposed().matmul(gq)
            let upper = try x * Variable(Variable.triangle(k, lower: false, diagonal: 1))
            let s = try upper + upper.transposed() - x * Variable(try Tensor.eye(k))
            let z = try gq + q.matmul(s)
            return [try r.solve(z.transposed()).transposed()]
        }
        let node = Variable.make(packed, .custom(rule), [self])
        let parts = try Variable.unpack(node, [m, k], [k, n])
        return (parts.0, parts.1)
    }

    /// The Cholesky factor L (lower) of a symmetric positive-definite matrix; the
    /// gradient is symmetric (PyTorch's rule: ½(S + Sᵀ), S = L⁻ᵀ Φ(Lᵀ L̄) L⁻¹).
    /// - Throws: what `Tensor.cholesky` throws.
    public func cholesky() throws -> Variable {
        let l = try value.cholesky()
        let n = shape[0]
        let rule = CustomRule("cholesky") { _, y, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            let phi = try y.transposed().matmul(g) * Variable(Variable.triangle(n, lower: true, diagonal: 0.5))
            let left = try y.transposed().solve(phi)                       // L⁻ᵀ Φ
            let s = try y.transposed().solve(left.transposed()).transposed() // L⁻ᵀ Φ L⁻¹
            return [try (s + s.transposed()) * 0.5]
        }
        return Variable.make(l, .custom(rule), [self])
    }

    /// Eigenvalues and unit eigenvectors of a general square matrix with real
    /// eigenvalues (see `Tensor.eig`). The gradient needs distinct eigenvalues.
    /// - Throws: what `Tensor.eig` throws.
    public func eig() throws -> (values: Variable, vectors: Variable) {
        let (w, v) = try value.eig()
        let n = shape[0]
        let packed = try Tensor.concat([w, v.flatten()])
        let rule = CustomRule("eig") { _, y, g, _, batch in
            if batch != nil { throw BatchingUnsupported() }
            let (w, v) = try Variable.unpack(y, [n], [n, n])
            let (gw, gv) = try Variable.unpack(g, [n], [n, n])
            let eye = Variable(try Tensor.eye(n))
            let gaps = try w.reshape([1, n]) - w.reshape([n, 1]) + eye
            guard !gaps.value.scalars.contains(0) else {
                throw AutodiffError.notDifferentiable("the gradient of eig needs distinct eigenvalues; this \(formatShape([n, n])) matrix has a repeated one")
            }
            // Unit columns: remove the part of V̄ along each column first.
            let along = try (v * gv).sum(axis: 0, keepDims: true)
            let gn = try gv - v * along
            let f = try (1 - eye) / gaps
            let x = try gw.reshape([1, n]) * eye + f * v.transposed().matmul(gn)
            return [try v.transposed().solve(x.matmul(v.transposed()))]
        }
        let node = Variable.make(packed, .custom(rule), [self])
        let parts = try Variable.unpack(node, [n], [n, n])
        return (parts.0, parts.1)
    }

    /// The two results packed in a flat vector, as slices reshaped.
    static func unpack(_ packed: Variable, _ a: [Int], _ b: [Int]) throws -> (Variable, Variable) {
        let na = a.reduce(1, *), nb = b.reduce(1, *)
        return (try packed.slice(axis: 0, start: 0, length: na).reshape(a),
                try packed.slice(axis: 0, start: na, length: nb).reshape(b))
    }

    /// An n×n 0/1 mask of the lower (or upper) triangle, with `diagonal` on the diagonal.
    static func triangle(_ n: Int, lower: Bool, diagonal: Double) throws -> Tensor {
        try Tensor(shape: [n, n]) { p in
            for i in 0..<n { for j in 0..<n { p[i * n + j] = i == j ? diagonal : ((j < i) == lower ? 1 : 0) } }
        }
    }
}
