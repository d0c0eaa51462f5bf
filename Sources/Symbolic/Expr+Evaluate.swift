/// Numeric evaluation and substitution.
extension Expr {
    /// The value as a double when the expression has no free symbols (`float(E)`).
    public var constantValue: Double? {
        guard freeSymbols.isEmpty else { return nil }
        return try? evaluate([:])
    }

    /// The value at the given symbol values; a symbol without a value throws.
    public func evaluate(_ values: [String: Double]) throws -> Double {
        switch node {
        case .number(let r): return r.doubleValue
        case .float(let x): return x
        case .symbol(let s):
            guard let v = values[s] else { throw SymbolicError("no value for symbol '\(s)'") }
            return v
        case .sum(let ts):
            var total = 0.0
            for t in ts { total += try t.evaluate(values) }
            return total
        case .product(let fs):
            var total = 1.0
            for f in fs { total *= try f.evaluate(values) }
            return total
        case .power(let b, let e):
            return cPow(try b.evaluate(values), try e.evaluate(values))
        case .apply(let f, let u):
            let x = try u.evaluate(values)
            switch f {
            case .exp: return cExp(x)
            case .log: return cLog(x)
            case .sqrt: return x.squareRoot()
            case .sin: return cSin(x)
            case .cos: return cCos(x)
            case .tanh: return cTanh(x)
            case .sigmoid: return 1 / (1 + cExp(-x))
            case .abs: return Swift.abs(x)
            }
        }
    }

    /// Replaces symbols by expressions and rebuilds canonically; a division by zero
    /// (or log(0)) that the substitution creates throws.
    public func substitute(_ values: [String: Expr]) throws -> Expr {
        for name in values.keys where !Expr.isValidSymbolName(name) {
            throw SymbolicError("subs: '\(name)' is not a symbol name")
        }
        var memo: [Expr: Expr] = [:]
        do {
            return try substituted(values, &memo)
        } catch let e as SymbolicError {
            let assignments = values.keys.sorted().map { "\($0) = \(values[$0]?.description ?? "")" }
            throw SymbolicError("subs: \(e.message) at \(assignments.joined(separator: ", ")) in \(self)")
        }
    }

    private func substituted(_ values: [String: Expr], _ memo: inout [Expr: Expr]) throws -> Expr {
        if let r = memo[self] { return r }
        let r: Expr
        switch node {
        case .number, .float: return self
        case .symbol(let s): r = values[s] ?? self
        case .sum(let ts): r = Expr.sum(try ts.map { try $0.substituted(values, &memo) })
        case .product(let fs): r = Expr.product(try fs.map { try $0.substituted(values, &memo) })
        case .power(let b, let e):
            r = try Expr.pow(try b.substituted(values, &memo), try e.substituted(values, &memo))
        case .apply(let f, let u): r = try Expr.apply(f, try u.substituted(values, &memo))
        }
        memo[self] = r
        return r
    }
}
