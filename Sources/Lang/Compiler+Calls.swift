extension Compiler {
    /// A call site. Arguments are evaluated into Swift locals before the callee's
    /// frame is written, since evaluating them may itself call and use that stack.
    func call(_ calleeExpr: Expr, _ args: [CallArgument], _ span: SourceSpan, _ scope: FunctionScope?) -> Eval {
        let callee = expression(calleeExpr, scope)
        let frame = scope?.frameSize ?? 0
        let m = machine
        let positional = args.filter { $0.name == nil }
        let keywordArgs = args.filter { $0.name != nil }
        let argSpans = positional.map(\.span)
        if keywordArgs.isEmpty, positional.count <= 3 {
            switch positional.count {
            case 0:
                return { b in
                    let c = try callee(b)
                    let nb = b + frame
                    if case .function(let f) = c, f.arity == 0 {
                        try m.enter(f, base: nb, span: span)
                        defer { m.leave(f, base: nb) }
                        if f.isClosure { nb[0] = c }
                        return try f.body(nb)
                    }
                    return try m.call(c, [], keywords: [], base: nb, span: span, argumentSpans: argSpans)
                }
            case 1:
                let e0 = expression(positional[0].value, scope)
                return { b in
                    let c = try callee(b)
                    let a0 = try e0(b)
                    let nb = b + frame
                    if case .function(let f) = c, f.arity == 1 {
                        try m.enter(f, base: nb, span: span)
                        defer { m.leave(f, base: nb) }
                        if f.isClosure { nb[0] = c }
                        nb[1] = a0
                        return try f.body(nb)
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
                        try m.enter(f, base: nb, span: span)
                        defer { m.leave(f, base: nb) }
                        if f.isClosure { nb[0] = c }
                        nb[1] = a0
                        nb[2] = a1
                        return try f.body(nb)
                    }
                    return try m.call(c, [a0, a1], keywords: [], base: nb, span: span, argumentSpans: argSpans)
                }
            default:
                break
            }
        }
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
}
