/// A call site's arguments matched to a builtin's parameters once, when the site is
/// compiled: which parameter each argument sets, the defaults of the rest, every span.
/// A call then only evaluates its arguments into a copy of `template`, checks their
/// types and runs the body. `Machine.callBuiltin` does the same matching by name on
/// every call (arrays of optionals, keyword look-ups, spans): 8× CPython on a loop of
/// `clip(i, low=0, high=10)` before.
///
/// Only a site whose arguments fit the builtin gets a binding; a call with too many
/// arguments, an unknown or repeated keyword or a missing one goes through
/// `callBuiltin`, which reports it.
///
/// A class, so a call site hands it on with one retain rather than one per array.
final class BuiltinBinding {
    /// Evaluates a site's arguments on the frame and `place`s them in the values and rest.
    typealias ArgumentWriter = (UnsafeMutablePointer<Value>, inout [Value], inout [Value]) throws -> Void

    /// The builtin the site was matched against; a call checks it is still the callee.
    let builtin: Builtin
    /// For each argument of the site, positional ones first and then keywords (the
    /// order they are evaluated in): the parameter it sets, nil for the variadic one.
    let targets: [Int?]
    /// One value per parameter: its default where the site gives none, `.nothing` in
    /// the variadic parameter's place and where an argument will be written.
    let template: [Value]
    /// Per parameter, the span of its argument (the call's where defaulted).
    let spans: [SourceSpan]
    /// Spans of the arguments the variadic parameter collects.
    let restSpans: [SourceSpan]
    /// The call's span.
    let span: SourceSpan
    /// The builtin and spans every call's `Arguments` share.
    private let layout: ArgumentLayout
    /// Per argument, the check that lets the common values through without `Arguments.check`.
    private let quickChecks: [QuickCheck]
    /// Per argument, true when its parameter takes a tensor: a list of numbers becomes one.
    private let takesTensor: [Bool]
    /// The array the last call bound its arguments in, kept for the next call so a call
    /// allocates none (`[]` while a call through this site runs). A raw pointer rather
    /// than a stored `var`: no exclusivity checks on the hot path, as with `Cell`.
    private let spare: UnsafeMutablePointer<[Value]>

    /// Matches `positional` argument spans and `keywords` (name and span) to `builtin`'s
    /// parameters, or nil when they do not fit (the general call reports why).
    init?(_ builtin: Builtin, positional: [SourceSpan], keywords: [(String, SourceSpan)], span: SourceSpan) {
        let params = builtin.parameters
        var template = [Value](repeating: .nothing, count: params.count)
        var given = [Bool](repeating: false, count: params.count)
        var spans = [SourceSpan](repeating: span, count: params.count)
        var targets: [Int?] = [], restSpans: [SourceSpan] = []
        var p = 0
        for argumentSpan in positional {
            if p < params.count, params[p].isVariadic {
                targets.append(nil)
                restSpans.append(argumentSpan)
                continue
            }
            guard p < params.count else { return nil }
            targets.append(p)
            given[p] = true
            spans[p] = argumentSpan
            p += 1
        }
        for (name, keywordSpan) in keywords {
            guard let i = builtin.index(of: name), !params[i].isVariadic, !given[i] else { return nil }
            targets.append(i)
            given[i] = true
            spans[i] = keywordSpan
        }
        for (i, param) in params.enumerated() where !given[i] && !param.isVariadic {
            guard let d = param.defaultValue else { return nil }
            // A default sequence for a tensor parameter would be converted on every call.
            switch d {
            case .list, .tuple: if param.type == .tensor || param.type == .differentiable { return nil }
            default: break
            }
            template[i] = d
        }
        self.builtin = builtin
        self.targets = targets
        self.template = template
        self.spans = spans
        self.restSpans = restSpans
        self.span = span
        layout = ArgumentLayout(builtin: builtin, spans: spans, restSpans: restSpans, callSpan: span)
        let variadicType = params.first(where: \.isVariadic)?.type
        quickChecks = targets.map { t in QuickCheck(t.map { params[$0].type } ?? variadicType ?? .any) }
        takesTensor = targets.map { t in
            guard let t else { return false }
            return params[t].type == .tensor || params[t].type == .differentiable
        }
        spare = UnsafeMutablePointer<[Value]>.allocate(capacity: 1)
        spare.initialize(to: template)
    }

    deinit {
        spare.deinitialize(count: 1)
        spare.deallocate()
    }

    /// Runs a call: `write` evaluates the site's arguments into their parameters' slots
    /// (with `place`; a method's receiver is argument 0), then the builtin runs on them.
    @inline(__always)
    func call(receiver: Value? = nil, _ write: ArgumentWriter, _ b: UnsafeMutablePointer<Value>, _ frame: Int,
              _ m: Machine) throws -> Value {
        // Take the spare array. Nothing else holds it once the previous call's `Arguments`
        // are gone, so the writes go in place; if a builtin kept its arguments, or a call
        // through this site is still running (recursion), copy-on-write or the empty
        // placeholder gives this call its own.
        var values = spare.move()
        spare.initialize(to: [])
        if values.count != template.count { values = template }
        var rest: [Value] = []
        if let receiver { place(receiver, 0, &values, &rest) }
        try write(b, &values, &rest)
        let result = try run(&values, rest, machine: m, base: b + frame)
        // Defaults back where the arguments went (the array keeps no argument alive), for the next call.
        for case let t? in targets { values[t] = template[t] }
        spare.pointee = values
        return result
    }

    /// Puts the value of the site's argument `k` in its parameter's slot, or among the variadic ones.
    @inline(__always)
    func place(_ v: Value, _ k: Int, _ values: inout [Value], _ rest: inout [Value]) {
        if let t = targets[k] { values[t] = v } else { rest.append(v) }
    }

    /// Checks the arguments the site wrote into `values` (`template` with them in) and
    /// `rest`, then runs the builtin: what `Machine.callBuiltin` does once it has matched.
    private func run(_ values: inout [Value], _ rest: [Value], machine: Machine,
                     base: UnsafeMutablePointer<Value>) throws -> Value {
        // A list or tuple of numbers passed for a tensor is that tensor, as in `callBuiltin`.
        var allPass = true
        var r = 0
        for k in targets.indices {
            guard let t = targets[k] else {
                if !quickChecks[k].passes(rest[r]) { allPass = false }
                r += 1
                continue
            }
            if takesTensor[k] {
                switch values[t] {
                case .list(let l): if let x = Machine.tensorArgument(builtin.parameters[t], l.items) { values[t] = x }
                case .tuple(let l): if let x = Machine.tensorArgument(builtin.parameters[t], l.items) { values[t] = x }
                default: break
                }
            }
            if !quickChecks[k].passes(values[t]) { allPass = false }
        }
        // Something unusual: the full checks, in parameter order so the first wrong argument is reported.
        if !allPass { try checkAll(values, rest) }
        let args = Arguments(layout: layout, values: values, rest: rest)
        return try machine.perform(builtin, args, base: base, span: span)
    }

    private func checkAll(_ values: [Value], _ rest: [Value]) throws {
        var isGiven = [Bool](repeating: false, count: values.count)
        for case let t? in targets { isGiven[t] = true }
        for i in builtin.parameters.indices {
            if builtin.parameters[i].isVariadic {
                for k in rest.indices { try Arguments.check(builtin, i, rest[k], restSpans[k]) }
            } else if isGiven[i] {
                try Arguments.check(builtin, i, values[i], spans[i])
            }
        }
    }
}

/// The common values a parameter type accepts, tested without `Arguments.check`'s
/// general path (which copies the parameter and builds no message unless it fails).
/// Anything else, `nothing` included, goes to the full check.
private enum QuickCheck {
    case anything, number, integer, bool, string, tensor, full

    init(_ type: ParameterType) {
        switch type {
        case .any, .described: self = .anything
        case .number: self = .number
        case .integer: self = .integer
        case .bool: self = .bool
        case .string: self = .string
        case .tensor, .differentiable: self = .tensor
        default: self = .full
        }
    }

    @inline(__always)
    func passes(_ v: Value) -> Bool {
        switch (self, v) {
        case (.anything, _): return true
        case (.number, .number): return true
        case (.integer, .number(let x)): return Int(exactly: x) != nil
        case (.bool, .bool), (.bool, .number): return true
        case (.string, .string): return true
        case (.tensor, .number), (.tensor, .tensor), (.tensor, .variable), (.tensor, .bool): return true
        default: return false
        }
    }
}
