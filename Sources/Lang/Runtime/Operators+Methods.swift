/// Method calls on tensors: `x.f(args)` is `f(x, args)` for every builtin whose first
/// parameter takes a tensor (`X.mean(axis=0)`, `X.reshape(2, 3)`, `w.sum()`).
///
/// The attribute evaluates to the builtin bound to its receiver: the same builtin
/// without its first parameter, so arguments are checked, and errors and help read,
/// exactly as for the plain call. The attributes `T shape ndim size` come first.
extension Operators {
    /// The builtins a tensor has as methods, by name (for completion and suggestions).
    static let tensorMethods: [String: Builtin] = Registry.all.filter { _, b in
        guard let first = b.parameters.first, !first.isVariadic else { return false }
        switch first.type {
        case .tensor, .differentiable: return true
        default: return false
        }
    }

    /// Every name after `x.` on a tensor: attributes, then methods, sorted.
    static let tensorMemberNames: [String] = tensorAttributes + tensorMethods.keys.filter { !tensorAttributes.contains($0) }.sorted()

    /// `receiver.name` as a method bound to `receiver`, or nil when no builtin of that name takes a tensor first.
    static func method(_ name: String, of receiver: Value) -> Value? {
        guard let b = tensorMethods[name] else { return nil }
        return .builtin(Builtin(b.name, Array(b.parameters.dropFirst()), doc: b.doc, example: b.example) { args, context in
            // The receiver takes the first slot; its span is the call's, the nearest the call keeps.
            let full = Arguments(builtin: b, values: [receiver] + args.values, rest: args.rest,
                                 spans: [args.callSpan] + args.spans, restSpans: args.restSpans, callSpan: args.callSpan)
            return try b.body(full, context)
        })
    }
}
