extension Compiler {
    /// A call site. Arguments are evaluated into Swift locals before the callee's
    /// frame is written, since evaluating them may itself call and use that stack.
    func call(_ calleeExpr: Expr, _ args: [CallArgument], _ span: SourceSpan, _ scope: FunctionScope?) -> Eval {
        if case .attribute(let receiver, let name, let attributeSpan) = calleeExpr {
            return methodCall(receiver, name, attributeSpan, args, span, scope)
        }
        let callee = expression(calleeExpr, scope)
        let frame = scope?.frameSize ?? 0
        let m = machine
        let positional = args.filter { $0.name == nil }
        let keywordArgs = args.filter { $0.name != nil }
        let argSpans = positional.map(\.span)
        // Each argument is compiled once, here: the paths below share the closures (a
        // path compiling them again made nested calls cost 2^depth to compile).
        let code = positional.map { Compiled(expression($0.value, scope)) }
        let keywordCode = keywordArgs.map { ($0.name ?? "", Compiled(expression($0.value, scope))) }
        let general = generalCall(callee, code, keywordCode, argSpans, keywordArgs.map(\.span), frame, span)
        if case .name(let name, _) = calleeExpr, let cell = globalCell(name, scope), case .builtin(let builtin) = cell.pointee,
           let binding = BuiltinBinding(builtin, positional: argSpans, keywords: keywordArgs.map { ($0.name ?? "", $0.span) },
                                        span: span) {
            return builtinCall(cell, binding, code + keywordCode.map(\.1), frame, general: general)
        }
        if keywordArgs.isEmpty, positional.count == 1, case .name(let name, _) = calleeExpr,
           let cell = globalCell(name, scope), let scope,
           case .binary(let op, .name(let local, _), .number(let k, _), _) = positional[0].value, op == .add || op == .subtract,
           case .local(let slot)? = Resolver.resolved(local, in: scope) {
            return globalCallOfLocalArithmetic(cell, slot, op == .add ? k : -k, code[0].eval, general: general, frame, span)
        }
        if keywordArgs.isEmpty, positional.count <= 3, case .name(let name, _) = calleeExpr,
           let cell = globalCell(name, scope) {
            return borrowedCall(.global(cell), code, general: general, frame, span)
        }
        if case .name(let name, _) = calleeExpr, let cell = globalCell(name, scope) {
            return plannedCall(cell, code + keywordCode.map(\.1), keywords: keywordCode.map(\.0), argSpans,
                               keywordArgs.map(\.span), general: general, frame, span)
        }
        if keywordArgs.isEmpty, positional.count <= 3, case .name(let name, _) = calleeExpr,
           let home = CalleeHome(Resolver.resolved(name, in: scope)) {
            return borrowedCall(home, code, general: general, frame, span)
        }
        if keywordArgs.isEmpty, positional.count <= 3 {
            switch positional.count {
            case 0:
                return { b in
                    let c = try callee(b)
                    let nb = b + frame
                    if case .function(let f) = c, f.arity == 0 { return try m.runWithArguments(f, base: nb, span: span) }
                    return try m.call(c, [], keywords: [], base: nb, span: span, argumentSpans: argSpans)
                }
            case 1:
                let e0 = code[0].eval // safe: one argument
                return { b in
                    let c = try callee(b)
                    let a0 = try e0(b)
                    let nb = b + frame
                    if case .function(let f) = c, f.arity == 1 {
                        (nb + 1).initialize(to: a0)
                        return try m.runWithArguments(f, base: nb, span: span)
                    }
                    return try m.call(c, [a0], keywords: [], base: nb, span: span, argumentSpans: argSpans)
                }
            case 2:
                let e0 = code[0].eval, e1 = code[1].eval // safe: two arguments
                return { b in
                    let c = try callee(b)
                    let a0 = try e0(b), a1 = try e1(b)
                    let nb = b + frame
                    if case .function(let f) = c, f.arity == 2 {
                        (nb + 1).initialize(to: a0)
                        (nb + 2).initialize(to: a1)
                        return try m.runWithArguments(f, base: nb, span: span)
                    }
                    return try m.call(c, [a0, a1], keywords: [], base: nb, span: span, argumentSpans: argSpans)
                }
            default:
                break
            }
        }
        return general
    }

    /// Any call: binds arguments by name on every call (`Machine.call`).
    private func generalCall(_ callee: @escaping Eval, _ code: [Compiled], _ keywordCode: [(String, Compiled)],
                             _ argSpans: [SourceSpan], _ kwSpans: [SourceSpan], _ frame: Int, _ span: SourceSpan) -> Eval {
        let m = machine
        return { b in
            let c = try callee(b)
            var values: [Value] = []
            values.reserveCapacity(code.count)
            for a in code { values.append(try a.eval(b)) }
            var keywords: [(String, Value)] = []
            for (name, a) in keywordCode { keywords.append((name, try a.eval(b))) }
            return try m.call(c, values, keywords: keywords, base: b + frame, span: span,
                              argumentSpans: argSpans, keywordSpans: kwSpans)
        }
    }

    /// The cell of a callee name that resolves to a global (late-bound from a function body).
    private func globalCell(_ name: String, _ scope: FunctionScope?) -> UnsafeMutablePointer<Value>? {
        switch Resolver.resolved(name, in: scope) {
        case .global?, nil: return machine.global(name)
        default: return nil
        }
    }

    /// A call of a function held in a global, a local slot or a captured variable (`fib(n)`,
    /// `apply(f, x) = f(x)`, `compose(f, g) = x -> f(g(x))`) with up to three positional
    /// arguments. The callee is borrowed from where it lives, not retained: a local slot
    /// changes only by its own function's statements, and a global or captured variable
    /// written while calls run pins the function it replaces (`Compiler.storeShared`), so
    /// it outlives the call. Arguments are initialised into the new frame, whose slots the
    /// previous call left trivial.
    private func borrowedCall(_ home: CalleeHome, _ args: [Compiled], general: @escaping Eval,
                              _ frame: Int, _ span: SourceSpan) -> Eval {
        let m = machine, running = machine.runningClosure
        switch args.count {
        case 0:
            return { b in
                guard let u = Compiler.borrowFunction(home.pointer(b, running), arity: 0) else { return try general(b) }
                let nb = b + frame
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        case 1:
            let e0 = args[0].eval // safe: one argument
            return { b in
                guard let u = Compiler.borrowFunction(home.pointer(b, running), arity: 1) else { return try general(b) }
                let a0 = try e0(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        case 2:
            let e0 = args[0].eval, e1 = args[1].eval // safe: two arguments
            return { b in
                guard let u = Compiler.borrowFunction(home.pointer(b, running), arity: 2) else { return try general(b) }
                let a0 = try e0(b), a1 = try e1(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                (nb + 2).initialize(to: consume a1)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        default:
            let e0 = args[0].eval, e1 = args[1].eval, e2 = args[2].eval // safe: three arguments
            return { b in
                guard let u = Compiler.borrowFunction(home.pointer(b, running), arity: 3) else { return try general(b) }
                let a0 = try e0(b), a1 = try e1(b), a2 = try e2(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                (nb + 2).initialize(to: consume a1)
                (nb + 3).initialize(to: consume a2)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        }
    }

    /// Where a callee name lives.
    enum CalleeHome {
        case global(UnsafeMutablePointer<Value>), slot(Int), cell(Int), capture(Int)

        /// The home of a name that is not a global (a global's cell comes from the machine).
        init?(_ resolution: Resolution?) {
            switch resolution {
            case .local(let s)?: self = .slot(s)
            case .cellLocal(let s)?: self = .cell(s)
            case .capture(let i)?: self = .capture(i)
            default: return nil
            }
        }

        /// The memory holding the callee; a trivial placeholder when the home is missing
        /// (the general path then reports it).
        @inline(__always)
        func pointer(_ b: UnsafeMutablePointer<Value>, _ running: UnsafeMutablePointer<Unmanaged<Function>?>)
            -> UnsafeMutablePointer<Value> {
            switch self {
            case .global(let p):
                return p
            case .slot(let s):
                return b + s
            case .cell(let s):
                guard case .cell(let c) = b[s] else { return b + s }
                return Unmanaged.passUnretained(c)._withUnsafeGuaranteedRef { $0.pointer }
            case .capture(let i):
                guard let f = running.pointee else { return b }
                return f._withUnsafeGuaranteedRef { $0.captured[i] }
            }
        }
    }

    /// `f(n - 1)` (or `f(n + k)`), `f` a global function of one parameter and `n` a local:
    /// the argument is computed here when `n` holds a number, one closure call fewer a
    /// call of a recursive function; `argument` computes it otherwise (and reports errors).
    private func globalCallOfLocalArithmetic(_ cell: UnsafeMutablePointer<Value>, _ slot: Int, _ k: Double,
                                             _ argument: @escaping Eval, general: @escaping Eval,
                                             _ frame: Int, _ span: SourceSpan) -> Eval {
        let m = machine
        return { b in
            guard let u = Compiler.borrowFunction(cell, arity: 1) else { return try general(b) }
            // `n - 1` is `n + (-1)`: the same IEEE result as the subtraction.
            let a0: Value
            if case .number(let q) = b[slot] { a0 = .number(q + k) } else { a0 = try argument(b) }
            let nb = b + frame
            (nb + 1).initialize(to: consume a0)
            return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
        }
    }

    /// The function in `cell` when it takes `arity` arguments, as an unretained reference:
    /// the binding's retain and release meet here and cancel once inlined.
    @inline(__always)
    static func borrowFunction(_ cell: UnsafeMutablePointer<Value>, arity: Int) -> Unmanaged<Function>? {
        guard case .function(let f) = cell.pointee, f.arity == arity else { return nil }
        return Unmanaged.passUnretained(f)
    }
}
