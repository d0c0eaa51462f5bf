extension Compiler {
    func expression(_ e: Expr, _ scope: FunctionScope?) -> Eval {
        switch e {
        case .number(let x, _):
            let v = Value.number(x)
            return { _ in v }
        case .string(let s, _):
            let v = Value(s)
            return { _ in v }
        case .bool(let x, _):
            return { _ in .bool(x) }
        case .nothing:
            return { _ in .nothing }
        case .name(let name, let span):
            return read(name, span, scope)
        case .list(let items, let span):
            let evals = items.map { expression($0, scope) }
            return { b in
                var values: [Value] = []
                values.reserveCapacity(evals.count)
                for ev in evals { values.append(try ev(b)) }
                return try Operators.makeList(values, span)
            }
        case .unary(let op, let x, let span):
            let ev = expression(x, scope)
            switch op {
            case .negate:
                return { b in
                    let v = try ev(b)
                    if case .number(let n) = v { return .number(-n) }
                    return try Operators.negate(v, span)
                }
            case .plus:
                return { b in
                    let v = try ev(b)
                    if case .number = v { return v }
                    return try Operators.binary(.add, .number(0), v, span)
                }
            case .invert:
                return { b in try Operators.invert(try ev(b), span) }
            case .not:
                let s = x.span
                return { b in .bool(!(try Operators.truthy(try ev(b), s))) }
            }
        case .binary(let op, let l, let r, let span):
            return binary(op, l, r, span, scope)
        case .and(let l, let r, _):
            let a = expression(l, scope), c = expression(r, scope), ls = l.span, rs = r.span
            return { b in .bool(try Operators.truthy(try a(b), ls) && Operators.truthy(try c(b), rs)) }
        case .or(let l, let r, _):
            let a = expression(l, scope), c = expression(r, scope), ls = l.span, rs = r.span
            return { b in .bool(try Operators.truthy(try a(b), ls) || Operators.truthy(try c(b), rs)) }
        case .call(let callee, let args, let span):
            return call(callee, args, span, scope)
        case .index(let base, let items, let span):
            let eb = expression(base, scope)
            if items.count == 1, case .at(let k) = items[0] {
                // `d[key]` looks the key up without building the index list.
                let key = expression(k, scope), keySpan = k.span
                return { b in
                    let container = try eb(b)
                    if case .dict(let d) = container { return try Operators.lookup(d, try key(b), keySpan) }
                    let k = try key(b)
                    // `xs[i]` on a list or tuple with a whole number in range: the element, without
                    // the index list and the general indexer (which reports everything else).
                    if case .number(let x) = k {
                        switch container {
                        case .list(let l): if let v = Compiler.element(of: l.items, at: x) { return v }
                        case .tuple(let t): if let v = Compiler.element(of: t.items, at: x) { return v }
                        default: break
                        }
                    }
                    return try Operators.index(container, [.at(k, keySpan)], span)
                }
            }
            let idx = indexItems(items, scope)
            return { b in try Operators.index(try eb(b), try idx(b), span) }
        case .attribute(let base, let name, let span):
            let eb = expression(base, scope)
            return { b in try Operators.attribute(try eb(b), name, span) }
        case .lambda(let f):
            return function(f, scope)
        case .tuple(let items, _):
            return tuple(items, scope)
        case .dict(let entries, _):
            return dictionary(entries, scope)
        case .comprehension(let c):
            return comprehension(c, scope)
        case .format(let parts, _):
            return formatString(parts, scope)
        }
    }

    /// `items[x]` for a whole number `x` in range, counting from the end when negative;
    /// nil otherwise.
    @inline(__always)
    static func element(of items: [Value], at x: Double) -> Value? {
        guard let i = Int(exactly: x) else { return nil }
        let j = i < 0 ? i + items.count : i
        return j >= 0 && j < items.count ? items[j] : nil
    }

    /// Reads a variable from its resolved home; an unassigned one is an error.
    private func read(_ name: String, _ span: SourceSpan, _ scope: FunctionScope?) -> Eval {
        switch Resolver.resolved(name, in: scope) {
        case .local(let s):
            return { b in
                let v = b[s]
                if case .undefined = v { throw Compiler.unassigned(name, span) }
                return v
            }
        case .cellLocal(let s):
            return { b in
                guard case .cell(let c) = b[s] else { throw Compiler.unassigned(name, span) }
                let v = c.pointer.pointee
                if case .undefined = v { throw Compiler.unassigned(name, span) }
                return v
            }
        case .capture(let i):
            let running = machine.runningClosure
            return { _ in
                guard let f = running.pointee else { throw Compiler.unassigned(name, span) }
                let v = f._withUnsafeGuaranteedRef { $0.captured[i].pointee }
                if case .undefined = v { throw Compiler.unassigned(name, span) }
                return v
            }
        case .global:
            let p = machine.global(name)
            guard assignedGlobals.contains(name) else { return lateGlobal(name, span) }
            return { _ in
                let v = p.pointee
                if case .undefined = v { throw Compiler.unassigned(name, span) }
                return v
            }
        case .none:
            return lateGlobal(name, span)
        }
    }

    /// A global that this chunk does not assign, bound late: an earlier statement or a
    /// later entry may define it, so an undefined one is unknown only when the read runs.
    private func lateGlobal(_ name: String, _ span: SourceSpan) -> Eval {
        let p = machine.global(name)
        let m = machine
        return { _ in
            let v = p.pointee
            if case .undefined = v { throw Compiler.unknownGlobal(name, span, m) }
            return v
        }
    }

    static func unknownGlobal(_ name: String, _ span: SourceSpan, _ m: Machine) -> Diagnostic {
        var notes: [String] = []
        if let hint = Hints.unknownName(name) {
            notes.append(hint)
        } else if let s = Suggest.closest(to: name, in: m.definedNames) {
            notes.append("did you mean '\(s)'?")
        }
        return Diagnostic(.name, "unknown name '\(name)'", span, notes: notes)
    }

    /// The error for reading the top-level global `name` while it is undefined: used
    /// before its assignment when the chunk assigns it, else an unknown name.
    func undefinedGlobal(_ name: String, _ span: SourceSpan) -> () -> Diagnostic {
        if assignedGlobals.contains(name) { return { Compiler.unassigned(name, span) } }
        let m = machine
        return { Compiler.unknownGlobal(name, span, m) }
    }

    static func unassigned(_ name: String, _ span: SourceSpan) -> Diagnostic {
        Diagnostic(.name, "'\(name)' is used before it is assigned", span)
    }

    /// Arithmetic with the number-number case inline; everything else in `Operators.binary`.
    private func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ span: SourceSpan,
                        _ scope: FunctionScope?) -> Eval {
        if op == .in || op == .notIn {
            let item = expression(l, scope), container = expression(r, scope), negated = op == .notIn
            return { b in .bool(try Operators.contains(try item(b), try container(b), span) != negated) }
        }
        if case .name(let name, let nameSpan) = l, case .global? = Resolver.resolved(name, in: scope),
           let fast = globalLeft(op, machine.global(name), name, nameSpan, r, span, scope) {
            return fast.eval
        }
        if case .name(let name, let nameSpan) = l, case .local(let slot)? = Resolver.resolved(name, in: scope),
           case .number(let k, _) = r, let fast = localConstant(op, slot, name, nameSpan, k, span) {
            return fast.eval
        }
        if case .name(let name, let nameSpan) = l, case .local(let slot)? = Resolver.resolved(name, in: scope),
           let fast = localLeft(op, slot, name, nameSpan, r, span, scope) {
            return fast.eval
        }
        let a = expression(l, scope)
        if case .number(let k, _) = r {
            let kv = Value.number(k)
            switch op {
            case .add: return { b in let x = try a(b); if case .number(let p) = x { return .number(p + k) }; return try Operators.binary(op, x, kv, span) }
            case .subtract: return { b in let x = try a(b); if case .number(let p) = x { return .number(p - k) }; return try Operators.binary(op, x, kv, span) }
            case .multiply: return { b in let x = try a(b); if case .number(let p) = x { return .number(p * k) }; return try Operators.binary(op, x, kv, span) }
            case .divide: return { b in let x = try a(b); if case .number(let p) = x { return .number(p / k) }; return try Operators.binary(op, x, kv, span) }
            case .less: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p < k) }; return try Operators.binary(op, x, kv, span) }
            case .greater: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p > k) }; return try Operators.binary(op, x, kv, span) }
            case .modulo: return { b in let x = try a(b); if case .number(let p) = x { return .number(Operators.modulo(p, k)) }; return try Operators.binary(op, x, kv, span) }
            case .lessEqual: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p <= k) }; return try Operators.binary(op, x, kv, span) }
            case .greaterEqual: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p >= k) }; return try Operators.binary(op, x, kv, span) }
            case .equal: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p == k) }; return try Operators.binary(op, x, kv, span) }
            case .notEqual: return { b in let x = try a(b); if case .number(let p) = x { return .bool(p != k) }; return try Operators.binary(op, x, kv, span) }
            case .floorDivide: return { b in let x = try a(b); if case .number(let p) = x { return .number(Operators.divmod(p, k).quotient) }; return try Operators.binary(op, x, kv, span) }
            default: break
            }
        }
        let c = expression(r, scope)
        switch op {
        case .add:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .number(p + q) }
                return try Operators.binary(op, x, y, span)
            }
        case .subtract:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .number(p - q) }
                return try Operators.binary(op, x, y, span)
            }
        case .multiply:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .number(p * q) }
                return try Operators.binary(op, x, y, span)
            }
        case .divide:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .number(p / q) }
                return try Operators.binary(op, x, y, span)
            }
        case .less:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .bool(p < q) }
                return try Operators.binary(op, x, y, span)
            }
        case .lessEqual:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .bool(p <= q) }
                return try Operators.binary(op, x, y, span)
            }
        case .greater:
            return { b in
                let x = try a(b), y = try c(b)
                if case .number(let p) = x, case .number(let q) = y { return .bool(p > q) }
                return try Operators.binary(op, x, y, span)
            }
        default:
            return { b in try Operators.binary(op, try a(b), try c(b), span) }
        }
    }

    /// `global op expr` with the global read inline (one closure call fewer per operation
    /// in top-level loops, which use globals).
    private func globalLeft(_ op: BinaryOperator, _ p: UnsafeMutablePointer<Value>, _ name: String,
                            _ nameSpan: SourceSpan, _ r: Expr, _ span: SourceSpan, _ scope: FunctionScope?) -> Compiled? {
        let fail = undefinedGlobal(name, nameSpan)
        if case .number(let k, _) = r {
            let kv = Value.number(k)
            switch op {
            case .add:
                return Compiled { _ in
                    let x = p.pointee
                    if case .number(let q) = x { return .number(q + k) }
                    if case .undefined = x { throw fail() }
                    return try Operators.binary(op, x, kv, span)
                }
            case .multiply:
                return Compiled { _ in
                    let x = p.pointee
                    if case .number(let q) = x { return .number(q * k) }
                    if case .undefined = x { throw fail() }
                    return try Operators.binary(op, x, kv, span)
                }
            default:
                return nil
            }
        }
        // Checked before compiling `r`: the caller compiles it when this gives nil.
        guard op == .add || op == .multiply else { return nil }
        let c = expression(r, scope)
        switch op {
        case .add:
            return Compiled { b in
                let y = try c(b)
                let x = p.pointee
                if case .number(let q) = x, case .number(let w) = y { return .number(q + w) }
                if case .undefined = x { throw fail() }
                return try Operators.binary(op, x, y, span)
            }
        case .multiply:
            return Compiled { b in
                let y = try c(b)
                let x = p.pointee
                if case .number(let q) = x, case .number(let w) = y { return .number(q * w) }
                if case .undefined = x { throw fail() }
                return try Operators.binary(op, x, y, span)
            }
        default:
            return nil
        }
    }

    /// `local op expr` with the slot read inline (`x + k`, `w * x` in a function body): one
    /// closure call fewer. The slot is tested before `r` runs, so an unassigned local is
    /// reported first, as Python reports the left operand first.
    private func localLeft(_ op: BinaryOperator, _ slot: Int, _ name: String, _ nameSpan: SourceSpan,
                           _ r: Expr, _ span: SourceSpan, _ scope: FunctionScope?) -> Compiled? {
        // `binary` sends membership to `Operators.contains` before this; logic refuses numbers.
        guard op != .in, op != .notIn, op != .bothTrue, op != .eitherTrue else { return nil }
        let c = expression(r, scope)
        return Compiled { b in
            if case .number(let q) = b[slot] {
                let y = try c(b)
                if case .number(let w) = y { return Operators.scalar(op, q, w) }
                return try Operators.binary(op, .number(q), y, span)
            }
            let x = b[slot]
            if case .undefined = x { throw Compiler.unassigned(name, nameSpan) }
            return try Operators.binary(op, x, try c(b), span)
        }
    }

    /// `local op constant` with the slot read inline (`n - 1`, `n < 2` in recursive functions).
    private func localConstant(_ op: BinaryOperator, _ slot: Int, _ name: String, _ nameSpan: SourceSpan,
                               _ k: Double, _ span: SourceSpan) -> Compiled? {
        let kv = Value.number(k)
        func slow(_ x: Value) throws -> Value {
            if case .undefined = x { throw Compiler.unassigned(name, nameSpan) }
            return try Operators.binary(op, x, kv, span)
        }
        switch op {
        case .add: return Compiled { b in if case .number(let q) = b[slot] { return .number(q + k) }; return try slow(b[slot]) }
        case .subtract: return Compiled { b in if case .number(let q) = b[slot] { return .number(q - k) }; return try slow(b[slot]) }
        case .multiply: return Compiled { b in if case .number(let q) = b[slot] { return .number(q * k) }; return try slow(b[slot]) }
        case .less: return Compiled { b in if case .number(let q) = b[slot] { return .bool(q < k) }; return try slow(b[slot]) }
        case .lessEqual: return Compiled { b in if case .number(let q) = b[slot] { return .bool(q <= k) }; return try slow(b[slot]) }
        case .greater: return Compiled { b in if case .number(let q) = b[slot] { return .bool(q > k) }; return try slow(b[slot]) }
        case .equal: return Compiled { b in if case .number(let q) = b[slot] { return .bool(q == k) }; return try slow(b[slot]) }
        default: return nil
        }
    }

    /// Evaluates index items to the tensor layer's indices.
    func indexItems(_ items: [IndexItem], _ scope: FunctionScope?) -> (UnsafeMutablePointer<Value>) throws -> [IndexValue] {
        let parts: [(UnsafeMutablePointer<Value>) throws -> IndexValue] = items.map { item in
            switch item {
            case .at(let e):
                let ev = expression(e, scope), span = e.span
                return { b in .at(try ev(b), span) }
            case .slice(let start, let stop, let step, let span):
                let es = start.map { expression($0, scope) }
                let et = stop.map { expression($0, scope) }
                let ep = step.map { expression($0, scope) }
                return { b in
                    .slice(try es?(b), try et?(b), try ep?(b), span)
                }
            }
        }
        return { b in try parts.map { try $0(b) } }
    }

    /// A closure that makes the function value (capturing cells) when the definition runs.
    func function(_ f: FunctionDecl, _ parentScope: FunctionScope?) -> Eval {
        guard let fscope = scopes[ObjectIdentifier(f)] else {
            let span = f.span
            return { _ in throw Diagnostic(.runtime, "internal: function was not resolved", span) }
        }
        let body: Eval
        switch f.body {
        case .expression(let e):
            body = expression(e, fscope)
        case .block(let stmts):
            body = functionBody(stmts, fscope)
        }
        let parameterCount = f.parameters.count
        let cellSlots = fscope.cellSlots.sorted()
        let localCount = fscope.frameSize - parameterCount - 1
        // Slots above the parameters may be fresh (zero) stack memory: mark them unassigned.
        let withLocals: Eval = localCount == 0 ? body : { b in
            (b + parameterCount + 1).initialize(repeating: .undefined, count: localCount)
            return try body(b)
        }
        let withCells: Eval = cellSlots.isEmpty ? withLocals : { b in
            (b + parameterCount + 1).initialize(repeating: .undefined, count: localCount)
            for s in cellSlots { b[s] = .cell(Cell(s <= parameterCount ? b[s] : .undefined)) }
            return try body(b)
        }
        let defaults = f.parameters.map { p in p.defaultValue.map { expression($0, parentScope) } }
        let sources = fscope.captureSources
        let name = f.name ?? "lambda", names = f.parameters.map(\.name), frameSize = fscope.frameSize, span = f.span
        let chunk = source, running = machine.runningClosure
        return { b in
            var captures: [Cell] = []
            for source in sources {
                switch source {
                case .parentSlot(let s):
                    guard case .cell(let c) = b[s] else { throw Diagnostic(.runtime, "internal: captured cell missing", span) }
                    captures.append(c)
                case .parentCapture(let i):
                    guard let pf = running.pointee else { throw Diagnostic(.runtime, "internal: enclosing closure missing", span) }
                    captures.append(pf.takeUnretainedValue().captures[i])
                }
            }
            var defaultValues: [Value?] = []
            for d in defaults { defaultValues.append(try d?(b)) }
            return .function(Function(name: name, parameterNames: names, defaults: defaultValues,
                                      frameSize: frameSize, captures: captures, span: span, source: chunk,
                                      body: withCells))
        }
    }
}
