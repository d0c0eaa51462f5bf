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
        // Raw pointers rather than nested buffer closures: the element loop then
        // inlines `f` (the closure version called it per element).
        let ca = a.contiguous()
        let pa = ca.storage.base + ca.offset
        let out = try Tensor(shape: a.shape) { o in
            guard let po = o.baseAddress else { return }
            for i in 0..<o.count { po[i] = f(pa[i]) }
        }
        withExtendedLifetime(ca) {}
        return out
    }

    /// A new tensor with element i = f(a[i], b[i]); `a` and `b` have the same shape.
    @inline(__always)
    static func map(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) throws -> Tensor {
        let ca = a.contiguous(), cb = b.contiguous()
        let pa = ca.storage.base + ca.offset, pb = cb.storage.base + cb.offset
        let out = try Tensor(shape: a.shape) { o in
            guard let po = o.baseAddress else { return }
            for i in 0..<o.count { po[i] = f(pa[i], pb[i]) }
        }
        withExtendedLifetime((ca, cb)) {}
        return out
    }

    /// Updates `state` in place with element i = f(state[i], g[i]).
    @inline(__always)
    static func update(_ state: inout Tensor, _ g: Tensor, _ f: (Double, Double) -> Double) {
        let cg = g.contiguous()
        let pg = cg.storage.base + cg.offset
        state.makeUniqueContiguous()
        let ps = state.storage.base + state.offset
        for i in 0..<state.count { ps[i] = f(ps[i], pg[i]) }
        withExtendedLifetime(cg) {}
    }
}
