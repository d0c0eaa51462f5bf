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
        if case .name(let name, _) = calleeExpr, let cell = globalCell(name, scope), case .builtin(let builtin) = cell.pointee,
           let binding = BuiltinBinding(builtin, positional: argSpans, keywords: keywordArgs.map { ($0.name ?? "", $0.span) },
                                        span: span) {
            let general = generalCall(callee, args, frame, span, scope)
            return builtinCall(cell, binding, (positional + keywordArgs).map { expression($0.value, scope) }, frame,
                               general: general)
        }
        if keywordArgs.isEmpty, positional.count == 1, case .name(let name, _) = calleeExpr,
           let cell = globalCell(name, scope), let scope,
           case .binary(let op, .name(let local, _), .number(let k, _), _) = positional[0].value, op == .add || op == .subtract,
           case .local(let slot)? = Resolver.resolved(local, in: scope) {
            return globalCallOfLocalArithmetic(cell, slot, op == .add ? k : -k, expression(positional[0].value, scope),
                                               general: generalCall(callee, args, frame, span, scope), frame, span)
        }
        if keywordArgs.isEmpty, positional.count <= 3, case .name(let name, _) = calleeExpr,
           let cell = globalCell(name, scope) {
            return globalCall(cell, callee, positional.map { expression($0.value, scope) }, frame, span, argSpans)
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
                let e0 = expression(positional[0].value, scope)
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
                let e0 = expression(positional[0].value, scope), e1 = expression(positional[1].value, scope)
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
        return generalCall(callee, args, frame, span, scope)
    }

    /// Any call: binds arguments by name on every call (`Machine.call`).
    private func generalCall(_ callee: @escaping Eval, _ args: [CallArgument], _ frame: Int, _ span: SourceSpan,
                             _ scope: FunctionScope?) -> Eval {
        let m = machine
        let positional = args.filter { $0.name == nil }
        let keywordArgs = args.filter { $0.name != nil }
        let argSpans = positional.map(\.span)
        let posEvals = positional.map { expression($0.value, scope) }
        let kwEvals = keywordArgs.map { ($0.name ?? "", expression($0.value, scope)) }
        let kwSpans = keywordArgs.map(\.span)
        return { b in
            let c = try callee(b)
            var values: [Value] = []
            values.reserveCapacity(posEvals.count)
            for ev in posEvals { values.append(try ev(b)) }
            var keywords: [(String, Value)] = []
            for (name, ev) in kwEvals { keywords.append((name, try ev(b))) }
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

    /// A call of a global function with up to three positional arguments. The callee is
    /// borrowed from its cell, not retained: a global write during a call pins the
    /// function it replaces (`Machine.pin`), so it outlives the call. Arguments are
    /// initialised into the new frame, whose slots the previous call left trivial.
    private func globalCall(_ cell: UnsafeMutablePointer<Value>, _ callee: @escaping Eval, _ args: [Eval],
                            _ frame: Int, _ span: SourceSpan, _ argSpans: [SourceSpan]) -> Eval {
        let m = machine
        let arity = args.count
        // Anything but a function of the right arity: read, report and call as before.
        let general: Eval = { b in
            let c = try callee(b)
            var values: [Value] = []
            for a in args { values.append(try a(b)) }
            return try m.call(c, values, keywords: [], base: b + frame, span: span, argumentSpans: argSpans)
        }
        switch arity {
        case 0:
            return { b in
                guard let u = Compiler.borrowFunction(cell, arity: 0) else { return try general(b) }
                let nb = b + frame
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        case 1:
            let e0 = args[0] // safe: arity is 1
            return { b in
                guard let u = Compiler.borrowFunction(cell, arity: 1) else { return try general(b) }
                let a0 = try e0(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        case 2:
            let e0 = args[0], e1 = args[1] // safe: arity is 2
            return { b in
                guard let u = Compiler.borrowFunction(cell, arity: 2) else { return try general(b) }
                let a0 = try e0(b), a1 = try e1(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                (nb + 2).initialize(to: consume a1)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
            }
        default:
            let e0 = args[0], e1 = args[1], e2 = args[2] // safe: the caller passes at most 3, here 3
            return { b in
                guard let u = Compiler.borrowFunction(cell, arity: 3) else { return try general(b) }
                let a0 = try e0(b), a1 = try e1(b), a2 = try e2(b)
                let nb = b + frame
                (nb + 1).initialize(to: consume a0)
                (nb + 2).initialize(to: consume a1)
                (nb + 3).initialize(to: consume a2)
                return try u._withUnsafeGuaranteedRef { f in try m.runWithArguments(f, base: nb, span: span) }
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
    private static func borrowFunction(_ cell: UnsafeMutablePointer<Value>, arity: Int) -> Unmanaged<Function>? {
        guard case .function(let f) = cell.pointee, f.arity == arity else { return nil }
        return Unmanaged.passUnretained(f)
    }
}
