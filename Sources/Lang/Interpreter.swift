import Tensor

/// The language's entry point for every front end (REPL, notebook replay,
/// scripts). It keeps the session's variables between `run` calls and never
/// prints: what a chunk shows goes to `outputHandler`, and an error comes
/// back as a `Diagnostic` with the session intact.
///
///     let interpreter = Interpreter()
///     interpreter.outputHandler = { if case .text(let s) = $0 { print(s) } }
///     if let d = interpreter.run("x = 3\nx^2", origin: "cell") {
///         print(d.render(source: "x = 3\nx^2", origin: "cell", color: false))
///     }
public final class Interpreter {
    /// Stops this interpreter's running chunk and no other: Ctrl-C, a kernel
    /// interrupt or a replayed cell's time limit requests it from any thread.
    public let interruption: InterruptToken

    /// Bounds the tensors this interpreter allocates (the elements of one allocation);
    /// current on its evaluation thread while a chunk runs.
    public let memoryBudget: MemoryBudget

    private var machine: Machine

    /// Receives echoes, `print` output and plots, in order.
    public var outputHandler: (Output) -> Void {
        get { machine.outputHandler }
        set { machine.outputHandler = newValue }
    }

    /// What the file builtins may open and where relative paths start: unconfined by
    /// default (the prompt, the kernel); replay confines a notebook to its folder.
    public var fileAccess: FileAccess {
        get { machine.fileAccess }
        set { machine.fileAccess = newValue }
    }

    /// Receives progress of long builtins (`fit`, `minimize`); nil to ignore.
    public var progressHandler: ((Progress) -> Void)? {
        get { machine.progressHandler }
        set { machine.progressHandler = newValue }
    }

    /// Receives top-level echoes instead of `outputHandler` when set, for a front end
    /// that shows a result apart from printed text (Jupyter's `execute_result`).
    public var echoHandler: ((Echo) -> Void)? {
        get { machine.echoHandler }
        set { machine.echoHandler = newValue }
    }

    /// A fresh session with only the builtins defined.
    /// - Parameters:
    ///   - interruption: the token that stops it; pass another interpreter's to let
    ///     one request stop both (a replay the REPL runs for `:run`).
    ///   - memoryBudget: what bounds its tensors (default: a budget of its own).
    public init(interruption: InterruptToken = InterruptToken(), memoryBudget: MemoryBudget = MemoryBudget()) {
        self.interruption = interruption
        self.memoryBudget = memoryBudget
        machine = Machine(interruption: interruption)
    }

    deinit { machine.dropValues() }

    /// Parses, resolves, compiles and runs `source` (a REPL entry, a notebook
    /// cell or a whole script). Top-level statements echo their values unless
    /// they end with `;`.
    /// - Parameter origin: the file or cell name (diagnostics are rendered with it later).
    /// - Returns: nil on success, or the first error; variables assigned before it keep their values.
    @discardableResult
    public func run(_ source: String, origin: String) -> Diagnostic? {
        interruption.clear()
        let m = machine, budget = memoryBudget
        var failure: Diagnostic?
        // Everything runs on the big-stack thread: parsing, resolving and compiling
        // recurse over the syntax too, and long operator chains nest deeply.
        EvaluationThread.run {
            failure = budget.whileCurrent { Interpreter.execute(SourceText(text: source, origin: origin), on: m) }
        }
        return failure
    }

    private static func execute(_ chunk: SourceText, on m: Machine) -> Diagnostic? {
        let source = chunk.text
        let program: [Stmt]
        switch Parser.parse(source) {
        case .success(let p): program = p
        case .failure(let d): return d
        }
        var resolver = Resolver()
        do {
            try resolver.resolve(program)
        } catch let d as Diagnostic {
            return d
        } catch {
            // The resolver throws diagnostics only; anything else is blamed on the whole chunk.
            return Diagnostic(.runtime, "\(error)", SourceSpan(start: 0, end: source.utf8.count, line: 1))
        }
        let compiler = Compiler(machine: m, scopes: resolver.scopes, source: chunk, assignedGlobals: resolver.chunkGlobals)
        let statements = program.map { compiler.topLevel($0) }
        var failure: Diagnostic?
        let base = m.stack
        for (s, statement) in zip(statements, program) {
            do {
                let v = try s(base)
                switch v {
                case .nothing, .undefined: break
                // A definition (or an assignment of a lambda) says nothing; a bare
                // function name echoes its signature, as `?` and the REPL describe it.
                case .function where !statement.isBareExpression: break
                default:
                    let text = m.formatter.format(v)
                    if let echo = m.echoHandler {
                        echo(Echo(text: text, value: v))
                    } else {
                        m.outputHandler(.text(text))
                    }
                }
            } catch let d as Diagnostic {
                // The last call unwound was made from this chunk's top level.
                d.trace?.finish(at: chunk)
                failure = d
                break
            } catch {
                // A lower layer's error that no builtin translated: the statement is where it happened.
                failure = Diagnostic(.runtime, "\(error)", statement.span)
                break
            }
        }
        m.depth.pointee = 0
        m.returnRegister.pointee = .nothing
        return failure
    }

    /// Whether `source` is ready to run or needs more lines (an open block or bracket).
    public func checkComplete(_ source: String) -> Completeness {
        let tokens: [Token]
        do { tokens = try Lexer.tokenize(source) } catch { return .invalid }
        var depth = 0
        for t in tokens {
            switch t.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): depth -= 1
            default: break
            }
        }
        if depth > 0 { return .incomplete }
        var parser = Parser(tokens: tokens)
        _ = parser.program()
        if parser.errors.isEmpty { return .complete }
        return parser.firstErrorAtEnd ? .incomplete : .invalid
    }

    /// Names that complete `prefix`: variables, builtins and keywords; after
    /// `name.`, the attributes of that variable's value.
    public func completions(for prefix: String) -> [String] {
        if let dot = prefix.lastIndex(of: ".") {
            let head = String(prefix[..<dot]), tail = String(prefix[prefix.index(after: dot)...])
            guard let p = machine.globals[head] else { return [] }
            let names: [String]
            switch p.pointee {
            case .tensor: names = Operators.tensorMemberNames
            case .variable: names = Operators.tensorMemberNames + ["value"]
            case .object(let o): names = o.object.attributeNames
            case .list, .dict, .tuple, .string: names = (Methods.names[p.pointee.typeName] ?? []).sorted()
            default: names = []
            }
            return names.filter { $0.hasPrefix(tail) }.sorted().map { head + "." + $0 }
        }
        var names = Set(machine.definedNames)
        for k in Keyword.allCases { names.insert(k.rawValue) }
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// After `cfg["` (or `cfg[`) where `cfg` is a dict: its string keys that start with
    /// `prefix`, closed with `"]`; nil when the text does not end so.
    func dictKeyCompletions(for prefix: String, after text: String) -> [String]? {
        var head = Substring(text)
        let quoted = head.hasSuffix("\"")
        if quoted { head = head.dropLast() }
        guard head.hasSuffix("[") else { return nil }
        head = head.dropLast()
        let name = String(head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        guard !name.isEmpty, let p = machine.globals[name], case .dict(let d) = p.pointee else { return nil }
        let keys = d.keys.compactMap { k -> String? in
            if case .string(let s) = k, s.hasPrefix(prefix) { return s }
            return nil
        }
        return keys.map { quoted ? $0 + "\"]" : "\"" + $0 + "\"]" }
    }

    /// Tab completion that knows the text before the word: inside a call of a
    /// builtin or callable object, its keyword names come first
    /// (`fit(model, X, Y, ep` offers `epochs=`), then `completions(for:)`.
    /// - Parameters:
    ///   - prefix: the word being completed.
    ///   - text: the entry up to where the word starts.
    public func completions(for prefix: String, after text: String) -> [String] {
        if let keys = dictKeyCompletions(for: prefix, after: text) { return keys }
        let general = completions(for: prefix)
        guard !prefix.contains("."), let b = enclosingCallee(text) else { return general }
        let keywords = b.parameters.filter { !$0.isVariadic && $0.name.hasPrefix(prefix) }.map { $0.name + "=" }
        return keywords + general
    }

    /// The help of the builtin whose call is still open at the end of `text`, as
    /// Jupyter's Shift-Tab after `linspace(` expects; nil outside a builtin's call.
    public func help(inCallBefore text: String) -> String? {
        guard let b = enclosingCallee(text) else { return nil }
        return help(for: b.name)
    }

    /// The builtin whose call's parentheses are still open at the end of `text`.
    private func enclosingCallee(_ text: String) -> Builtin? {
        var opens: [String.Index] = []
        var inString = false, escaped = false, inComment = false
        for i in text.indices {
            let c = text[i]
            if inComment { if c == "\n" { inComment = false }; continue }
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
                continue
            }
            switch c {
            case "\"": inString = true
            case "#": inComment = true
            case "(", "[", "{": opens.append(i)
            case ")", "]", "}": _ = opens.popLast()
            default: break
            }
        }
        guard let open = opens.last, text[open] == "(" else { return nil }
        let head = text[..<open]
        let name = String(head.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
        guard !name.isEmpty, let p = machine.globals[name] else { return nil }
        switch p.pointee {
        case .builtin(let b): return b
        case .object(let o): return o.object.callSignature
        default: return nil
        }
    }

    /// `?name` help: a builtin's signature, doc line, parameters and example; a user function's signature.
    public func help(for name: String) -> String? {
        if let b = Registry.all[name] {
            return b.help
        }
        if let c = Constants.help(name) { return c }
        if let b = Registry.stringMethods[name] { return b.help + "\n    a method of strings: s.\(name)(...)" }
        if let b = Registry.listMethods[name] { return b.help + "\n    a method of lists: xs.\(name)(...)" }
        guard let p = machine.globals[name] else { return nil }
        switch p.pointee {
        case .function(let f): return "\(f.signature)\n    defined by you"
        case .builtin(let b): return b.help
        case .object(let o): return "\(o.object.typeName) object; attributes: \(o.object.attributeNames.joined(separator: ", "))"
        default: return nil
        }
    }

    /// The user's variables in order of first assignment, with type and shape.
    public var variables: [VariableInfo] {
        machine.userNames.compactMap { name in
            guard let p = machine.globals[name] else { return nil }
            let v = p.pointee
            if case .undefined = v { return nil }
            var shape: String?
            switch v {
            case .tensor(let t): shape = formatShape(t.tensor.shape)
            case .variable(let x): shape = formatShape(x.shape)
            default: shape = nil
            }
            return VariableInfo(name: name, type: v.typeName, shape: shape)
        }
    }

    /// Forgets every variable and setting (precision, the random stream restarts from
    /// seed 0); keeps the handlers, the interruption token and the memory budget.
    public func reset() {
        let output = machine.outputHandler, progress = machine.progressHandler, echo = machine.echoHandler
        let access = machine.fileAccess
        machine.dropValues()
        machine = Machine(interruption: interruption)
        // What the command line confined the session to outlives `:reset`.
        machine.fileAccess = access
        machine.outputHandler = output
        machine.progressHandler = progress
        machine.echoHandler = echo
    }
}
