import Glibc
import Tensor

// range print precision assert help str typeof len

extension BuiltinGroup {
    /// Language essentials: ranges, printing, checks, conversions.
    static let core = BuiltinGroup(topic: "Core", builtins: [
        Builtin("range", BuiltinHelpers.rangeParameters,
                doc: "Numbers from start (default 0) up to but not including stop, by step; `for` iterates it without building it.",
                example: "range(5)") { args, _ in
            try BuiltinHelpers.range(args)
        },
        Builtin("print", [.variadic("values", .any, doc: "what to show, in order"),
                          .init("sep", .string, default: Value(" "), doc: "what goes between the values (keyword only)")],
                doc: "Shows the values separated by spaces, or by `sep` (strings without quotes).",
                example: "print(\"loss\", 0.25)") { args, context in
            let separator = try args.string("sep")
            context.emit(.text(args.rest.map { context.machine.formatter.display($0) }.joined(separator: separator)))
            return .nothing
        },
        Builtin("precision", [.init("digits", .integer, doc: "digits after the point, 0 to 17")],
                doc: "Sets how many digits after the point numbers and tensors print with (default 6).",
                example: "precision(10)") { args, context in
            let n = try args.int("digits")
            guard (0...17).contains(n) else { throw args.error("digits", "precision() takes 0 to 17 digits", kind: .value) }
            context.machine.formatter.precision = n
            return .nothing
        },
        Builtin("assert", [.init("condition", .any, doc: "a boolean, or a tensor whose elements must all be nonzero"),
                           .init("message", .string, default: Value("assertion failed"), doc: "the error when it fails")],
                doc: "Fails the cell with the message unless the condition is true (all elements for a tensor).",
                example: "assert(abs(0.1 + 0.2 - 0.3) < 1e-9, \"sum\")") { args, context in
            let ok: Bool
            let condition = args["condition"]
            switch condition {
            case .tensor(let t): ok = t.tensor.scalars.allSatisfy { $0 != 0 }
            default: ok = try Operators.truthy(condition, args.span("condition"))
            }
            if !ok { throw context.error(try args.string("message"), kind: .assertion) }
            return .nothing
        },
        Builtin("len", [.init("x", .described("list, tuple, dict, string or tensor"), doc: "what to measure")],
                doc: "Length of a list, tuple, dict or string, or size of a tensor's first axis.",
                example: "len([1, 2, 3])",
                value: { x in
                    switch x {
                    case .list(let l): return .number(Double(l.items.count))
                    case .tuple(let t): return .number(Double(t.items.count))
                    case .dict(let d): return .number(Double(d.count))
                    case .string(let s): return .number(Double(s.value.count))
                    default: return nil
                    }
                }) { args, _ in
            let x = args["x"]
            switch x {
            case .list(let l): return .number(Double(l.items.count))
            case .tuple(let t): return .number(Double(t.items.count))
            case .dict(let d): return .number(Double(d.count))
            case .string(let s): return .number(Double(s.value.count))
            case .tensor(let t) where t.tensor.rank > 0: return .number(Double(t.tensor.shape[0]))
            case .variable(let v) where v.rank > 0: return .number(Double(v.shape[0]))
            default: throw args.error("x", "len() needs a list, tuple, dict, string or tensor of rank ≥ 1, got \(x.typeName)")
            }
        },
        Builtin("int", [.init("x", .described("number, bool, one-element tensor or string"), doc: "the value")],
                doc: "The value as a whole number, cut toward zero as Python's int() does; a string must hold an integer (\"42\").",
                example: "int(-2.7)") { args, _ in
            let x = args["x"]
            if case .string(let text) = x {
                let trimmed = text.value.trimmingWhitespace
                guard let n = Int(trimmed) else {
                    throw args.error("x", "int() cannot read \"\(text.value)\" as an integer", kind: .value)
                }
                return .number(Double(n))
            }
            guard let v = ParameterType.scalar(x) else {
                throw args.error("x", "int() needs a number, bool, one-element tensor or string, got \(x.typeName)")
            }
            guard v.isFinite else { throw args.error("x", "int() cannot convert \(v) to an integer", kind: .value) }
            return .number(v.rounded(.towardZero))
        },
        Builtin("dict", [.init("pairs", .described("dict, or list or tuple of (key, value) pairs"), default: .nothing,
                               doc: "the entries to start from; keywords add more")],
                doc: "A new dict: empty, a copy of a dict, from (key, value) pairs, or from keywords (`dict(lr=0.1, epochs=5)`).",
                example: "dict(lr=0.1, epochs=5)", takesKeywords: true) { args, _ in
            let d = DictBox()
            if args.has("pairs") {
                switch args["pairs"] {
                case .dict(let other):
                    for (k, v) in zip(other.keys, other.values) { d.set(k, v) }
                case .list, .tuple:
                    for (i, pair) in try Operators.elements(args["pairs"], args.span("pairs")).enumerated() {
                        guard case .tuple(let t) = pair, t.items.count == 2 else {
                            throw args.error("pairs", "dict() entry \(i) is not a (key, value) pair", kind: .value)
                        }
                        guard let k = DictKey(t.items[0]) else { throw Operators.unhashable(t.items[0], args.span("pairs")) }
                        d.set(k, t.items[1])
                    }
                default:
                    throw args.error("pairs", "dict() needs a dict or a list of (key, value) pairs, got \(args["pairs"].typeName)")
                }
            }
            for (name, value, _) in args.keywords { d.set(.string(name), value) }
            return .dict(d)
        },
        Builtin("str", [.init("x", .any, doc: "the value to show")],
                doc: "The value as text, as print shows it.",
                example: "str(3) + \" apples\"",
                value: { x in
                    // What `display` gives for these, whatever the precision: a whole number
                    // prints as its integer, a string as itself (strings are immutable).
                    switch x {
                    case .number(let n) where n == n.rounded() && Swift.abs(n) < 1e16: return Value(String(Int64(n)))
                    case .string: return x
                    default: return nil
                    }
                }) { args, context in
            Value(context.machine.formatter.display(args["x"]))
        },
        Builtin("typeof", [.init("x", .any, doc: "any value")],
                doc: "The type's name: number, bool, string, tensor, variable, list, tuple, dict, function, builtin, nothing or an object's type.",
                example: "typeof([1, 2])") { args, _ in
            Value(args["x"].typeName)
        },
        Builtin("help", [.init("f", .any, doc: "a builtin or function")],
                doc: "Shows a builtin's signature, doc line, parameters and example (like `?name`).",
                example: "help(sum)") { args, context in
            let f = args["f"]
            switch f {
            case .builtin(let b): context.emit(.text(b.help))
            case .function(let f): context.emit(.text(f.signature))
            default: context.emit(.text(f.typeName))
            }
            return .nothing
        },
    ])
}
