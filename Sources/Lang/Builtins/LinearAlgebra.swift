import Autodiff
import Tensor

// dot outer inv solve det eigh svd pinv lstsq

extension BuiltinGroup {
    /// Products and matrix functions (LAPACK through the tensor layer).
    static let linearAlgebra = BuiltinGroup(topic: "Linear algebra", builtins: [
        Builtin("dot", [.init("a", .differentiable, doc: "a vector or matrix"),
                        .init("b", .differentiable, doc: "a vector or matrix")], doc: "Inner product of two vectors (a matrix product for matrices).",
                example: "dot([1, 2], [3, 4])") { args, _ in
            if args.isVariable("a") || args.isVariable("b") { return .variable(try args.variable("a").dot(try args.variable("b"))) }
            return Operators.wrap(try args.tensor("a").dot(try args.tensor("b")))
        },
        Builtin("outer", [.init("a", .differentiable, doc: "the vector along the rows"),
                          .init("b", .differentiable, doc: "the vector along the columns")], doc: "Outer product: the matrix a[i]·b[j].",
                example: "outer([1, 2], [3, 4])") { args, _ in
            if args.isVariable("a") || args.isVariable("b") { return .variable(try args.variable("a").outer(try args.variable("b"))) }
            return Operators.wrap(try args.tensor("a").outer(try args.tensor("b")))
        },
        Builtin("inv", [.init("A", .differentiable, doc: "a square matrix")], doc: "Inverse of a square matrix; a singular one is an error.",
                example: "inv([[2, 0], [0, 4]])") { args, _ in
            if Operators.isSymbolic(args["A"]) { return try SymbolicBindings.inv(args, "A") }
            let r = try args.variable("A").inverse()
            return BuiltinHelpers.result(r, differentiable: args.isVariable("A"))
        },
        Builtin("solve", [.init("A", .differentiable, doc: "a square matrix"),
                          .init("b", .differentiable, doc: "the right-hand side, a vector or matrix")], doc: "x with A x = b, for a square A (b a vector or matrix).",
                example: "solve([[3, 1], [1, 2]], [9, 8])") { args, _ in
            if SymbolicBindings.any(args["A"], args["b"]) { return try SymbolicBindings.solve(args, "A", "b") }
            let r = try args.variable("A").solve(try args.variable("b"))
            return BuiltinHelpers.result(r, differentiable: args.isVariable("A") || args.isVariable("b"))
        },
        Builtin("det", [.init("A", .differentiable, doc: "a square matrix")], doc: "Determinant of a square matrix.",
                example: "det([[1, 2], [3, 4]])") { args, _ in
            if Operators.isSymbolic(args["A"]) { return try SymbolicBindings.det(args, "A") }
            let r = try args.variable("A").determinant()
            return BuiltinHelpers.result(r, differentiable: args.isVariable("A"))
        },
        Builtin("eigh", [.init("A", .tensor, doc: "a symmetric matrix")],
                doc: "Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix, as a list [values, vectors].",
                example: "values, vectors = eigh([[2, 1], [1, 2]])") { args, _ in
            let (values, vectors) = try args.tensor("A").eigh()
            return Value(list: [Value(values), Value(vectors)])
        },
        Builtin("svd", [.init("A", .tensor, doc: "a matrix")],
                doc: "Thin singular value decomposition A = U diag(s) Vt, as a list [U, s, Vt] (s descending).",
                example: "U, s, Vt = svd([[3, 0], [0, 4]])") { args, _ in
            let (u, s, vt) = try args.tensor("A").svd()
            return Value(list: [Value(u), Value(s), Value(vt)])
        },
        Builtin("pinv", [.init("A", .tensor, doc: "a matrix"),
                         .init("rtol", .number, default: .nothing, doc: "the cut-off relative to the largest singular value")],
                doc: "Moore–Penrose pseudo-inverse; singular values below rtol·max(s) are dropped (NumPy's default rtol).",
                example: "pinv([[1, 2], [2, 4]])") { args, _ in
            let rtol = try args.optionalNumber("rtol")
            return Operators.wrap(try args.tensor("A").pinv(rtol: rtol))
        },
        Builtin("lstsq", [.init("A", .tensor, doc: "the design matrix, one equation per row"), .init("b", .tensor, doc: "the targets")],
                doc: "The x minimising |A x - b| (minimum norm when A is rank-deficient).",
                example: "lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 3])") { args, _ in
            Operators.wrap(try args.tensor("A").lstsq(try args.tensor("b")))
        },
    ])
}
