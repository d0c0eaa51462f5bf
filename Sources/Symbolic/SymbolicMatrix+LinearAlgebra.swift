/// Determinant, inverse and solve for small symbolic matrices, exactly: the determinant
/// by expansion in minors (each minor computed once, O(n 2^n)), the inverse as the
/// adjugate over the determinant, every entry simplified. Up to 8 × 8.
extension SymbolicMatrix {
    static let largestSide = 8

    private func checkSquare(_ name: String) throws {
        guard rows == columns else { throw SymbolicError("\(name): the matrix is \(shapeText), not square") }
        guard rows <= SymbolicMatrix.largestSide else {
            throw SymbolicError("\(name): a symbolic matrix of side \(rows) is too large (at most \(SymbolicMatrix.largestSide))")
        }
    }

    public func determinant() throws -> Expr {
        try checkSquare("det")
        return determinant(rows: Array(0..<rows), columns: Array(0..<columns)).simplify()
    }

    /// The determinant of the submatrix on the given rows and columns, by expansion along
    /// its first row, memoised on the remaining column set.
    private func determinant(rows rs: [Int], columns cs: [Int]) -> Expr {
        var memo: [Int: Expr] = [:]
        func det(_ depth: Int, _ mask: Int) -> Expr {
            if depth == rs.count { return Expr.one }
            if let d = memo[mask] { return d }
            var terms: [Expr] = []
            var sign = 1
            for (k, c) in cs.enumerated() where mask & (1 << k) == 0 {
                let entry = self[rs[depth], c]
                if !entry.isZero {
                    let minor = det(depth + 1, mask | (1 << k))
                    let t = Expr.product([entry, minor])
                    terms.append(sign > 0 ? t : -t)
                }
                sign = -sign
            }
            let d = Expr.sum(terms)
            memo[mask] = d
            return d
        }
        return det(0, 0)
    }

    /// The inverse; a singular matrix (determinant simplifying to 0) throws.
    public func inverse() throws -> SymbolicMatrix {
        try checkSquare("inv")
        let d = try determinant()
        guard !d.isZero else { throw SymbolicError("inv: the matrix is singular (its determinant is 0)") }
        let n = rows
        if n == 1 { return SymbolicMatrix(uncheckedRows: 1, columns: 1, entries: [try Expr.divide(Expr.one, d)]) }
        var out = [Expr](repeating: Expr.zero, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                // inverse[j][i] = (-1)^(i+j) * minor(i, j) / det
                let minor = determinant(rows: (0..<n).filter { $0 != i }, columns: (0..<n).filter { $0 != j })
                let cofactor = (i + j) % 2 == 0 ? minor : -minor
                out[j * n + i] = try Expr.divide(cofactor, d).simplify()
            }
        }
        return SymbolicMatrix(uncheckedRows: n, columns: n, entries: out)
    }

    /// x with self @ x = b; a singular matrix throws.
    public func solve(_ b: SymbolicMatrix) throws -> SymbolicMatrix {
        try checkSquare("solve")
        guard b.rows == rows else {
            throw SymbolicError("solve: the right-hand side has \(b.rows) rows, the matrix \(rows)")
        }
        let inv: SymbolicMatrix
        do { inv = try inverse() } catch let e as SymbolicError {
            throw SymbolicError(e.message.replacingOccurrences(of: "inv:", with: "solve:"))
        }
        return try inv.matmul(b).map { $0.simplify() }
    }
}

private extension String {
    func replacingOccurrences(of a: String, with b: String) -> String {
        guard hasPrefix(a) else { return self }
        return b + dropFirst(a.count)
    }
}
