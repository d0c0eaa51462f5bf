import Tensor

/// Fused elementwise kernels for the optimisers: each update reads its inputs
/// once and writes one output, instead of a chain of Tensor temporaries.
enum Elementwise {
    /// The shapes of `x` and `g` must agree exactly: an optimiser never broadcasts.
    static func checkSameShape(_ x: Tensor, _ g: Tensor, _ op: String) throws {
        guard x.shape == g.shape else {
            throw TensorError.shapeMismatch(op: op, lhs: x.shape, rhs: g.shape)
        }
    }

    /// A new tensor of `shape` with element i = f(a[i]).
    @inline(__always)
    static func map(_ a: Tensor, _ f: (Double) -> Double) throws -> Tensor {
        try a.withContiguousElements { pa in
            try Tensor(shape: a.shape) { out in
                for i in 0..<out.count { out[i] = f(pa[i]) }
            }
        }
    }

    /// A new tensor with element i = f(a[i], b[i]); `a` and `b` have the same shape.
    @inline(__always)
    static func map(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) throws -> Tensor {
        try a.withContiguousElements { pa in
            try b.withContiguousElements { pb in
                try Tensor(shape: a.shape) { out in
                    for i in 0..<out.count { out[i] = f(pa[i], pb[i]) }
                }
            }
        }
    }

    /// Updates `state` in place with element i = f(state[i], g[i]).
    @inline(__always)
    static func update(_ state: inout Tensor, _ g: Tensor, _ f: (Double, Double) -> Double) {
        g.withContiguousElements { pg in
            state.withMutableElements { ps in
                for i in 0..<ps.count { ps[i] = f(ps[i], pg[i]) }
            }
        }
    }
}
