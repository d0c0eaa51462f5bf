/// Function bodies compiled to give their result directly.
///
/// A statement reports how control leaves it (`Flow`) and `return` leaves its value in
/// the machine's return register, which the call then moves out. In tail position —
/// the last statement of a body, or a branch of a final `if` whose branches all end
/// in `return` — a `return e` is simply `e`'s value, and the `if` picks which value:
/// no register, no flow code, no statement closures in between. `fib` is all tail:
/// `if n < 2 return n end; return fib(n - 1) + fib(n - 2)` compiles to one conditional
/// expression (about a third fewer closure calls a call).
extension Compiler {
    /// The body `stmts` as an expression giving the function's result.
    func functionBody(_ stmts: [Stmt], _ scope: FunctionScope) -> Eval {
        tail(stmts[...], scope)
    }

    private func tail(_ stmts: ArraySlice<Stmt>, _ scope: FunctionScope) -> Eval {
        guard let first = stmts.first else { return { _ in .nothing } }
        let rest = stmts.dropFirst()
        switch first {
        case .return(let e, _):
            // Anything after it is unreachable.
            guard let e else { return { _ in .nothing } }
            return expression(e, scope)
        case .if(let branches, let elseBody, _) where branches.allSatisfy({ Compiler.endsInReturn($0.1) }):
            return tailIf(branches, elseBody, rest, scope)
        default:
            // Statements up to the next one tail position can use run as before; a
            // `return` among them (in a loop, say) leaves its value in the register.
            var split = stmts.startIndex
            while split < stmts.endIndex, !Compiler.opensTail(stmts[split]) { split += 1 }
            let prefix = block(Array(stmts[..<split]), scope)
            let reg = machine.returnRegister
            if split == stmts.endIndex {
                return { b in
                    if try prefix(b) == .returned { return Compiler.takeResult(reg) }
                    return .nothing
                }
            }
            let remainder = tail(stmts[split...], scope)
            return { b in
                if try prefix(b) == .returned { return Compiler.takeResult(reg) }
                return try remainder(b)
            }
        }
    }

    /// A final `if` whose branches all end in `return`: control reaches `rest` only
    /// through the else branch (or past a false condition).
    private func tailIf(_ branches: [(Expr, [Stmt])], _ elseBody: [Stmt]?, _ rest: ArraySlice<Stmt>,
                        _ scope: FunctionScope) -> Eval {
        let otherwise = tail((elseBody ?? [])[...] + rest, scope)
        let general = conditions(branches, otherwise, scope)
        if let leaf = localLeaf(branches, otherwise, general, scope) { return leaf.eval }
        return general
    }

    /// The branches tested in turn, `otherwise` when none holds.
    private func conditions(_ branches: [(Expr, [Stmt])], _ otherwise: @escaping Eval, _ scope: FunctionScope) -> Eval {
        var result = otherwise
        for (cond, body) in branches.reversed() {
            let c = expression(cond, scope), span = cond.span
            let then = tail(body[...], scope), otherwise = result
            if let (slot, op, k) = Compiler.localComparison(cond, scope) {
                // `n < 2` on a local holding a number, compared here: one closure call
                // fewer a call of a recursive function. Anything else goes through `c`.
                result = { b in
                    if case .number(let q) = b[slot] {
                        return Compiler.holds(op, q, k) ? try then(b) : try otherwise(b)
                    }
                    let v = try c(b)
                    if case .bool(let x) = v { return x ? try then(b) : try otherwise(b) }
                    return try Operators.truthy(v, span) ? try then(b) : try otherwise(b)
                }
                continue
            }
            result = { b in
                let v = try c(b)
                // Comparisons give booleans: test them without the general truthiness switch.
                if case .bool(let x) = v { return x ? try then(b) : try otherwise(b) }
                return try Operators.truthy(v, span) ? try then(b) : try otherwise(b)
            }
        }
        return result
    }

    /// `if n < 2 return n end`, fib's base case: the test and the result read their
    /// slots here, two closure calls fewer a call that ends there. Anything but numbers
    /// in those slots takes the general `if`.
    private func localLeaf(_ branches: [(Expr, [Stmt])], _ otherwise: @escaping Eval, _ general: @escaping Eval,
                           _ scope: FunctionScope) -> Compiled? {
        guard branches.count == 1, let (cond, body) = branches.first, body.count == 1,
              case .return(.name(let name, _)?, _)? = body.first,
              case .local(let result)? = Resolver.resolved(name, in: scope),
              let (slot, op, k) = Compiler.localComparison(cond, scope) else { return nil }
        return Compiled { b in
            guard case .number(let q) = b[slot], case .number = b[result] else { return try general(b) }
            return Compiler.holds(op, q, k) ? b[result] : try otherwise(b)
        }
    }

    /// For `local < constant` (also `<=`, `>`, `==`), the local's slot, the operator and
    /// the constant: the comparisons `Compiler.localConstant` also does inline.
    private static func localComparison(_ e: Expr, _ scope: FunctionScope) -> (Int, BinaryOperator, Double)? {
        guard case .binary(let op, .name(let name, _), .number(let k, _), _) = e,
              [.less, .lessEqual, .greater, .equal].contains(op),
              case .local(let slot)? = Resolver.resolved(name, in: scope) else { return nil }
        return (slot, op, k)
    }

    /// `q op k` for the comparisons `localComparison` accepts.
    @inline(__always)
    private static func holds(_ op: BinaryOperator, _ q: Double, _ k: Double) -> Bool {
        switch op {
        case .less: return q < k
        case .lessEqual: return q <= k
        case .greater: return q > k
        default: return q == k
        }
    }

    /// True for a statement `tail` compiles as an expression.
    private static func opensTail(_ s: Stmt) -> Bool {
        switch s {
        case .return: return true
        case .if(let branches, _, _): return branches.allSatisfy { endsInReturn($0.1) }
        default: return false
        }
    }

    /// True when the last statement of `body` is a `return`.
    private static func endsInReturn(_ body: [Stmt]) -> Bool {
        if case .return? = body.last { return true }
        return false
    }

    /// Moves the result out of the return register (no retain/release pair), leaving
    /// the trivial `.nothing` that `return` expects to find there.
    @inline(__always)
    static func takeResult(_ reg: UnsafeMutablePointer<Value>) -> Value {
        let r = reg.move()
        reg.initialize(to: .nothing)
        return r
    }
}
