/// A compiled expression: evaluates on the frame starting at its argument.
typealias Eval = (UnsafeMutablePointer<Value>) throws -> Value
/// A compiled statement: runs on the frame and says how control leaves it.
typealias Exec = (UnsafeMutablePointer<Value>) throws -> Flow

/// A compiled expression to keep in an array. An array of closures stores them in
/// its generic form, and calling one taken back out runs two reabstraction thunks
/// first (~5% of a call); a closure in a struct's field keeps its own form.
struct Compiled {
    let eval: Eval
    init(_ eval: @escaping Eval) { self.eval = eval }
}

/// How a statement finished; `return` leaves its value in the machine's return register.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// Compiles each syntax node once into a Swift closure over resolved slots:
/// the evaluator is those closures calling each other (0.14× CPython on a
/// scalar loop in the prototypes, against 3.7× for a tree-walker).
struct Compiler {
    let machine: Machine
    let scopes: [ObjectIdentifier: FunctionScope]
    /// The chunk being compiled: the functions it defines keep it for their errors.
    let source: SourceText
    /// Globals the chunk assigns somewhere (the resolver's list), to tell a name read
    /// before its assignment from one that is not defined at all.
    let assignedGlobals: Set<String>

    /// A top-level statement as a closure returning the value to echo (`nothing` for none).
    func topLevel(_ s: Stmt) -> Eval {
        let ev = topLevelBody(s), m = machine
        return { b in
            defer { m.unpin() }
            return try ev(b)
        }
    }

    private func topLevelBody(_ s: Stmt) -> Eval {
        switch s {
        case .expression(let e, let echo):
            let ev = expression(e, nil)
            return echo ? ev : { b in _ = try ev(b); return .nothing }
        case .assign(let t, let op, let v, let echo, let span):
            if !echo {
                let store = storeStatement(t, op, v, span, nil)
                return { b in _ = try store(b); return .nothing }
            }
            let ev = assignment(t, op, v, span, nil)
            return echo ? ev : { b in _ = try ev(b); return .nothing }
        default:
            let ex = statement(s, nil)
            return { b in _ = try ex(b); return .nothing }
        }
    }

    // MARK: - Statements

    func block(_ body: [Stmt], _ scope: FunctionScope?) -> Exec {
        chain(body[...], scope)
    }

    /// Nests the statements pairwise, compiling straight from the syntax: closures
    /// kept in an array would be called through reabstraction thunks (+47% measured).
    private func chain(_ xs: ArraySlice<Stmt>, _ scope: FunctionScope?) -> Exec {
        if xs.isEmpty { return { _ in .normal } }
        if xs.count == 1 { return statement(xs[xs.startIndex], scope) }
        let mid = xs.startIndex + xs.count / 2
        let a = chain(xs[..<mid], scope), b = chain(xs[mid...], scope)
        return { base in
            let f = try a(base)
            if f != .normal { return f }
            return try b(base)
        }
    }

    func statement(_ s: Stmt, _ scope: FunctionScope?) -> Exec {
        switch s {
        case .expression(let e, _):
            let ev = expression(e, scope)
            return { b in _ = try ev(b); return .normal }
        case .assign(let t, let op, let v, _, let span):
            return storeStatement(t, op, v, span, scope)
        case .function(let f):
            let make = function(f, scope)
            let write = writer(.name(f.name ?? "lambda", f.span), scope)
            return { b in try write(b, try make(b)); return .normal }
        case .if(let branches, let elseBody, _):
            return ifStatement(branches, elseBody, scope)
        case .for(let target, let iter, let body, let span):
            return forStatement(target, iter, body, span, scope)
        case .while(let cond, let body, let span):
            let c = expression(cond, scope), interruption = machine.interruption
            let ex = block(body, scope)
            let condSpan = cond.span
            return { b in
                while true {
                    if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
                    guard try Operators.truthy(try c(b), condSpan) else { break }
                    let f = try ex(b)
                    if f == .breakLoop { break }
                    if f == .returned { return .returned }
                }
                return .normal
            }
        case .break:
            return { _ in .breakLoop }
        case .continue:
            return { _ in .continueLoop }
        case .return(let e, _):
            let reg = machine.returnRegister
            guard let e else { return { _ in reg.pointee = .nothing; return .returned } }
            let ev = expression(e, scope)
            // The register holds the trivial `.nothing` here (the function body moved the
            // last result out; `return` is only legal in a function): no old value to destroy.
            return { b in
                let v = try ev(b)
                reg.initialize(to: consume v)
                return .returned
            }
        }
    }

    private func ifStatement(_ branches: [(Expr, [Stmt])], _ elseBody: [Stmt]?, _ scope: FunctionScope?) -> Exec {
        var result: Exec = elseBody.map { block($0, scope) } ?? { _ in .normal }
        for (cond, body) in branches.reversed() {
            let c = expression(cond, scope), span = cond.span
            let then = block(body, scope), otherwise = result
            result = { b in
                let v = try c(b)
                // Comparisons give booleans: test them without the general truthiness switch.
                if case .bool(let x) = v { return x ? try then(b) : try otherwise(b) }
                return try Operators.truthy(v, span) ? try then(b) : try otherwise(b)
            }
        }
        return result
    }

    private func forStatement(_ target: AssignTarget, _ iter: Expr, _ body: [Stmt],
                              _ span: SourceSpan, _ scope: FunctionScope?) -> Exec {
        let bodyEx = block(body, scope)
        let write = writer(target, scope)
        // The loop variable's home when it is a global or a local slot, written in place.
        var globalCell: UnsafeMutablePointer<Value>?, localSlot: Int?
        if case .name(let name, _) = target {
            switch Resolver.resolved(name, in: scope) {
            case .global?, nil:
                globalCell = machine.global(name)
                machine.noteUserName(name)
            case .local(let s)?:
                localSlot = s
            default:
                break
            }
        }
        let iterSpan = iter.span
        // range(...) loops count without building the tensor.
        if case .name = target, case .call(.name("range", let rs), let args, _) = iter, args.allSatisfy({ $0.name == nil }),
           (1...3).contains(args.count) {
            let callee = expression(.name("range", rs), scope)
            let argEvals = args.map { expression($0.value, scope) }
            let m = machine, interruption = machine.interruption
            return { b in
                let c = try callee(b)
                var values: [Value] = []
                for a in argEvals { values.append(try a(b)) }
                guard case .builtin(let bi) = c, bi.name == "range",
                      let bounds = Operators.rangeBounds(values) else {
                    let v = try m.call(c, values, keywords: [], base: b, span: iterSpan)
                    return try Compiler.iterate(v, iterSpan, span, b, write, bodyEx, interruption)
                }
                let (start, stop, step) = bounds
                let n = Swift.max(0, Int(((stop - start) / step).rounded(.up)))
                var k = 0
                while k < n {
                    if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
                    let x = start + Double(k) * step
                    if let g = globalCell {
                        Compiler.storeShared(.number(x), at: g, m)
                    } else if let s = localSlot {
                        Compiler.store(.number(x), at: b + s)
                    } else {
                        try write(b, .number(x))
                    }
                    let f = try bodyEx(b)
                    if f == .breakLoop { break }
                    if f == .returned { return .returned }
                    k += 1
                }
                return .normal
            }
        }
        let ev = expression(iter, scope), interruption = machine.interruption
        return { b in try Compiler.iterate(try ev(b), iterSpan, span, b, write, bodyEx, interruption) }
    }

    /// The general `for`: over a tensor's first axis (scalars for 1-D), a list, a string's characters.
    static func iterate(_ v: Value, _ iterSpan: SourceSpan, _ span: SourceSpan, _ b: UnsafeMutablePointer<Value>,
                        _ write: (UnsafeMutablePointer<Value>, Value) throws -> Void, _ body: Exec,
                        _ interruption: InterruptToken) throws -> Flow {
        let items = try Operators.elements(v, iterSpan)
        for item in items {
            if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
            try write(b, item)
            let f = try body(b)
            if f == .breakLoop { break }
            if f == .returned { return .returned }
        }
        return .normal
    }

    // MARK: - Assignment

    func assignment(_ t: AssignTarget, _ op: BinaryOperator?, _ valueExpr: Expr, _ span: SourceSpan,
                    _ scope: FunctionScope?) -> Eval {
        let ev = expression(valueExpr, scope)
        let write = writer(t, scope)
        guard let op else {
            return { b in let v = try ev(b); try write(b, v); return v }
        }
        let current = expression(Compiler.expr(of: t), scope)
        return { b in
            let v = try Operators.binary(op, try current(b), try ev(b), span)
            try write(b, v)
            return v
        }
    }

    /// The expression that reads what a target writes (for `+=`).
    static func expr(of t: AssignTarget) -> Expr {
        switch t {
        case .name(let n, let s): return .name(n, s)
        case .index(let base, let items, let s): return .index(base, items, s)
        case .attribute(let base, let n, let s): return .attribute(base, n, s)
        case .tuple(_, let s): return .nothing(s)
        }
    }

    /// A closure giving the memory that holds variable `name` (its slot, cell or global).
    func slot(_ name: String, _ span: SourceSpan, _ scope: FunctionScope?)
        -> (UnsafeMutablePointer<Value>) throws -> UnsafeMutablePointer<Value> {
        switch Resolver.resolved(name, in: scope) {
        case .local(let s):
            return { b in b + s }
        case .cellLocal(let s):
            return { b in
                guard case .cell(let c) = b[s] else { throw Diagnostic(.runtime, "internal: cell missing for '\(name)'", span) }
                return c.pointer
            }
        case .capture(let i):
            let running = machine.runningClosure
            return { _ in
                guard let f = running.pointee else { throw Diagnostic(.runtime, "internal: no closure for '\(name)'", span) }
                return f._withUnsafeGuaranteedRef { $0.captured[i] }
            }
        case .global, .none:
            let p = machine.global(name)
            return { _ in p }
        }
    }

    /// A closure that stores a value into the target.
    func writer(_ t: AssignTarget, _ scope: FunctionScope?) -> (UnsafeMutablePointer<Value>, Value) throws -> Void {
        switch t {
        case .name(let name, let span):
            switch Resolver.resolved(name, in: scope) {
            case .local(let s):
                return { b, v in Compiler.store(v, at: b + s) }
            // A call may be running the function a cell holds on a borrowed reference
            // (`Compiler.borrowedCall`): `storeShared` pins it, as for globals.
            case .cellLocal(let s):
                let m = machine
                return { b, v in
                    guard case .cell(let c) = b[s] else { throw Diagnostic(.runtime, "internal: cell missing for '\(name)'", span) }
                    Compiler.storeShared(v, at: c.pointer, m)
                }
            case .capture(let i):
                let running = machine.runningClosure, m = machine
                return { _, v in
                    guard let f = running.pointee else { throw Diagnostic(.runtime, "internal: no closure for '\(name)'", span) }
                    Compiler.storeShared(v, at: f._withUnsafeGuaranteedRef { $0.captured[i] }, m)
                }
            case .global, .none:
                let p = machine.global(name)
                machine.noteUserName(name)
                let m = machine
                return { _, v in Compiler.storeShared(v, at: p, m) }
            }
        case .index(let baseExpr, let items, let span):
            let readBase = expression(baseExpr, scope)
            let writeBase: ((UnsafeMutablePointer<Value>, Value) throws -> Void)?
            switch baseExpr {
            case .name(let n, let s): writeBase = writer(.name(n, s), scope)
            case .attribute(let o, let n, let s): writeBase = writer(.attribute(o, n, s), scope)
            // `l[0][1] = x` with a tensor inside a list or dict: the updated tensor goes back in.
            case .index(let o, let its, let s): writeBase = writer(.index(o, its, s), scope)
            default: writeBase = nil
            }
            var slotOf: ((UnsafeMutablePointer<Value>) throws -> UnsafeMutablePointer<Value>)?
            if case .name(let n, let s) = baseExpr { slotOf = slot(n, s, scope) }
            // `d[key] = v` skips building the index list (a dict update loop runs 2× faster).
            // Not an optional closure: binding one (`if let key = dictKey`) retained its context every write.
            var dictKey: Eval = { _ in .nothing }, isDictKey = false
            var keySpan = span
            if items.count == 1, case .at(let k) = items[0] { dictKey = expression(k, scope); keySpan = k.span; isDictKey = true }
            let key = dictKey, itemSpan = keySpan
            // The single key is compiled once, for both paths.
            let indexEvals: (UnsafeMutablePointer<Value>) throws -> [IndexValue] = isDictKey
                ? { b in [.at(try key(b), itemSpan)] } : indexItems(items, scope)
            let general: (UnsafeMutablePointer<Value>, Value) throws -> Void = { b, v in
                var container = try readBase(b)
                if isDictKey, case .dict(let d) = container {
                    let k = try key(b)
                    guard let dk = DictKey(k) else { throw Operators.unhashable(k, keySpan) }
                    d.set(dk, v)
                    return
                }
                let idx = try indexEvals(b)
                // A tensor still in its variable's slot is written there in place; dropping
                // our copy of it first lets the storage be uniquely held (no O(n) copy).
                if let slotOf, case let p = try slotOf(b), Operators.sameTensor(container, p.pointee) {
                    container = .nothing
                    try Operators.assignIndex(in: p, idx, v, span)
                    return
                }
                let updated = try Operators.assignIndex(container, idx, v, span)
                if let writeBase { try writeBase(b, updated) }
            }
            if isDictKey, case .at(let k) = items[0], Compiler.isPure(k), let place = place(of: baseExpr, scope) {
                return borrowedDictStore(place, key, keySpan, general: general)
            }
            return general
        case .attribute(let objExpr, let name, let span):
            let readObj = expression(objExpr, scope)
            return { b, v in
                let o = try readObj(b)
                guard case .object(let box) = o else {
                    throw Diagnostic(.type, "cannot set attribute '\(name)' of a \(o.typeName)", span)
                }
                do { try box.object.setAttribute(name, v) } catch { throw Machine.diagnostic(for: error, at: span) }
            }
        case .tuple(let targets, let span):
            let writers = targets.map { writer($0, scope) }
            return { b, v in
                let parts: [Value]
                switch v {
                case .tuple(let t): parts = t.items
                case .number, .bool, .nothing, .function, .builtin, .object:
                    throw Diagnostic(.type, "cannot unpack a \(v.typeName) into \(writers.count) names", span)
                default: parts = try Operators.elements(v, span)
                }
                guard parts.count == writers.count else {
                    throw Diagnostic(.value, "cannot unpack \(parts.count) value\(parts.count == 1 ? "" : "s") into \(writers.count) names", span)
                }
                for (w, p) in zip(writers, parts) { try w(b, p) }
            }
        }
    }
}
