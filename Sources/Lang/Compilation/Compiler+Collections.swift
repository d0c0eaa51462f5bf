/// Tuples, dicts, comprehensions, f-strings and method calls.
extension Compiler {
    func tuple(_ items: [Expr], _ scope: FunctionScope?) -> Eval {
        let evals = items.map { expression($0, scope) }
        return { b in
            var values: [Value] = []
            values.reserveCapacity(evals.count)
            for ev in evals { values.append(try ev(b)) }
            return Value(tuple: values)
        }
    }

    func dictionary(_ entries: [(Expr, Expr)], _ scope: FunctionScope?) -> Eval {
        let evals = entries.map { (expression($0.0, scope), expression($0.1, scope), $0.0.span) }
        return { b in
            let d = DictBox()
            for (k, v, span) in evals {
                let key = try k(b)
                guard let dk = DictKey(key) else { throw Operators.unhashable(key, span) }
                d.set(dk, try v(b))
            }
            return .dict(d)
        }
    }

    /// `[e for t in xs if c ...]` as nested loops; the result follows the literal rule
    /// (numbers make a tensor). The loop variables get their old values back after, so a
    /// comprehension leaves the enclosing scope as it found it, as in Python 3.
    func comprehension(_ c: Comprehension, _ scope: FunctionScope?) -> Eval {
        let element = expression(c.element, scope)
        let value = c.value.map { expression($0, scope) }
        let keySpan = c.element.span, span = c.span
        let interruption = machine.interruption
        // The innermost step: add one element (or entry) to the result being built.
        typealias Step = (UnsafeMutablePointer<Value>, inout [Value], DictBox?) throws -> Void
        var step: Step = { b, out, dict in
            if let dict, let value {
                let key = try element(b)
                guard let k = DictKey(key) else { throw Operators.unhashable(key, keySpan) }
                dict.set(k, try value(b))
            } else {
                out.append(try element(b))
            }
        }
        var names: [(String, SourceSpan)] = []
        for clause in c.clauses.reversed() {
            let inner = step
            switch clause {
            case .if(let condition):
                let test = expression(condition, scope), s = condition.span
                step = { b, out, dict in
                    if try Operators.truthy(try test(b), s) { try inner(b, &out, dict) }
                }
            case .for(let target, let iter):
                let write = writer(target, scope), items = expression(iter, scope), s = iter.span
                for n in target.names { names.append((n, target.span)) }
                step = { b, out, dict in
                    for item in try Operators.elements(try items(b), s) {
                        if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
                        try write(b, item)
                        try inner(b, &out, dict)
                    }
                }
            }
        }
        // A variable a closure captures keeps its last value: the closures made in the
        // loop read it later (Python's late binding), so it is not restored.
        let restored = names.filter { name, _ in
            switch Resolver.resolved(name, in: scope) {
            case .cellLocal?, .capture?: return false
            default: return true
            }
        }
        let slots = restored.map { slot($0.0, $0.1, scope) }
        let run = step, isDict = c.value != nil
        return { b in
            let homes = try slots.map { try $0(b) }
            let saved = homes.map(\.pointee)
            defer { for (p, v) in zip(homes, saved) { p.pointee = v } }
            var out: [Value] = []
            let dict = isDict ? DictBox() : nil
            try run(b, &out, dict)
            if let dict { return .dict(dict) }
            return try Operators.makeList(out, span)
        }
    }

    /// An f-string: its text and each field formatted by its spec.
    func formatString(_ parts: [FormatPart], _ scope: FunctionScope?) -> Eval {
        enum Piece {
            case text(String)
            case field(Eval, Character?, FormatSpec?, String, SourceSpan)
        }
        let pieces: [Piece] = parts.map { part in
            switch part {
            case .text(let s): return .text(s)
            case let .field(e, conversion, spec, span):
                return .field(expression(e, scope), conversion, try? FormatSpec(spec), spec, span)
            }
        }
        let m = machine
        return { b in
            var out = ""
            for piece in pieces {
                switch piece {
                case .text(let s): out += s
                case let .field(ev, conversion, spec, specText, span):
                    var v = try ev(b)
                    if conversion == "r" { v = Value(m.formatter.format(v)) } else if conversion == "s" { v = Value(m.formatter.display(v)) }
                    do {
                        // A malformed spec fails when the field runs, with the spec's own message.
                        out += try (spec ?? FormatSpec(specText)).format(v, m.formatter)
                    } catch let e as FormatSpec.Failure {
                        throw Diagnostic(.value, e.message, span)
                    }
                }
            }
            return Value(out)
        }
    }

    /// `receiver.name(args)`. A list, tuple or dict calls the builtin of that name with
    /// itself first (`l.append(x)` is `append(l, x)`), `append` without the general call's
    /// binding; any other value calls its attribute (an object's bound method).
    func methodCall(_ receiver: Expr, _ name: String, _ nameSpan: SourceSpan, _ args: [CallArgument],
                    _ span: SourceSpan, _ scope: FunctionScope?) -> Eval {
        let recv = expression(receiver, scope), m = machine
        let frame = scope?.frameSize ?? 0
        let positional = args.filter { $0.name == nil }, keywordArgs = args.filter { $0.name != nil }
        let posEvals = positional.map { Compiled(expression($0.value, scope)) }
        let kwEvals = keywordArgs.map { ($0.name ?? "", Compiled(expression($0.value, scope))) }
        let argSpans = positional.map(\.span), kwSpans = keywordArgs.map(\.span), receiverSpan = receiver.span
        let isAppend = name == "append" && posEvals.count == 1 && kwEvals.isEmpty
        // `d.get(k)` and `d.get(k, default)` on a dict look the key up right here: through
        // the bound builtin a call built `Arguments` and read three of them by name, four
        // times the instructions of the look-up itself. Same order of evaluation, same error.
        let isGet = name == "get" && (posEvals.count == 1 || posEvals.count == 2) && kwEvals.isEmpty
        let keySpan = argSpans.first ?? span
        let bindings = methodBindings(name, receiverSpan: receiverSpan, argSpans, keywordArgs.map { ($0.name ?? "", $0.span) },
                                      posEvals + kwEvals.map(\.1), span)
        // Held apart, not read from `posEvals` per call: reading a closure out of an
        // array retains its context.
        // Not optionals either: a closure in an `Optional` is kept in the generic form too.
        let first: Eval = posEvals.isEmpty ? { _ in .nothing } : posEvals[0].eval // safe: not empty
        let second: Eval = posEvals.count == 2 ? posEvals[1].eval : { _ in .nothing } // safe: counted
        let full: Eval = { b in
            let r = try recv(b)
            if isAppend, case .list(let l) = r {
                let x = try first(b)
                l.items.append(x)
                return .nothing
            }
            if isGet, case .dict(let d) = r {
                let key = try first(b)
                let fallback = try second(b)
                guard let k = DictKey(key) else { throw Operators.unhashable(key, keySpan) }
                return d[k] ?? fallback
            }
            if let result = try bindings.call(r, b, frame, m) { return result }
            var values: [Value] = []
            values.reserveCapacity(posEvals.count + 1)
            var keywords: [(String, Value)] = []
            switch r {
            case .list, .tuple, .dict, .string:
                guard let builtin = Methods.lookup(r, name) else {
                    let names = (Methods.names[r.typeName] ?? []).sorted()
                    var notes: [String] = []
                    if let s = Suggest.closest(to: name, in: names) { notes.append("did you mean '\(s)'?") }
                    if !names.isEmpty { notes.append("\(r.typeName) methods: \(names.joined(separator: ", "))") }
                    throw Diagnostic(.name, "\(r.typeName) has no method '\(name)'", nameSpan, notes: notes)
                }
                values.append(r)
                for a in posEvals { values.append(try a.eval(b)) }
                for (k, a) in kwEvals { keywords.append((k, try a.eval(b))) }
                return try m.callBuiltin(builtin, values, keywords, base: b + frame, span: span,
                                         argumentSpans: [receiverSpan] + argSpans, keywordSpans: kwSpans)
            default:
                let callee = try Operators.attribute(r, name, nameSpan)
                for a in posEvals { values.append(try a.eval(b)) }
                for (k, a) in kwEvals { keywords.append((k, try a.eval(b))) }
                return try m.call(callee, values, keywords: keywords, base: b + frame, span: span,
                                  argumentSpans: argSpans, keywordSpans: kwSpans)
            }
        }
        if name == "pop", args.isEmpty, let place = place(of: receiver, scope) {
            return borrowedPop(place, general: full)
        }
        if (isAppend || isGet), let place = place(of: receiver, scope), positional.allSatisfy({ Compiler.isPure($0.value) }) {
            return isAppend ? borrowedAppend(place, first, general: full)
                : borrowedGet(place, first, second, keySpan, general: full)
        }
        return full
    }
}
