import Autodiff
import Tensor

// dot outer inv solve det eigh svd pinv lstsq

extension BuiltinGroup {
    /// Products and matrix functions (LAPACK through the tensor layer).
    static let linearAlgebra = BuiltinGroup(topic: "Linear algebra", builtins: [
        Builtin("dot", [.init("a"), .init("b")], doc: "Inner product of two vectors (a matrix product for matrices).",
                example: "dot([1, 2], [3, 4])") { args, _ in
            if args.isVariable(0) || args.isVariable(1) { return .variable(try args.variable(0).dot(try args.variable(1))) }
            return Operators.wrap(try args.tensor(0).dot(try args.tensor(1)))
        },
        Builtin("outer", [.init("a"), .init("b")], doc: "Outer product: the matrix a[i]·b[j].",
                example: "outer([1, 2], [3, 4])") { args, _ in
            if args.isVariable(0) || args.isVariable(1) { return .variable(try args.variable(0).outer(try args.variable(1))) }
            return Operators.wrap(try args.tensor(0).outer(try args.tensor(1)))
        },
        Builtin("inv", [.init("A")], doc: "Inverse of a square matrix; a singular one is an error.",
                example: "inv([[2, 0], [0, 4]])") { args, _ in
            let r = try args.variable(0).inverse()
            return BuiltinHelpers.result(r, differentiable: args.isVariable(0))
        },
        Builtin("solve", [.init("A"), .init("b")], doc: "x with A x = b, for a square A (b a vector or matrix).",
                example: "solve([[3, 1], [1, 2]], [9, 8])") { args, _ in
            let r = try args.variable(0).solve(try args.variable(1))
            return BuiltinHelpers.result(r, differentiable: args.isVariable(0) || args.isVariable(1))
        },
        Builtin("det", [.init("A")], doc: "Determinant of a square matrix.",
                example: "det([[1, 2], [3, 4]])") { args, _ in
            let r = try args.variable(0).determinant()
            return BuiltinHelpers.result(r, differentiable: args.isVariable(0))
        },
        Builtin("eigh", [.init("A")],
                doc: "Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, as a list [values, vectors].",
                example: "values, vectors = eigh([[2, 1], [1, 2]])") { args, _ in
            let (values, vectors) = try args.tensor(0).eigh()
            return Value(list: [Value(values), Value(vectors)])
        },
        Builtin("svd", [.init("A")],
                doc: "Thin singular value decomposition A = U diag(s) Vt, as a list [U, s, Vt] (s descending).",
                example: "U, s, Vt = svd([[3, 0], [0, 4]])") { args, _ in
            let (u, s, vt) = try args.tensor(0).svd()
            return Value(list: [Value(u), Value(s), Value(vt)])
        },
        Builtin("pinv", [.init("A"), .init("rtol", default: .nothing)],
                doc: "Moore–Penrose pseudo-inverse; singular values below rtol·max(s) are dropped (NumPy's default rtol).",
                example: "pinv([[1, 2], [2, 4]])") { args, _ in
            let rtol: Double? = args.has(1) ? try args.number(1) : nil
            return Operators.wrap(try args.tensor(0).pinv(rtol: rtol))
        },
        Builtin("lstsq", [.init("A"), .init("b")],
                doc: "The x minimising |A x - b| (minimum norm when A is rank-deficient).",
                example: "lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 3])") { args, _ in
            Operators.wrap(try args.tensor(0).lstsq(try args.tensor(1)))
        },
    ])
}
