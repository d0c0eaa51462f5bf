/// What einsum needs of an operand type, so one plan runs on tensors and, in
/// Autodiff, on Variables (whose gradients then come from these operations' rules).
public protocol EinsumOperand {
    /// Size along each axis.
    var shape: [Int] { get }
    /// The axes reordered: output axis `i` is axis `axes[i]`.
    func permuted(_ axes: [Int]) throws -> Self
    /// The same elements under another shape.
    func reshape(_ shape: [Int]) throws -> Self
    /// The sum along `axis`.
    func sum(axis: Int, keepDims: Bool) throws -> Self
    /// The diagonal of axes `axis1` and `axis2` (same size), as a new last axis.
    func diagonal(axis1: Int, axis2: Int) throws -> Self
    /// Matrix products of `[b, m, k]` and `[b, k, n]`, batch by batch.
    func batchedMatmul(_ other: Self) throws -> Self
}

extension Tensor: EinsumOperand {}

extension Tensor {
    /// The diagonal `self[..., i, ..., i + offset, ...]` of axes `axis1` and `axis2`
    /// as a view whose last axis runs along it (NumPy's `diagonal`); no copy.
    /// - Throws: `invalidArgument` for equal or out-of-range axes.
    public func diagonal(offset diagonalOffset: Int, axis1: Int, axis2: Int) throws -> Tensor {
        let a = try Shape.normalizeAxis(axis1, rank: rank), b = try Shape.normalizeAxis(axis2, rank: rank)
        guard rank >= 2, a != b else { throw TensorError.invalidArgument("diagonal needs two different axes of a tensor of rank ≥ 2") }
        let k = diagonalOffset
        let length = Swift.max(0, k >= 0 ? Swift.min(shape[a], shape[b] - k) : Swift.min(shape[a] + k, shape[b]))
        let start = length == 0 ? 0 : (k >= 0 ? k * strides[b] : -k * strides[a])
        let keep = (0..<rank).filter { $0 != a && $0 != b }
        return Tensor(storage: storage, shape: keep.map { shape[$0] } + [length],
                      strides: keep.map { strides[$0] } + [strides[a] + strides[b]], offset: offset + start)
    }

    /// The diagonal of axes `axis1`, `axis2`; `EinsumOperand`'s form.
    public func diagonal(axis1: Int, axis2: Int) throws -> Tensor { try diagonal(offset: 0, axis1: axis1, axis2: axis2) }

    /// Zeros of `shape` whose diagonal (last two axes, `offset`) holds this tensor's
    /// last axis: the adjoint of `diagonal(offset:axis1: -2, axis2: -1)` on that shape.
    /// - Throws: `shapeMismatch` when the sizes do not fit.
    public func embeddedDiagonal(offset: Int, into shape: [Int]) throws -> Tensor {
        var out = try Tensor(shape: shape, repeating: 0)
        let view = try out.diagonal(offset: offset, axis1: -2, axis2: -1)
        guard view.shape == self.shape else { throw TensorError.shapeMismatch(op: "diagonal", lhs: view.shape, rhs: self.shape) }
        let src = contiguous().scalars
        // Walk the view's positions in row-major order and write through its strides.
        let base = out.storage.base + view.offset
        guard view.count > 0 else { return out }
        var index = [Int](repeating: 0, count: view.rank)
        for value in src {
            var at = 0
            for d in 0..<view.rank { at += index[d] * view.strides[d] }
            base[at] = value
            var d = view.rank - 1
            while d >= 0 { index[d] += 1; if index[d] < view.shape[d] { break }; index[d] = 0; d -= 1 }
        }
        return out
    }

    /// Matrix products batch by batch: `[b, m, k] · [b, k, n] → [b, m, n]` (BLAS per batch).
    /// - Throws: `shapeMismatch` unless both are rank 3 with matching b and k.
    public func batchedMatmul(_ other: Tensor) throws -> Tensor {
        guard rank == 3, other.rank == 3, shape[0] == other.shape[0], shape[2] == other.shape[1] else {
            throw TensorError.shapeMismatch(op: "batched @", lhs: shape, rhs: other.shape)
        }
        let (batch, m, k, n) = (shape[0], shape[1], shape[2], other.shape[2])
        if batch == 1 {
            return try reshape([m, k]).matmul(other.reshape([k, n])).reshape([1, m, n])
        }
        let a = contiguous(), b = other.contiguous()
        let count = try Shape.validate([batch, m, n])
        let out = try TensorStorage(uninitializedCount: count)
        if count > 0 { out.base.initialize(repeating: 0, count: count) }
        if count > 0 && k > 0 {
            let pa = a.storage.base + a.offset, pb = b.storage.base + b.offset
            for i in 0..<batch {
                BLAS.gemm(pa + i * m * k, pb + i * k * n, out.base + i * m * n, m: m, n: n, k: k)
            }
        }
        return withExtendedLifetime((a, b)) { Tensor(storage: out, shape: [batch, m, n]) }
    }
}

/// Einstein summation `"ij,jk->ik"` compiled once into diagonals, sums, permutes
/// and batched matrix products, so every contraction of two operands runs on BLAS
/// (NumPy's einsum, by default, loops over all indices at once in C).
public struct EinsumPlan {
    /// Each operand's labels, ellipsis expanded.
    let inputs: [[Character]]
    /// The result's labels.
    let output: [Character]

    /// Parses `spec` for operands of `shapes` (implicit output: the labels used once, sorted;
    /// `...` stands for the same leading axes in every operand).
    /// - Throws: `invalidArgument` with the reason, naming the operand.
    public init(_ spec: String, shapes: [[Int]]) throws {
        let text = spec.filter { !$0.isWhitespace }
        let sides = text.split(separator: "->", omittingEmptySubsequences: false).map(String.init)
        guard sides.count <= 2 else { throw TensorError.invalidArgument("einsum: \"\(spec)\" has more than one ->") }
        let terms = sides[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard terms.count == shapes.count else {
            throw TensorError.invalidArgument("einsum: \"\(spec)\" names \(terms.count) operand\(terms.count == 1 ? "" : "s"), got \(shapes.count)")
        }
        var ellipsis: [Character]? = nil
        var parsed: [[Character]] = []
        for (i, term) in terms.enumerated() {
            var labels = try EinsumPlan.labels(term, where: "operand \(i)")
            if let dots = labels.firstIndex(of: ".") {
                let named = labels.count - 1
                let extra = shapes[i].count - named
                guard extra >= 0 else { throw TensorError.invalidArgument("einsum: operand \(i) has rank \(shapes[i].count), fewer than the \(named) labels of \"\(term)\"") }
                let mine = (0..<extra).map { Character(Unicode.Scalar(0x3B1 + 16 - extra + $0)!) } // safe: Greek letters
                if ellipsis == nil || mine.count > ellipsis!.count { ellipsis = mine } // safe: checked for nil first
                labels.replaceSubrange(dots...dots, with: mine)
            }
            guard labels.count == shapes[i].count else {
                throw TensorError.invalidArgument("einsum: \"\(term)\" has \(labels.count) labels for operand \(i) of shape \(formatShape(shapes[i]))")
            }
            parsed.append(labels)
        }
        var output: [Character]
        if sides.count == 2 {
            output = try EinsumPlan.labels(sides[1], where: "the output")
            if let dots = output.firstIndex(of: ".") { output.replaceSubrange(dots...dots, with: ellipsis ?? []) }
        } else {
            let all = parsed.flatMap { $0 }
            let once = Set(all.filter { c in all.filter { $0 == c }.count == 1 && c.isLetter && c.isASCII })
            output = (ellipsis ?? []) + once.sorted()
        }
        guard Set(output).count == output.count else { throw TensorError.invalidArgument("einsum: the output \"\(sides.last!)\" repeats a label") } // safe: split gives ≥ 1
        var sizes: [Character: Int] = [:]
        for (i, labels) in parsed.enumerated() {
            for (axis, c) in labels.enumerated() {
                let n = shapes[i][axis]
                if let seen = sizes[c], seen != n {
                    throw TensorError.invalidArgument("einsum: label \(c) has size \(seen) and also \(n) (operand \(i) of shape \(formatShape(shapes[i])))")
                }
                sizes[c] = n
            }
        }
        for c in output where sizes[c] == nil {
            throw TensorError.invalidArgument("einsum: output label \(c) is not in any operand")
        }
        self.inputs = parsed
        self.output = output
    }

    /// The letters of one term, with "..." as one "." placeholder.
    private static func labels(_ term: String, where place: String) throws -> [Character] {
        var out: [Character] = []
        var rest = Substring(term)
        while let c = rest.first {
            if rest.hasPrefix("...") {
                guard !out.contains(".") else { throw TensorError.invalidArgument("einsum: \(place) has two ellipses") }
                out.append("."); rest = rest.dropFirst(3); continue
            }
            guard c.isASCII, c.isLetter else { throw TensorError.invalidArgument("einsum: \"\(c)\" in \(place) is not a letter") }
            out.append(c); rest = rest.dropFirst()
        }
        return out
    }

    /// Runs the plan on `operands` (their shapes as given to `init`).
    public func run<T: EinsumOperand>(_ operands: [T]) throws -> T {
        var pieces: [(value: T, labels: [Character])] = []
        for (i, x) in operands.enumerated() {
            var value = x, labels = inputs[i]
            // A label repeated within an operand takes the diagonal.
            while let (p, q) = EinsumPlan.repeated(labels) {
                let c = labels[p]
                value = try value.diagonal(axis1: p, axis2: q)
                labels = labels.enumerated().filter { $0.offset != p && $0.offset != q }.map(\.element) + [c]
            }
            pieces.append((value, labels))
        }
        var acc = pieces[0]
        for i in 0..<pieces.count {
            let later = Set(output + pieces.dropFirst(i + 1).flatMap(\.labels))
            if i > 0 {
                let needed = later.union(acc.labels.filter { pieces[i].labels.contains($0) })
                acc = try EinsumPlan.sumOut(acc, keeping: needed)
                let b = try EinsumPlan.sumOut(pieces[i], keeping: later.union(acc.labels))
                acc = try EinsumPlan.contract(acc, b, keeping: later)
            } else {
                acc = try EinsumPlan.sumOut(acc, keeping: later)
            }
        }
        let order = try output.map { c -> Int in
            guard let p = acc.labels.firstIndex(of: c) else { throw TensorError.invalidArgument("einsum: label \(c) lost") }
            return p
        }
        return order == Array(0..<order.count) ? acc.value : try acc.value.permuted(order)
    }

    private static func repeated(_ labels: [Character]) -> (Int, Int)? {
        for p in labels.indices { for q in (p + 1)..<labels.count where labels[p] == labels[q] { return (p, q) } }
        return nil
    }

    /// Sums the axes whose labels are not in `keeping`.
    private static func sumOut<T: EinsumOperand>(_ x: (value: T, labels: [Character]), keeping: Set<Character>) throws -> (value: T, labels: [Character]) {
        var (value, labels) = x
        for axis in labels.indices.reversed() where !keeping.contains(labels[axis]) {
            value = try value.sum(axis: axis, keepDims: false)
            labels.remove(at: axis)
        }
        return (value, labels)
    }

    /// One pairwise contraction as a batched matrix product: batch labels (in both,
    /// kept), A's own, contracted (in both, not kept), B's own.
    private static func contract<T: EinsumOperand>(_ a: (value: T, labels: [Character]), _ b: (value: T, labels: [Character]),
                                                   keeping: Set<Character>) throws -> (value: T, labels: [Character]) {
        let shared = a.labels.filter { b.labels.contains($0) }
        let batch = shared.filter { keeping.contains($0) }, summed = shared.filter { !keeping.contains($0) }
        let aOwn = a.labels.filter { !shared.contains($0) }, bOwn = b.labels.filter { !shared.contains($0) }
        func size(_ x: (value: T, labels: [Character]), _ cs: [Character]) -> [Int] {
            cs.map { c in x.value.shape[x.labels.firstIndex(of: c)!] } // safe: c is one of x's labels
        }
        func arranged(_ x: (value: T, labels: [Character]), _ order: [Character]) throws -> T {
            let axes = order.map { c in x.labels.firstIndex(of: c)! } // safe: order lists x's labels
            return axes == Array(0..<axes.count) ? x.value : try x.value.permuted(axes)
        }
        let bs = size(a, batch), ms = size(a, aOwn), ks = size(a, summed), ns = size(b, bOwn)
        let B = bs.reduce(1, *), M = ms.reduce(1, *), K = ks.reduce(1, *), N = ns.reduce(1, *)
        let left = try arranged(a, batch + aOwn + summed).reshape([B, M, K])
        let right = try arranged(b, batch + summed + bOwn).reshape([B, K, N])
        let product = try left.batchedMatmul(right).reshape(bs + ms + ns)
        return (product, batch + aOwn + bOwn)
    }
}

extension Tensor {
    /// NumPy's `einsum(spec, operands...)`: the common contractions on their own
    /// kernels (`EinsumShortcut`), the rest pairwise on BLAS.
    /// - Throws: `invalidArgument` for a bad specification or mismatched sizes.
    public static func einsum(_ spec: String, _ operands: [Tensor]) throws -> Tensor {
        let (shortcut, ranks) = EinsumShortcut.of(spec)
        if let direct = try einsumShortcut(shortcut, ranks: ranks, operands) { return direct }
        return try EinsumPlan(spec, shapes: operands.map(\.shape)).run(operands)
    }
}
