/// Where a function keeps its variables: slots of its frame, which of them
/// live in cells (a nested closure captures them), and what it captures
/// from enclosing functions (Lua's upvalues).
final class FunctionScope {
    let parent: FunctionScope?
    /// Slot of each parameter and local; slot 0 is left free (parameters start at 1).
    var slots: [String: Int] = [:]
    var frameSize = 1
    /// Slots that hold a `Cell` because an inner closure captures them.
    var cellSlots: Set<Int> = []
    /// Captured names, in the order of `Function.captures`.
    var captures: [String] = []
    /// For each capture: a cell slot of the parent's frame, or an index into the parent's captures.
    var captureSources: [CaptureSource] = []

    init(parent: FunctionScope?) {
        self.parent = parent
    }

    func declare(_ name: String) {
        if slots[name] == nil {
            slots[name] = frameSize
            frameSize += 1
        }
    }

    /// The index of `name` among the captures, adding it (and capturing it in
    /// the parent when needed) on first use; nil when no enclosing function has it.
    func capture(_ name: String) -> Int? {
        if let i = captures.firstIndex(of: name) { return i }
        guard let parent else { return nil }
        if let slot = parent.slots[name] {
            parent.cellSlots.insert(slot)
            captures.append(name)
            captureSources.append(.parentSlot(slot))
            return captures.count - 1
        }
        if let i = parent.capture(name) {
            captures.append(name)
            captureSources.append(.parentCapture(i))
            return captures.count - 1
        }
        return nil
    }
}

/// Where a closure's captured cell comes from when the closure is created.
enum CaptureSource {
    case parentSlot(Int)
    case parentCapture(Int)
}

/// How a name is reached at run time.
enum Resolution {
    case local(Int)
    case cellLocal(Int)
    case capture(Int)
    case global(String)
}

/// Finds every variable's home before anything runs (jlox's Resolver): slots
/// for function locals, captures for closures, globals for the top level; and
/// reports `return` outside a function and `break` outside a loop as errors with
/// spans. An unknown name is not an error here: it fails when its statement runs,
/// so a script prints everything before it (Python's NameError).
struct Resolver {
    /// Scopes of every function in the chunk, by declaration identity.
    private(set) var scopes: [ObjectIdentifier: FunctionScope] = [:]
    /// Globals the chunk assigns somewhere: reading one before it is assigned is
    /// "used before it is assigned", any other undefined global an unknown name.
    private(set) var chunkGlobals: Set<String> = []
    private var loopDepth = 0


    /// Resolves a chunk's top-level statements.
    mutating func resolve(_ program: [Stmt]) throws {
        collectAssigned(program, into: &chunkGlobals, compound: false)
        for s in program { try statement(s, scope: nil) }
    }

    /// Names a block assigns (not looking inside nested functions). With `compound`
    /// false, `x += 1` does not count: at the top level it reads a global that must
    /// exist already, and an undefined one is an unknown name.
    private func collectAssigned(_ body: [Stmt], into names: inout Set<String>, compound: Bool = true) {
        for s in body {
            switch s {
            case .assign(let t, let op, _, _, _): if compound || op == nil { collectTarget(t, into: &names) }
            case .function(let f): if let n = f.name { names.insert(n) }
            case .if(let branches, let elseBody, _):
                for (_, b) in branches { collectAssigned(b, into: &names, compound: compound) }
                if let e = elseBody { collectAssigned(e, into: &names, compound: compound) }
            case .for(let t, _, let b, _):
                collectTarget(t, into: &names)
                collectAssigned(b, into: &names, compound: compound)
            case .while(_, let b, _): collectAssigned(b, into: &names, compound: compound)
            default: break
            }
        }
    }

    private func collectTarget(_ t: AssignTarget, into names: inout Set<String>) {
        switch t {
        case .name(let n, _): names.insert(n)
        case .tuple(let ts, _): for x in ts { collectTarget(x, into: &names) }
        default: break
        }
    }

    /// How the compiler reaches `name` from `scope` (nil scope: the top level), read
    /// from the tables `resolve` filled in: it never adds a capture, so every decision
    /// about where a variable lives is the resolver's. Nil means a global bound late
    /// (a name a function body reads that a later entry may define).
    static func resolved(_ name: String, in scope: FunctionScope?) -> Resolution? {
        guard let scope else { return .global(name) }
        if let slot = scope.slots[name] {
            return scope.cellSlots.contains(slot) ? .cellLocal(slot) : .local(slot)
        }
        if let i = scope.captures.firstIndex(of: name) { return .capture(i) }
        return nil
    }

    /// How `name` is reached from `scope`, capturing it from an enclosing function
    /// on first use (nil scope: the top level).
    private static func lookup(_ name: String, in scope: FunctionScope?) -> Resolution? {
        guard let scope else { return .global(name) }
        if let slot = scope.slots[name] {
            return scope.cellSlots.contains(slot) ? .cellLocal(slot) : .local(slot)
        }
        if let i = scope.capture(name) { return .capture(i) }
        return nil
    }

    /// Captures `name` from an enclosing function when one has it. Any other name is a
    /// global, bound late: the read checks it when it runs (an entry or statement
    /// before it may define it), so nothing here fails.
    private func checkName(_ name: String, _ span: SourceSpan, scope: FunctionScope?) {
        var s = scope
        while let cur = s {
            if cur.slots[name] != nil { _ = Resolver.lookup(name, in: scope); return }
            s = cur.parent
        }
    }

    private mutating func function(_ f: FunctionDecl, parent: FunctionScope?) throws {
        let scope = FunctionScope(parent: parent)
        scopes[ObjectIdentifier(f)] = scope
        for p in f.parameters {
            if let d = p.defaultValue { try expression(d, scope: parent) }
            scope.declare(p.name)
        }
        let savedLoops = loopDepth
        loopDepth = 0
        defer { loopDepth = savedLoops }
        switch f.body {
        case .expression(let e):
            try expression(e, scope: scope)
        case .block(let body):
            var assigned: Set<String> = []
            collectAssigned(body, into: &assigned)
            // A name an enclosing function already has refers to that variable (closures
            // capture); any other assigned name is a new local of this function.
            for name in assigned.sorted() {
                var s = parent, outer = false
                while let cur = s { if cur.slots[name] != nil { outer = true; break }; s = cur.parent }
                if !outer { scope.declare(name) }
            }
            for s in body { try statement(s, scope: scope) }
        }
    }

    private mutating func statement(_ s: Stmt, scope: FunctionScope?) throws {
        switch s {
        case .expression(let e, _):
            try expression(e, scope: scope)
        case .assign(let t, let op, let v, _, _):
            try expression(v, scope: scope)
            try target(t, compound: op != nil, scope: scope)
        case .function(let f):
            try function(f, parent: scope)
            if let n = f.name, scope != nil { _ = Resolver.lookup(n, in: scope) }
        case .if(let branches, let elseBody, _):
            for (c, b) in branches {
                try expression(c, scope: scope)
                for x in b { try statement(x, scope: scope) }
            }
            for x in elseBody ?? [] { try statement(x, scope: scope) }
        case .for(let t, let iter, let body, _):
            try expression(iter, scope: scope)
            try target(t, compound: false, scope: scope)
            loopDepth += 1
            for x in body { try statement(x, scope: scope) }
            loopDepth -= 1
        case .while(let c, let body, _):
            try expression(c, scope: scope)
            loopDepth += 1
            for x in body { try statement(x, scope: scope) }
            loopDepth -= 1
        case .break(let span):
            if loopDepth == 0 { throw Diagnostic(.syntax, "'break' outside a loop", span) }
        case .continue(let span):
            if loopDepth == 0 { throw Diagnostic(.syntax, "'continue' outside a loop", span) }
        case .return(let e, let span):
            if scope == nil { throw Diagnostic(.syntax, "'return' outside a function", span) }
            if let e { try expression(e, scope: scope) }
        }
    }

    private mutating func target(_ t: AssignTarget, compound: Bool, scope: FunctionScope?) throws {
        switch t {
        case .name(let n, let span):
            if compound { checkName(n, span, scope: scope) }
            if scope != nil { _ = Resolver.lookup(n, in: scope) }
        case .index(let base, let items, _):
            try expression(base, scope: scope)
            try indexItems(items, scope: scope)
        case .attribute(let base, _, _):
            try expression(base, scope: scope)
        case .tuple(let ts, _):
            for x in ts { try target(x, compound: false, scope: scope) }
        }
    }

    private mutating func indexItems(_ items: [IndexItem], scope: FunctionScope?) throws {
        for item in items {
            switch item {
            case .at(let e): try expression(e, scope: scope)
            case .slice(let a, let b, let c, _):
                for x in [a, b, c] { if let x { try expression(x, scope: scope) } }
            }
        }
    }

    /// A comprehension's loop variables are the enclosing scope's (a global at the top
    /// level, a local in a function); the compiled loop restores their old values after.
    private mutating func comprehension(_ c: Comprehension, scope: FunctionScope?) throws {
        for clause in c.clauses {
            switch clause {
            case .for(let t, let iter):
                try expression(iter, scope: scope)
                for name in t.names {
                    if let scope {
                        if scope.slots[name] == nil { scope.declare(name) }
                    } else {
                        chunkGlobals.insert(name)
                    }
                }
                try target(t, compound: false, scope: scope)
            case .if(let condition):
                try expression(condition, scope: scope)
            }
        }
        try expression(c.element, scope: scope)
        if let v = c.value { try expression(v, scope: scope) }
    }

    private mutating func expression(_ e: Expr, scope: FunctionScope?) throws {
        switch e {
        case .number, .string, .bool, .nothing: break
        case .name(let n, let span): checkName(n, span, scope: scope)
        case .list(let xs, _), .tuple(let xs, _): for x in xs { try expression(x, scope: scope) }
        case .dict(let entries, _):
            for (k, v) in entries {
                try expression(k, scope: scope)
                try expression(v, scope: scope)
            }
        case .format(let parts, _):
            for case .field(let x, _, _, _) in parts { try expression(x, scope: scope) }
        case .comprehension(let c):
            try comprehension(c, scope: scope)
        case .unary(_, let x, _): try expression(x, scope: scope)
        case .binary(_, let a, let b, _), .and(let a, let b, _), .or(let a, let b, _):
            try expression(a, scope: scope)
            try expression(b, scope: scope)
        case .call(let callee, let args, _):
            try expression(callee, scope: scope)
            for a in args { try expression(a.value, scope: scope) }
        case .index(let base, let items, _):
            try expression(base, scope: scope)
            try indexItems(items, scope: scope)
        case .attribute(let base, _, _): try expression(base, scope: scope)
        case .lambda(let f): try function(f, parent: scope)
        }
    }
}
