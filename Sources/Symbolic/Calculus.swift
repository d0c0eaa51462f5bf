/// Vector calculus on expressions: derivatives gathered into matrices.

/// The column vector of first partial derivatives of `e` in `vars`.
public func gradient(_ e: Expr, _ vars: [String]) throws -> SymbolicMatrix {
    try checkVariables(vars, "gradient")
    return try SymbolicMatrix(rows: vars.count, columns: 1, entries: vars.map { try e.diff($0) })
}

/// The symmetric matrix of second partial derivatives of `e` in `vars`.
public func hessian(_ e: Expr, _ vars: [String]) throws -> SymbolicMatrix {
    try checkVariables(vars, "hessian")
    let n = vars.count
    let first = try vars.map { try e.diff($0) }
    var entries = [Expr](repeating: Expr.zero, count: n * n)
    for i in 0..<n {
        for j in i..<n {
            let d = try first[i].diff(vars[j])
            entries[i * n + j] = d
            entries[j * n + i] = d
        }
    }
    return try SymbolicMatrix(rows: n, columns: n, entries: entries)
}

/// The matrix of partial derivatives of each of `es` (rows) in each of `vars` (columns).
public func jacobian(_ es: [Expr], _ vars: [String]) throws -> SymbolicMatrix {
    try checkVariables(vars, "jacobian")
    guard !es.isEmpty else { throw SymbolicError("jacobian: no expressions given") }
    var entries: [Expr] = []
    for e in es { for v in vars { entries.append(try e.diff(v)) } }
    return try SymbolicMatrix(rows: es.count, columns: vars.count, entries: entries)
}

private func checkVariables(_ vars: [String], _ name: String) throws {
    guard !vars.isEmpty else { throw SymbolicError("\(name): no variables given") }
    for v in vars where !Expr.isValidSymbolName(v) {
        throw SymbolicError("\(name): '\(v)' is not a symbol name")
    }
    if Set(vars).count != vars.count { throw SymbolicError("\(name): a variable is listed twice") }
}
