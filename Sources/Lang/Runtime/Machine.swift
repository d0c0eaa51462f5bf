import Glibc
import Tensor

/// The run-time state of one interpreter: the value stack, global cells, the
/// return register, the depth counter, its interruption token and random
/// generator. Compiled closures capture raw pointers (and the token) rather than
/// the machine itself, so the hot paths touch no class `var`s (no exclusivity checks).
final class Machine {
    /// Values the stack holds; calls past the end raise the recursion error.
    static let stackCapacity = 1 << 21
    /// Deepest nesting of calls before "maximum recursion depth exceeded".
    static let maxDepth = 20_000

    let stack: UnsafeMutablePointer<Value>
    let stackEnd: UnsafeMutablePointer<Value>
    /// Where `return` leaves its value for the call to pick up.
    let returnRegister: UnsafeMutablePointer<Value>
    /// Calls currently running.
    let depth: UnsafeMutablePointer<Int>
    /// The closure whose body is running, where its captured variables are read from; a
    /// closure call sets it and puts back its caller's on the way out. Unretained: whoever
    /// called the closure holds it (a caller's value, or a global cell that pins what it
    /// replaces), and holding it in a frame slot cost a retain and a release a call.
    let runningClosure: UnsafeMutablePointer<Unmanaged<Function>?>
    /// One cell per global name, allocated on first mention and never moved.
    private(set) var globals: [String: UnsafeMutablePointer<Value>] = [:]
    /// Names the user assigned, in order of first assignment.
    private(set) var userNames: [String] = []
    private var userNameSet: Set<String> = []
    /// Functions overwritten in a global cell while calls ran: call sites borrow a global
    /// callee without retaining it, so it must outlive the top-level statement.
    private var pinned: [Value] = []

    var outputHandler: (Output) -> Void = { _ in }
    var progressHandler: ((Progress) -> Void)?
    var echoHandler: ((Echo) -> Void)?
    var formatter = ValueFormatter()
    /// The session's own stream: seeding it leaves other interpreters' draws alone.
    var random = RandomGenerator(seed: 0)
    /// The interpreter's token, polled per loop iteration and per call.
    let interruption: InterruptToken
    /// What the file builtins may open.
    var fileAccess = FileAccess.unconfined

    init(interruption: InterruptToken) {
        self.interruption = interruption
        // calloc: pages are touched only when a frame reaches them (start-up stays fast).
        // All-zero bytes are the trivial value `.number(0)`; function entry marks locals undefined.
        let raw = calloc(Machine.stackCapacity, MemoryLayout<Value>.stride)
        stack = (raw ?? UnsafeMutableRawPointer.allocate(byteCount: Machine.stackCapacity * MemoryLayout<Value>.stride,
                                                          alignment: 16)).bindMemory(to: Value.self, capacity: Machine.stackCapacity)
        if raw == nil { stack.initialize(repeating: .undefined, count: Machine.stackCapacity) }
        stackEnd = stack + Machine.stackCapacity
        returnRegister = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        returnRegister.initialize(to: .nothing)
        depth = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        depth.initialize(to: 0)
        runningClosure = UnsafeMutablePointer<Unmanaged<Function>?>.allocate(capacity: 1)
        runningClosure.initialize(to: nil)
        for builtin in Registry.all.values {
            global(builtin.name).pointee = .builtin(builtin)
        }
        for c in Constants.all {
            global(c.name).pointee = .number(c.value)
        }
    }

    deinit {
        // Every call clears its frame on the way out, so the stack holds only trivial values.
        free(stack)
        returnRegister.deinitialize(count: 1)
        returnRegister.deallocate()
        depth.deallocate()
        runningClosure.deallocate()
        for p in globals.values {
            p.deinitialize(count: 1)
            p.deallocate()
        }
    }

    /// The cell of global `name`, created `.undefined` on first mention.
    func global(_ name: String) -> UnsafeMutablePointer<Value> {
        if let p = globals[name] { return p }
        let p = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        p.initialize(to: .undefined)
        globals[name] = p
        return p
    }

    /// True when `name` holds a value now.
    func isDefined(_ name: String) -> Bool {
        guard let p = globals[name] else { return false }
        if case .undefined = p.pointee { return false }
        return true
    }

    /// Drops every global's value and every pin. Compiled closures hold the machine, and
    /// the functions in its globals hold those closures: without this a session that
    /// defined a function never freed its machine (its 32 MB stack included) when the
    /// interpreter was dropped or reset.
    func dropValues() {
        pinned.removeAll()
        for p in globals.values { p.pointee = .undefined }
    }

    /// Keeps a function that a global write is about to drop alive until `unpin()`.
    func pin(_ v: Value) { pinned.append(v) }

    /// Drops the pins once no call is running (the end of a top-level statement).
    func unpin() {
        if depth.pointee == 0, !pinned.isEmpty { pinned.removeAll() }
    }

    /// Records that the user assigned `name` (for `:vars` and completion).
    func noteUserName(_ name: String) {
        if userNameSet.insert(name).inserted { userNames.append(name) }
    }

    /// Defined global names (builtins and the user's).
    var definedNames: [String] {
        globals.keys.filter { isDefined($0) }
    }

    // MARK: - Calls

    /// Calls any callable value: the general path (keywords, defaults, builtins, objects).
    func call(_ callee: Value, _ positional: [Value], keywords: [(String, Value)],
              base: UnsafeMutablePointer<Value>, span: SourceSpan,
              argumentSpans: [SourceSpan]? = nil, keywordSpans: [SourceSpan]? = nil) throws -> Value {
        if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
        switch callee {
        case .function(let f):
            let values = try bindFunction(f, positional, keywords, span: span)
            return try invoke(f, callee, values, base: base, span: span)
        case .builtin(let b):
            return try callBuiltin(b, positional, keywords, base: base, span: span,
                                   argumentSpans: argumentSpans, keywordSpans: keywordSpans)
        case .object(let o):
            guard let b = o.object.callSignature else {
                throw Diagnostic(.type, "\(o.object.typeName) is not callable", span)
            }
            return try callBuiltin(b, positional, keywords, base: base, span: span,
                                   argumentSpans: argumentSpans, keywordSpans: keywordSpans)
        default:
            throw Diagnostic(.type, "cannot call a value of type \(callee.typeName)", span)
        }
    }

    /// Runs `f` on a frame at `base` with its parameters already bound.
    @inline(__always)
    func invoke(_ f: Function, _ callee: Value, _ values: [Value], base: UnsafeMutablePointer<Value>,
                span: SourceSpan) throws -> Value {
        try enter(f, base: base, span: span)
        let caller = runningClosure.pointee
        if f.isClosure { runningClosure.pointee = Unmanaged.passUnretained(f) }
        defer { leave(f, base: base, caller: caller) }
        for (i, v) in values.enumerated() { base[i + 1] = v }
        do { return try f.body(base) } catch { throw Diagnostic.unwinding(error, from: f, calledAt: span) }
    }

    /// Runs `f` on the frame at `base` after `enter` succeeded and the arguments are in
    /// place; leaves on both exits (explicitly: the outlined `defer` cost ~30 instructions a call).
    @inline(__always)
    func run(_ f: Function, base: UnsafeMutablePointer<Value>) throws -> Value {
        let caller = runningClosure.pointee
        if f.isClosure { runningClosure.pointee = Unmanaged.passUnretained(f) }
        let r: Value
        do { r = try f.body(base) } catch {
            leave(f, base: base, caller: caller)
            throw error
        }
        leave(f, base: base, caller: caller)
        return r
    }

    /// Enters and runs `f` whose arguments are already in slots 1…arity of `base`;
    /// clears them when the call cannot start (recursion limit, Ctrl-C).
    @inline(__always)
    func runWithArguments(_ f: Function, base: UnsafeMutablePointer<Value>, span: SourceSpan) throws -> Value {
        do { try enter(f, base: base, span: span) } catch {
            for i in 0..<f.arity { base[i + 1] = .undefined }
            throw error
        }
        // The traceback is built here, on the way out of a failed call only.
        do { return try run(f, base: base) } catch { throw Diagnostic.unwinding(error, from: f, calledAt: span) }
    }

    /// Checks depth and stack room, counts the call.
    @inline(__always)
    func enter(_ f: Function, base: UnsafeMutablePointer<Value>, span: SourceSpan) throws {
        let d = depth.pointee
        if d >= Machine.maxDepth || base + f.frameSize >= stackEnd {
            throw Diagnostic(.recursion, "maximum recursion depth exceeded (\(Machine.maxDepth) calls) in '\(f.name)'", span)
        }
        if interruption.isRequested { throw Diagnostic(.interrupted, "interrupted", span) }
        depth.pointee = d + 1
    }

    /// Uncounts the call, gives the caller its running closure back and clears the frame
    /// so it holds no values alive.
    @inline(__always)
    func leave(_ f: Function, base: UnsafeMutablePointer<Value>, caller: Unmanaged<Function>?) {
        depth.pointee -= 1
        if f.isClosure { runningClosure.pointee = caller }
        for i in 1..<f.frameSize { Machine.release(base + i) }
    }

    /// Lets go of what a frame slot holds. A number, boolean or empty value holds no
    /// reference and stays: every call initialises its slots before reading them, and
    /// overwriting it with `.undefined` ran the outlined destroy of a `Value` per slot.
    @inline(__always)
    static func release(_ slot: UnsafeMutablePointer<Value>) {
        switch slot.pointee {
        case .number, .bool, .nothing, .undefined: break
        default: slot.pointee = .undefined
        }
    }

    /// Matches arguments to a language function's parameters.
    func bindFunction(_ f: Function, _ positional: [Value], _ keywords: [(String, Value)],
                      span: SourceSpan) throws -> [Value] {
        let n = f.parameterNames.count
        guard positional.count <= n else {
            throw Diagnostic(.argument, "\(f.name)() takes \(arityText(f.defaults)) but \(positional.count) were given", span,
                             notes: ["signature: \(f.signature)"])
        }
        var values = [Value?](repeating: nil, count: n)
        for (i, v) in positional.enumerated() { values[i] = v }
        for (name, v) in keywords {
            guard let i = f.parameterNames.firstIndex(of: name) else {
                throw Machine.unknownKeyword(name, of: f.name, names: f.parameterNames, signature: f.signature, at: span)
            }
            if values[i] != nil {
                throw Diagnostic(.argument, "\(f.name)() got two values for '\(name)'", span)
            }
            values[i] = v
        }
        var out: [Value] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            if let v = values[i] { out.append(v) } else if let d = f.defaults[i] { out.append(d) } else {
                throw Diagnostic(.argument, "\(f.name)() missing argument '\(f.parameterNames[i])'", span,
                                 notes: ["signature: \(f.signature)"])
            }
        }
        return out
    }

    private func arityText(_ defaults: [Value?]) -> String {
        let required = defaults.filter { $0 == nil }.count
        let total = defaults.count
        let range = required == total ? "\(total)" : "\(required) to \(total)"
        return "\(range) argument\(total == 1 ? "" : "s")"
    }

    /// Checks and binds a builtin's arguments by its declared parameters, then runs it.
    func callBuiltin(_ b: Builtin, _ positional: [Value], _ keywords: [(String, Value)],
                     base: UnsafeMutablePointer<Value>, span: SourceSpan,
                     argumentSpans: [SourceSpan]?, keywordSpans: [SourceSpan]?) throws -> Value {
        let params = b.parameters
        var values = [Value?](repeating: nil, count: params.count)
        var spans = [SourceSpan](repeating: span, count: params.count)
        var rest: [Value] = []
        var restSpans: [SourceSpan] = []
        var extra: [(name: String, value: Value, span: SourceSpan)] = []
        var p = 0
        for (k, v) in positional.enumerated() {
            let vspan = argumentSpans?[k] ?? span
            if p < params.count, params[p].isVariadic {
                rest.append(v); restSpans.append(vspan)
                continue
            }
            guard p < params.count else {
                let maxCount = params.count
                let minCount = b.requiredCount
                let range = minCount == maxCount ? "\(maxCount)" : "\(minCount) to \(maxCount)"
                throw Diagnostic(.argument,
                                 "\(b.name)() takes \(range) argument\(maxCount == 1 ? "" : "s") but \(positional.count) were given",
                                 vspan, notes: ["signature: \(b.signature)"])
            }
            values[p] = v
            spans[p] = vspan
            p += 1
        }
        for (k, (name, v)) in keywords.enumerated() {
            let kspan = keywordSpans?[k] ?? span
            guard let i = b.index(of: name), !params[i].isVariadic else {
                if b.takesKeywords { extra.append((name, v, kspan)); continue }
                throw Machine.unknownKeyword(name, of: b.name, names: b.names, signature: b.signature, at: kspan)
            }
            if values[i] != nil {
                throw Diagnostic(.argument, "\(b.name)() got two values for '\(name)'", kspan)
            }
            values[i] = v
            spans[i] = kspan
        }
        var bound: [Value] = []
        bound.reserveCapacity(params.count)
        for (i, param) in params.enumerated() {
            if let v = values[i] { bound.append(v) } else if param.isVariadic { bound.append(.nothing) } else if let d = param.defaultValue {
                bound.append(d)
            } else {
                throw Diagnostic(.argument, "\(b.name)() missing argument '\(param.name)'", span,
                                 notes: ["signature: \(b.signature)"])
            }
        }
        // A list or tuple of numbers passed for a tensor is that tensor, as the literal would
        // be: `sum(losses)` after `losses.append(...)`. A list of tensors stays a list: it may
        // be a structure of parameters (`grad(f, ps)`), not a stack.
        for i in bound.indices {
            switch bound[i] {
            case .list(let l): if let t = Machine.tensorArgument(params[i], l.items) { bound[i] = t }
            case .tuple(let t): if let x = Machine.tensorArgument(params[i], t.items) { bound[i] = x }
            default: continue
            }
        }
        // Types are checked once the call's shape is right, in parameter order so the
        // first wrong argument is reported; defaults are the builtin's own and need none.
        for i in params.indices {
            if params[i].isVariadic {
                for k in rest.indices { try Arguments.check(b, i, rest[k], restSpans[k]) }
            } else if values[i] != nil {
                try Arguments.check(b, i, bound[i], spans[i])
            }
        }
        var args = Arguments(builtin: b, values: bound, rest: rest, spans: spans, restSpans: restSpans, callSpan: span)
        args.keywords = extra
        return try perform(b, args, base: base, span: span)
    }

    /// Runs a builtin's body on arguments already bound and checked.
    @inline(__always)
    func perform(_ b: Builtin, _ args: Arguments, base: UnsafeMutablePointer<Value>, span: SourceSpan) throws -> Value {
        do {
            let result = try b.body(args, CallContext(machine: self, base: base, span: span))
            try Machine.refuseOverdraft(result, at: span)
            return result
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Machine.diagnostic(for: error, at: span)
        }
    }

    /// The 1-D tensor a sequence of numbers stands for when `param` takes a tensor, else nil.
    static func tensorArgument(_ param: Parameter, _ items: [Value]) -> Value? {
        guard param.type == .tensor || param.type == .differentiable, !param.isVariadic, !items.isEmpty else { return nil }
        var xs: [Double] = []
        xs.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .number(let x): xs.append(x)
            case .bool(let b): xs.append(b ? 1 : 0)
            default: return nil
            }
        }
        return Value(Tensor(xs))
    }

    /// "sum() has no parameter 'axs'", with the closest name and the signature as notes:
    /// the same for language functions and builtins.
    static func unknownKeyword(_ name: String, of callee: String, names: [String], signature: String,
                               at span: SourceSpan) -> Diagnostic {
        var notes = ["signature: \(signature)"]
        if let s = Suggest.closest(to: name, in: names) { notes.insert("did you mean '\(s)'?", at: 0) }
        return Diagnostic(.argument, "\(callee)() has no parameter '\(name)'", span, notes: notes)
    }

    /// A lower layer's error as a diagnostic at `span`.
    static func diagnostic(for error: Error, at span: SourceSpan) -> Diagnostic {
        switch error {
        case let d as Diagnostic: return d
        case let b as BuiltinError: return Diagnostic(b.kind, b.message, span)
        case let t as TensorError:
            let kind: Diagnostic.Kind
            switch t {
            case .shapeMismatch, .invalidShape, .notSquare: kind = .shape
            case .indexOutOfRange: kind = .index
            case .allocationTooLarge, .memoryLimitExceeded: kind = .memory
            case .singularMatrix, .didNotConverge: kind = .math
            case .invalidArgument: kind = .value
            }
            return Diagnostic(kind, t.description, span)
        default:
            return Diagnostic(.runtime, String(describing: error), span)
        }
    }
}
