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

/// Output buffers recycled between steps: a step writes its result into the tensor
/// it was given one step earlier, when nothing else holds that tensor any more
/// (in `fit` the parameter has moved on to the newer value). Saves a fresh
/// allocation, and its page faults, per parameter and step; a tensor someone still
/// holds is never written (copy on write gives a fresh one).
struct OutputBuffers {
    private var spares: [Tensor?] = []

    /// f(a[i], b[i]) for slot `slot`; `a` becomes the slot's next spare.
    mutating func map(_ slot: Int, _ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) throws -> Tensor {
        if slot >= spares.count { spares.append(contentsOf: repeatElement(nil, count: slot - spares.count + 1)) }
        let out: Tensor
        if var spare = spares[slot], spare.shape == a.shape {
            spares[slot] = nil // our reference must go for the spare to be unique
            let ca = a.contiguous(), cb = b.contiguous()
            let pa = ca.storage.base + ca.offset, pb = cb.storage.base + cb.offset
            spare.makeUniqueContiguous()
            let po = spare.storage.base + spare.offset
            for i in 0..<spare.count { po[i] = f(pa[i], pb[i]) }
            withExtendedLifetime((ca, cb)) {}
            out = spare
        } else {
            out = try Elementwise.map(a, b, f)
        }
        spares[slot] = a
        return out
    }

    /// Forgets every spare.
    mutating func clear() { spares = [] }
}
