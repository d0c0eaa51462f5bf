import Glibc
import Tensor

// range print precision assert isclose round floor help str typeof len

extension BuiltinGroup {
    /// Language essentials: ranges, printing, checks, conversions.
    static let core = BuiltinGroup(topic: "Core", builtins: [
        Builtin("range", [.init("start"), .init("stop", default: .nothing), .init("step", default: .number(1))],
                doc: "Numbers from start (default 0) up to but not including stop, by step; `for` iterates it without building it.",
                example: "range(5)") { args, context in
            let a = try args.number(0)
            let (start, stop) = args.has(1) ? (a, try args.number(1)) : (0, a)
            let step = try args.number(2)
            guard step != 0 else { throw args.error(2, "range() step cannot be zero", kind: .value) }
            return Value(try Tensor.arange(start, stop, step))
        },
        Builtin("print", [.variadic("values")],
                doc: "Shows the values separated by spaces (strings without quotes).",
                example: "print(\"loss\", 0.25)") { args, context in
            context.emit(.text(args.rest.map { context.machine.formatter.display($0) }.joined(separator: " ")))
            return .nothing
        },
        Builtin("precision", [.init("digits")],
                doc: "Sets how many digits after the point numbers and tensors print with (default 6).",
                example: "precision(10)") { args, context in
            let n = try args.int(0)
            guard (0...17).contains(n) else { throw args.error(0, "precision() takes 0 to 17 digits", kind: .value) }
            context.machine.formatter.precision = n
            return .nothing
        },
        Builtin("assert", [.init("condition"), .init("message", default: Value("assertion failed"))],
                doc: "Fails the cell with the message unless the condition is true (all elements for a tensor).",
                example: "assert(abs(0.1 + 0.2 - 0.3) < 1e-9, \"sum\")") { args, context in
            let ok: Bool
            switch args[0] {
            case .tensor(let t): ok = t.tensor.scalars.allSatisfy { $0 != 0 }
            default: ok = try Operators.truthy(args[0], args.span(0))
            }
            if !ok { throw context.error(try args.string(1), kind: .assertion) }
            return .nothing
        },
        Builtin("isclose", [.init("a"), .init("b"), .init("rtol", default: .number(1e-9)), .init("atol", default: .number(0))],
                doc: "True when every |a - b| <= atol + rtol * |b| (shapes broadcast).",
                example: "isclose(0.1 + 0.2, 0.3)") { args, _ in
            let a = try args.tensor(0), b = try args.tensor(1)
            let rtol = try args.number(2), atol = try args.number(3)
            let diff = try a.binary(.subtract, b).unary(.abs)
            let bound = try b.unary(.abs).binary(.multiply, Tensor(rtol)).binary(.add, Tensor(atol))
            return .bool(try diff.binary(.lessEqual, bound).scalars.allSatisfy { $0 != 0 })
        },
        Builtin("round", [.init("x"), .init("digits", default: .number(0))],
                doc: "Rounds to the given number of digits after the point (halves away from zero).",
                example: "round(3.14159, 2)") { args, _ in
            let scale = Glibc.pow(10, try Double(args.int(1)))
            return Operators.wrap(Operators.map(try args.tensor(0)) { ($0 * scale).rounded() / scale })
        },
        Builtin("floor", [.init("x")],
                doc: "The largest integer not above x, elementwise.",
                example: "floor(-1.5)") { args, _ in
            Operators.wrap(Operators.map(try args.tensor(0)) { $0.rounded(.down) })
        },
        Builtin("len", [.init("x")],
                doc: "Length of a list or string, or size of a tensor's first axis.",
                example: "len([1, 2, 3])") { args, _ in
            switch args[0] {
            case .list(let l): return .number(Double(l.items.count))
            case .string(let s): return .number(Double(s.value.count))
            case .tensor(let t) where t.tensor.rank > 0: return .number(Double(t.tensor.shape[0]))
            case .variable(let v) where v.rank > 0: return .number(Double(v.shape[0]))
            default: throw args.error(0, "len() needs a list, string or tensor of rank ≥ 1, got \(args[0].typeName)")
            }
        },
        Builtin("str", [.init("x")],
                doc: "The value as text, as print shows it.",
                example: "str(3) + \" apples\"") { args, context in
            Value(context.machine.formatter.display(args[0]))
        },
        Builtin("typeof", [.init("x")],
                doc: "The type's name: number, bool, string, tensor, variable, list, function, builtin, nothing or an object's type.",
                example: "typeof([1, 2])") { args, _ in
            Value(args[0].typeName)
        },
        Builtin("help", [.init("f")],
                doc: "Shows a builtin's signature, doc line and example (like `?name`).",
                example: "help(sum)") { args, context in
            switch args[0] {
            case .builtin(let b): context.emit(.text("\(b.signature)\n    \(b.doc)\n    example: \(b.example)"))
            case .function(let f): context.emit(.text(f.signature))
            default: context.emit(.text(args[0].typeName))
            }
            return .nothing
        },
    ])
}
