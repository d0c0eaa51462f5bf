import Autodiff
import Glibc
import Tensor

// diag trace kron einsum tensordot qr cholesky eig matrix_rank cond matrix_power norm

extension BuiltinGroup {
    /// NumPy's linear algebra beyond the basics of `linearAlgebra`.
    static let linearAlgebraNumpy = BuiltinGroup(topic: "Linear algebra (NumPy)", builtins: [
        Builtin("diag", [.init("v", .differentiable, doc: "a vector (to place) or a matrix (to read)"),
                         .init("k", .integer, default: .number(0), doc: "the diagonal: 0 main, > 0 above, < 0 below")],
                doc: "A vector's square matrix with it on diagonal k, or a matrix's diagonal k as a vector (NumPy's diag).",
                example: "diag([1, 2, 3])") { args, _ in
            let v = try args.variable("v"), k = try args.int("k")
            switch v.rank {
            case 1:
                let n = v.count + Swift.abs(k)
                return BuiltinHelpers.result(try v.embeddedDiagonal(offset: k, into: [n, n]), differentiable: args.isVariable("v"))
            case 2:
                return BuiltinHelpers.result(try v.diagonal(offset: k, axis1: 0, axis2: 1), differentiable: args.isVariable("v"))
            default:
                throw args.error("v", "diag() needs a vector or a matrix, got shape \(formatShape(v.shape))", kind: .value)
            }
        },
        Builtin("trace", [.init("a", .differentiable, doc: "a matrix (or a stack of them)"),
                          .init("offset", .integer, default: .number(0), doc: "the diagonal: 0 main, > 0 above, < 0 below"),
                          .init("axis1", .integer, default: .number(0), doc: "the first axis of the matrices"),
                          .init("axis2", .integer, default: .number(1), doc: "the second axis of the matrices")],
                doc: "Sum along a diagonal (NumPy's trace; of rank > 2, one trace per remaining index).",
                example: "trace([[1, 2], [3, 4]])") { args, _ in
            let a = try args.variable("a")
            guard a.rank >= 2 else { throw args.error("a", "trace() needs a tensor of rank ≥ 2, got shape \(formatShape(a.shape))", kind: .value) }
            let d = try a.diagonal(offset: try args.int("offset"), axis1: try args.int("axis1"), axis2: try args.int("axis2"))
            return BuiltinHelpers.result(try d.sum(axis: -1), differentiable: args.isVariable("a"))
        },
        Builtin("kron", [.init("a", .differentiable, doc: "the outer factor"), .init("b", .differentiable, doc: "the inner factor")],
                doc: "Kronecker product: blocks a[i, j]·b (NumPy's kron, any ranks).",
                example: "kron([[1, 0], [0, 2]], [[1, 1], [1, 1]])") { args, _ in
            let a = try args.variable("a"), b = try args.variable("b")
            let r = Swift.max(a.rank, b.rank)
            let sa = [Int](repeating: 1, count: r - a.rank) + a.shape, sb = [Int](repeating: 1, count: r - b.rank) + b.shape
            let left = try a.reshape(sa.flatMap { [$0, 1] }), right = try b.reshape(sb.flatMap { [1, $0] })
            let out = try (left * right).reshape(zip(sa, sb).map { $0 * $1 })
            return BuiltinHelpers.result(out, differentiable: args.isVariable("a") || args.isVariable("b"))
        },
        Builtin("einsum", [.init("subscripts", .string, doc: "the labels, as \"ij,jk->ik\" (\"...\" for leading axes)"),
                           .variadic("operands", .differentiable, doc: "the tensors, one per term")],
                doc: "Einstein summation (NumPy's einsum): products of the operands summed over the labels missing from the output; pairs run on BLAS.",
                example: "einsum(\"ij,jk->ik\", [[1, 2], [3, 4]], [[5], [6]])") { args, _ in
            let spec = try args.string("subscripts")
            if args.rest.contains(where: { if case .variable = $0 { return true }; return false }) {
                let vs = try args.rest.map { x -> Variable in
                    guard let v = Operators.lift(x) else { throw args.error("operands", "einsum() needs tensors, got \(x.typeName)") }
                    return v
                }
                return .variable(try Variable.einsum(spec, vs))
            }
            let ts = try args.rest.map { x -> Tensor in
                guard let t = x.asTensor else { throw args.error("operands", "einsum() needs tensors, got \(x.typeName)") }
                return t
            }
            return Operators.wrap(try Tensor.einsum(spec, ts).contiguous())
        },
        Builtin("tensordot", [.init("a", .differentiable, doc: "the first tensor"), .init("b", .differentiable, doc: "the second tensor"),
                              .init("axes", .any, default: .number(2), doc: "n (a's last n axes with b's first n) or [a_axes, b_axes]")],
                doc: "Sum of products over the named axes of a and b (NumPy's tensordot); the other axes of a, then of b, remain.",
                example: "tensordot(ones(2, 3), ones(3, 4), 1)") { args, _ in
            let a = try args.variable("a"), b = try args.variable("b")
            let (axesA, axesB) = try tensordotAxes(args, a.rank, b.rank)
            let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            guard a.rank + b.rank <= letters.count else { throw args.error("a", "tensordot() supports ranks up to 52 in all", kind: .value) }
            let la = Array(letters[0..<a.rank]); var lb = Array(letters[a.rank..<(a.rank + b.rank)])
            for (x, y) in zip(axesA, axesB) { lb[y] = la[x] }
            let out = la.enumerated().filter { !axesA.contains($0.offset) }.map(\.element)
                + lb.enumerated().filter { !axesB.contains($0.offset) }.map(\.element)
            let spec = String(la) + "," + String(lb) + "->" + String(out)
            if args.isVariable("a") || args.isVariable("b") { return .variable(try Variable.einsum(spec, [a, b])) }
            return Operators.wrap(try Tensor.einsum(spec, [a.value, b.value]).contiguous())
        },
        Builtin("qr", [.init("a", .differentiable, doc: "an m×n matrix"),
                       .init("mode", .string, default: Value("reduced"), doc: "\"reduced\" ([Q, R], Q m×k, R k×n, k = min(m, n)) or \"r\" (R alone)")],
                doc: "QR decomposition a = Q R, Q with orthonormal columns, R upper triangular (NumPy's qr; differentiable when m ≥ n and a has full rank).",
                example: "Q, R = qr([[1, 2], [3, 4], [5, 6]])") { args, _ in
            let mode = try args.string("mode")
            guard mode == "reduced" || mode == "r" else {
                throw args.error("mode", "qr() mode must be \"reduced\" or \"r\", got \"\(mode)\"", kind: .value)
            }
            let a = try args.variable("a")
            guard a.rank == 2 else { throw args.error("a", "qr() needs a matrix, got shape \(formatShape(a.shape))", kind: .value) }
            let (q, r) = try a.qr()
            let d = args.isVariable("a")
            if mode == "r" { return BuiltinHelpers.result(r, differentiable: d) }
            return Value(list: [BuiltinHelpers.result(q, differentiable: d), BuiltinHelpers.result(r, differentiable: d)])
        },
        Builtin("cholesky", [.init("a", .differentiable, doc: "a symmetric positive-definite matrix (its lower triangle is read)")],
                doc: "The lower-triangular L with a = L Lᵀ (NumPy's cholesky); a matrix that is not positive definite is an error.",
                example: "cholesky([[4, 2], [2, 3]])") { args, _ in
            let a = try args.variable("a")
            return BuiltinHelpers.result(try a.cholesky(), differentiable: args.isVariable("a"))
        },
        Builtin("eig", [.init("a", .differentiable, doc: "a square matrix")],
                doc: "Eigenvalues and unit eigenvectors (columns) of a general square matrix as [values, vectors]; complex eigenvalues are an error (NumPy's eig).",
                example: "values, vectors = eig([[2, 1], [0, 3]])") { args, _ in
            let (w, v) = try args.variable("a").eig()
            let d = args.isVariable("a")
            return Value(list: [BuiltinHelpers.result(w, differentiable: d), BuiltinHelpers.result(v, differentiable: d)])
        },
        Builtin("matrix_rank", [.init("A", .tensor, doc: "a matrix (or vector)"),
                                .init("tol", .number, default: .nothing, doc: "singular values above it count; NumPy's default when nothing")],
                doc: "The number of singular values above tol (default max(s)·max(m, n)·eps), as NumPy's matrix_rank.",
                example: "matrix_rank([[1, 2], [2, 4]])") { args, _ in
            let a = try args.tensor("A")
            if a.rank < 2 { return .number(a.scalars.contains { $0 != 0 } ? 1 : 0) }
            guard a.rank == 2 else { throw args.error("A", "matrix_rank() needs a matrix, got shape \(formatShape(a.shape))", kind: .value) }
            let s = try a.svd().s.scalars
            let tol = try args.optionalNumber("tol") ?? (s.max() ?? 0) * Double(a.shape.max() ?? 0) * Double.ulpOfOne
            return .number(Double(s.filter { $0 > tol }.count))
        },
        Builtin("cond", [.init("x", .tensor, doc: "a matrix"),
                         .init("p", .any, default: .nothing, doc: "the norm: nothing or 2 (singular values), -2, 1, -1, inf, -inf, \"fro\", \"nuc\"")],
                doc: "Condition number ‖x‖·‖x⁻¹‖ in norm p (NumPy's cond; inf for a singular matrix).",
                example: "cond([[1, 0], [0, 1e-3]])") { args, _ in
            let x = try args.tensor("x")
            guard x.rank == 2 else { throw args.error("x", "cond() needs a matrix, got shape \(formatShape(x.shape))", kind: .value) }
            let p = try normOrder(args, "p")
            if p == nil || p == .p(2) || p == .p(-2) {
                let s = try x.svd().s.scalars
                guard let hi = s.max(), let lo = s.min() else { throw args.error("x", "cond() of an empty matrix", kind: .value) }
                return .number(p == .p(-2) ? lo / hi : hi / lo)
            }
            guard x.shape[0] == x.shape[1] else { throw args.error("x", "cond() with p=\(p!) needs a square matrix, got shape \(formatShape(x.shape))", kind: .value) } // safe: p != nil here
            let inverse: Tensor
            do { inverse = try x.inverse() } catch TensorError.singularMatrix { return .number(.infinity) }
            let a = try matrixNorm(Variable(x), p, axes: (0, 1), keep: false, args).value.scalar()
            let b = try matrixNorm(Variable(inverse), p, axes: (0, 1), keep: false, args).value.scalar()
            return .number(a * b)
        },
        Builtin("matrix_power", [.init("a", .differentiable, doc: "a square matrix"),
                                 .init("n", .integer, doc: "the power; 0 gives the identity, negative powers invert first")],
                doc: "a multiplied by itself n times, by repeated squaring (NumPy's matrix_power).",
                example: "matrix_power([[1, 1], [1, 0]], 10)") { args, _ in
            var a = try args.variable("a")
            let n = try args.int("n")
            guard a.rank == 2, a.shape[0] == a.shape[1] else {
                throw args.error("a", "matrix_power() needs a square matrix, got shape \(formatShape(a.shape))", kind: .value)
            }
            if n < 0 {
                do { a = try a.inverse() } catch TensorError.singularMatrix {
                    throw args.error("a", "matrix_power(): the \(formatShape(a.shape)) matrix is singular, so it has no negative powers", kind: .value)
                }
            }
            var result: Variable? = nil, base = a, e = n.magnitude
            while e > 0 {
                if e & 1 == 1 { result = try result.map { try $0.matmul(base) } ?? base }
                e >>= 1
                if e > 0 { base = try base.matmul(base) }
            }
            let out = try result ?? Variable(Tensor.eye(a.shape[0]))
            return BuiltinHelpers.result(out, differentiable: args.isVariable("a"))
        },
        Builtin("norm", [.init("x", .differentiable, doc: "the values"),
                         .init("ord", .any, default: .nothing, doc: "vectors: nothing or 2, 1, inf, -inf, 0, any p; matrices: \"fro\", \"nuc\", 1, -1, 2, -2, inf, -inf"),
                         .init("axis", .shape, default: .nothing, doc: "one axis (vector norms) or two (matrix norms); all elements when nothing"),
                         .init("keepdims", .bool, default: .bool(false), doc: "keep the reduced axes with size 1")],
                doc: "Vector or matrix norm (NumPy's linalg.norm): Euclidean/Frobenius by default, `ord=` picks another.",
                example: "norm([[1, 2], [3, 4]], ord=1)") { args, _ in
            try norm(args)
        },
    ])
}

/// tensordot's axes: n (a's last n with b's first n) or [a_axes, b_axes], normalised.
private func tensordotAxes(_ args: Arguments, _ ra: Int, _ rb: Int) throws -> ([Int], [Int]) {
    func bad(_ why: String) -> Diagnostic { args.error("axes", "tensordot(): \(why)", kind: .value) }
    var pair: ([Int], [Int])
    if let n = ParameterType.scalar(args["axes"]).flatMap({ Int(exactly: $0) }) {
        guard n >= 0, n <= ra, n <= rb else { throw bad("axes=\(n) needs both tensors of rank ≥ \(n)") }
        pair = (Array((ra - n)..<ra), Array(0..<n))
    } else {
        let parts = try Operators.elements(args["axes"], args.span("axes"))
        guard parts.count == 2, let a = Arguments.shape(from: parts[0]), let b = Arguments.shape(from: parts[1]) else {
            throw bad("axes must be n or [a_axes, b_axes]")
        }
        pair = (a, b)
    }
    guard pair.0.count == pair.1.count else { throw bad("\(pair.0.count) axes of a against \(pair.1.count) of b") }
    func normal(_ axes: [Int], _ rank: Int) throws -> [Int] {
        let out = try axes.map { x -> Int in
            guard x >= -rank, x < rank else { throw bad("axis \(x) is out of range for rank \(rank)") }
            return x < 0 ? x + rank : x
        }
        guard Set(out).count == out.count else { throw bad("repeated axis in \(axes)") }
        return out
    }
    return (try normal(pair.0, ra), try normal(pair.1, rb))
}

/// A norm order: a number (inf included) or "fro"/"nuc".
enum NormOrder: Equatable, CustomStringConvertible {
    case p(Double)
    case fro
    case nuc
    var description: String {
        switch self {
        case .p(let x): return x.isInfinite ? (x > 0 ? "inf" : "-inf") : ValueFormatter.number(x, precision: 10)
        case .fro: return "\"fro\""
        case .nuc: return "\"nuc\""
        }
    }
}

private func normOrder(_ args: Arguments, _ name: String) throws -> NormOrder? {
    switch args[name] {
    case .nothing: return nil
    case .string(let s) where s.value == "fro": return .fro
    case .string(let s) where s.value == "nuc": return .nuc
    case let v:
        guard let x = ParameterType.scalar(v), !x.isNaN else {
            throw args.error(name, "\(args.builtin.name)() \(name) must be a number, inf, \"fro\" or \"nuc\", got \(v.typeName)", kind: .value)
        }
        return .p(x)
    }
}

private func norm(_ args: Arguments) throws -> Value {
    let x = try args.variable("x")
    let ord = try normOrder(args, "ord")
    let keep = try args.bool("keepdims")
    var axes: [Int]? = nil
    if args.has("axis") {
        axes = try args.shape("axis").map { a in
            guard a >= -x.rank, a < x.rank else {
                throw args.error("axis", "norm(): axis \(a) is out of range for a tensor of rank \(x.rank)", kind: .value)
            }
            return a < 0 ? a + x.rank : a
        }
    }
    let result: Variable
    switch axes {
    case nil where ord == nil:
        let all = try (x * x).sum().sqrt()
        result = keep ? try all.reshape([Int](repeating: 1, count: x.rank)) : all
    case nil:
        switch x.rank {
        case 1: result = try vectorNorm(x, ord, axis: 0, keep: keep, args)
        case 2: result = try matrixNorm(x, ord, axes: (0, 1), keep: keep, args)
        default: throw args.error("ord", "norm() with ord needs a vector or a matrix (or axis=), got shape \(formatShape(x.shape))", kind: .value)
        }
    case let list? where list.count == 1:
        result = try vectorNorm(x, ord, axis: list[0], keep: keep, args)
    case let list? where list.count == 2 && list[0] != list[1]:
        result = try matrixNorm(x, ord, axes: (list[0], list[1]), keep: keep, args)
    default:
        throw args.error("axis", "norm() axis must be one axis or two different ones", kind: .value)
    }
    return BuiltinHelpers.result(result, differentiable: args.isVariable("x"))
}

private func vectorNorm(_ x: Variable, _ ord: NormOrder?, axis: Int, keep: Bool, _ args: Arguments) throws -> Variable {
    let a = x.unary(.abs)
    switch ord ?? .p(2) {
    case .p(let p) where p == .infinity: return try a.max(axis: axis, keepDims: keep)
    case .p(let p) where p == -.infinity: return try a.min(axis: axis, keepDims: keep)
    case .p(0): return Variable(try x.value.binary(.notEqual, Tensor(0)).sum(axis: axis, keepDims: keep))
    case .p(1): return try a.sum(axis: axis, keepDims: keep)
    case .p(2): return try (x * x).sum(axis: axis, keepDims: keep).sqrt()
    case .p(let p): return try a.pow(p).sum(axis: axis, keepDims: keep).pow(1 / p)
    case .fro, .nuc: throw args.error("ord", "norm(): ord \(ord!) is for matrices; a vector norm takes a number", kind: .value) // safe: matched a non-nil case
    }
}

private func matrixNorm(_ x: Variable, _ ord: NormOrder?, axes: (Int, Int), keep: Bool, _ args: Arguments) throws -> Variable {
    let (r, c) = axes
    // Reduce the later axis first so the earlier one keeps its number.
    func both(_ f: (Variable, Int, Int) throws -> Variable) throws -> Variable {
        var out = try f(x, r, c)
        if keep { var s = x.shape; s[r] = 1; s[c] = 1; out = try out.reshape(s) }
        return out
    }
    let a = x.unary(.abs)
    switch ord ?? .fro {
    case .fro:
        return try both { x, r, c in try (x * x).sum(axis: Swift.max(r, c)).sum(axis: Swift.min(r, c)).sqrt() }
    case .p(1), .p(-1), .p(.infinity), .p(-.infinity):
        let along = ord == .p(1) || ord == .p(-1) ? r : c      // 1: column sums, inf: row sums
        let other = along == r ? c : r
        let largest = ord == .p(1) || ord == .p(.infinity)
        return try both { _, _, _ in
            let sums = try a.sum(axis: along)
            let left = other > along ? other - 1 : other
            return largest ? try sums.max(axis: left) : try sums.min(axis: left)
        }
    case .p(2), .p(-2), .nuc:
        if x.requiresGradient {
            throw args.error("ord", "norm(): the gradient of the \(ord!) matrix norm (singular values) is not available; use \"fro\"", kind: .value) // safe: ord matched
        }
        // Singular values of each matrix over the two axes.
        let rest = (0..<x.rank).filter { $0 != r && $0 != c }
        let moved = try x.value.permuted(rest + [r, c]).contiguous()
        let (m, n) = (x.shape[r], x.shape[c])
        let count = rest.reduce(1) { $0 * x.shape[$1] }
        let flat = try moved.reshape([count, m, n])
        var values: [Double] = []
        for i in 0..<count {
            let s = try flat.subscripted([.at(i)]).svd().s.scalars
            switch ord! { // safe: matched a non-nil case
            case .nuc: values.append(s.reduce(0, +))
            case .p(2): values.append(s.max() ?? 0)
            default: values.append(s.min() ?? 0)
            }
        }
        var shape = rest.map { x.shape[$0] }
        if keep { shape = x.shape; shape[r] = 1; shape[c] = 1 }
        return Variable(try Tensor(shape: shape, values: values))
    case .p(let p):
        throw args.error("ord", "norm(): ord \(ValueFormatter.number(p, precision: 10)) is not a matrix norm (\"fro\", \"nuc\", 1, -1, 2, -2, inf, -inf)", kind: .value)
    }
}
