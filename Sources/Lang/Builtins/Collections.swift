import Tensor

// append pop extend insert keys values items get enumerate zip reversed sorted list tuple format

extension BuiltinGroup {
    /// Lists, tuples and dicts, as Python has them. Each is also a method of its
    /// first argument's value: `l.append(x)` is `append(l, x)`.
    static let collections = BuiltinGroup(topic: "Collections", builtins: [
        Builtin("append", [.init("list", .described("list"), doc: "the list to grow (changed in place)"),
                           .init("x", .any, doc: "the value to add at the end")],
                doc: "Adds x at the end of the list; every name for the list sees it. Also `l.append(x)`.",
                example: "losses = []; losses.append(0.25); losses") { args, _ in
            try list(args, "list").items.append(args["x"])
            return .nothing
        },
        Builtin("pop", [.init("c", .described("list or dict"), doc: "the list or dict to take from (changed in place)"),
                        .init("at", .any, default: .nothing, doc: "a list position (default the last) or a dict key"),
                        .init("default", .any, default: .nothing, doc: "a dict's value when the key is missing (else an error)")],
                doc: "Removes and returns a list's element (the last by default) or a dict's value by key. Also `l.pop()`.",
                example: "l = [\"a\", \"b\"]; l.pop()") { args, _ in
            switch args["c"] {
            case .list(let l):
                guard !l.items.isEmpty else { throw args.error("c", "pop() from an empty list", kind: .index) }
                let i = args.has("at") ? try position(args, "at", count: l.items.count, insert: false) : l.items.count - 1
                return l.items.remove(at: i)
            case .dict(let d):
                guard args.has("at") else { throw args.error("at", "pop() on a dict needs a key") }
                let key = args["at"]
                guard let k = DictKey(key) else { throw Operators.unhashable(key, args.span("at")) }
                if let v = d.remove(k) { return v }
                if args.has("default") { return args["default"] }
                throw Operators.missingKey(d, key, args.span("at"))
            default:
                throw args.error("c", "pop() needs a list or dict, got \(args["c"].typeName)")
            }
        },
        Builtin("extend", [.init("list", .described("list"), doc: "the list to grow (changed in place)"),
                           .init("items", .described("list, tuple or tensor"), doc: "the values to add, in order")],
                doc: "Adds every element of items at the end of the list. Also `l.extend(items)`.",
                example: "l = [\"a\"]; l.extend([\"b\", \"c\"]); l") { args, _ in
            let l = try list(args, "list")
            l.items.append(contentsOf: try Operators.elements(args["items"], args.span("items")))
            return .nothing
        },
        Builtin("insert", [.init("list", .described("list"), doc: "the list to change in place"),
                           .init("at", .integer, doc: "the position the value takes (negative from the end; clamped)"),
                           .init("x", .any, doc: "the value")],
                doc: "Puts x before position `at`, as Python's list.insert. Also `l.insert(0, x)`.",
                example: "l = [\"b\"]; l.insert(0, \"a\"); l") { args, _ in
            let l = try list(args, "list")
            l.items.insert(args["x"], at: try position(args, "at", count: l.items.count, insert: true))
            return .nothing
        },
        Builtin("keys", [.init("d", .described("dict"), doc: "the dict")],
                doc: "The dict's keys as a list, in insertion order. Also `d.keys()`.",
                example: "keys({\"lr\": 0.1, \"epochs\": 5})") { args, _ in
            Value(list: try dict(args).keys.map(\.value))
        },
        Builtin("values", [.init("d", .described("dict"), doc: "the dict")],
                doc: "The dict's values as a list, in insertion order. Also `d.values()`.",
                example: "values({\"lr\": 0.1, \"epochs\": 5})") { args, _ in
            Value(list: try dict(args).values)
        },
        Builtin("items", [.init("d", .described("dict"), doc: "the dict")],
                doc: "The dict's (key, value) tuples as a list, in insertion order: `for k, v in items(d)`.",
                example: "items({\"lr\": 0.1, \"epochs\": 5})") { args, _ in
            let d = try dict(args)
            return Value(list: zip(d.keys, d.values).map { Value(tuple: [$0.value, $1]) })
        },
        Builtin("get", [.init("d", .described("dict"), doc: "the dict"),
                        .init("key", .any, doc: "the key to look up"),
                        .init("default", .any, default: .nothing, doc: "what a missing key gives")],
                doc: "The value under key, or the default when the dict lacks it. Also `d.get(key, default)`.",
                example: "get({\"lr\": 0.1}, \"momentum\", 0.9)") { args, _ in
            let d = try dict(args), key = args["key"]
            guard let k = DictKey(key) else { throw Operators.unhashable(key, args.span("key")) }
            return d[k] ?? args["default"]
        },
        Builtin("enumerate", [.init("xs", .described("list, tuple, tensor, dict or string"), doc: "what to number"),
                              .init("start", .integer, default: .number(0), doc: "the first number")],
                doc: "(i, x) tuples numbering the elements: `for i, x in enumerate(v)`.",
                example: "enumerate([\"a\", \"b\"])") { args, _ in
            let start = try args.int("start")
            let xs = try Operators.elements(args["xs"], args.span("xs"))
            return Value(list: xs.enumerated().map { Value(tuple: [.number(Double($0 + start)), $1]) })
        },
        Builtin("zip", [.variadic("sequences", .described("list, tuple, tensor, dict or string"), doc: "the sequences to walk together")],
                doc: "Tuples of the sequences' elements side by side, as long as the shortest: `for (p, g) in zip(ps, gs)`.",
                example: "zip([1, 2, 3], [\"a\", \"b\", \"c\"])") { args, _ in
            let seqs = try zip(args.rest, args.restSpans).map { try Operators.elements($0, $1) }
            let n = seqs.map(\.count).min() ?? 0
            return Value(list: (0..<n).map { i in Value(tuple: seqs.map { $0[i] }) })
        },
        Builtin("reversed", [.init("xs", .described("list, tuple, tensor or string"), doc: "what to reverse")],
                doc: "The elements last to first, of the same kind (a tensor's first axis flipped).",
                example: "reversed([1, 2, 3])") { args, _ in
            let xs = args["xs"]
            let items = try Operators.elements(xs, args.span("xs")).reversed()
            switch xs {
            case .tuple: return Value(tuple: Array(items))
            case .string(let s): return Value(String(s.value.reversed()))
            case .tensor, .variable: return try Operators.makeList(Array(items), args.span("xs"))
            default: return Value(list: Array(items))
            }
        },
        Builtin("sorted", [.init("xs", .described("list, tuple, tensor, dict or string"), doc: "what to sort"),
                           .init("key", .any, default: .nothing, doc: "a function whose result orders the elements"),
                           .init("reverse", .bool, default: .bool(false), doc: "largest first")],
                doc: "The elements in increasing order (numbers by value, strings alphabetically, tuples element by element); stable. Numbers give a tensor, other values a list.",
                example: "sorted([\"sgd\", \"adam\", \"rmsprop\"])") { args, context in
            let xs = try Operators.elements(args["xs"], args.span("xs"))
            var keys: [Value]?
            if args.has("key") {
                let f = args["key"]
                keys = try xs.map { try context.call(f, [$0]) }
            }
            let out = try Ordering.sorted(xs, keys: keys, reverse: try args.bool("reverse"), args.span("xs"))
            if case .list = args["xs"] { return Value(list: out) }
            return try Operators.makeList(out, args.span("xs"))
        },
        Builtin("list", [.init("xs", .any, default: .nothing, doc: "a list, tuple, tensor, dict (its keys) or string; none for []")],
                doc: "A new list of the elements (a tensor gives its numbers or rows): a copy that later changes do not share.",
                example: "list(range(3))") { args, _ in
            guard args.has("xs") else { return Value(list: []) }
            return Value(list: try Operators.elements(args["xs"], args.span("xs")))
        },
        Builtin("tuple", [.init("xs", .any, default: .nothing, doc: "a list, tensor, dict (its keys) or string; none for ()")],
                doc: "A tuple of the elements.",
                example: "tuple([\"a\", \"b\"])") { args, _ in
            guard args.has("xs") else { return Value(tuple: []) }
            return Value(tuple: try Operators.elements(args["xs"], args.span("xs")))
        },
        Builtin("format", [.init("x", .any, doc: "the value"),
                           .init("spec", .string, default: Value(""), doc: "Python's format spec: [[fill]align][sign][#][0][width][,][.precision][type]")],
                doc: "The value as text under a format spec, as an f-string field `{x:spec}` shows it: types e f g % d x o b s.",
                example: "format(1234.5678, \",.2f\")") { args, context in
            do {
                return Value(try FormatSpec(try args.string("spec")).format(args["x"], context.machine.formatter))
            } catch let e as FormatSpec.Failure {
                throw args.error("spec", e.message, kind: .value)
            }
        },
    ])

    private static func list(_ args: Arguments, _ name: String) throws -> ListBox {
        guard case .list(let l) = args[name] else { throw args.error(name, "\(args.builtin.name)() needs a list, got \(args[name].typeName)") }
        return l
    }

    private static func dict(_ args: Arguments) throws -> DictBox {
        guard case .dict(let d) = args["d"] else { throw args.error("d", "\(args.builtin.name)() needs a dict, got \(args["d"].typeName)") }
        return d
    }

    /// A list position from parameter `name`: negative counts from the end; for
    /// `insert` it is clamped as Python's is, otherwise it must be in range.
    private static func position(_ args: Arguments, _ name: String, count: Int, insert: Bool) throws -> Int {
        guard let x = ParameterType.scalar(args[name]), let i = Int(exactly: x) else {
            throw args.error(name, "\(args.builtin.name)() needs an integer position, got \(ValueFormatter.brief(args[name]))", kind: .index)
        }
        let j = i < 0 ? i + count : i
        if insert { return Swift.min(Swift.max(j, 0), count) }
        guard j >= 0, j < count else {
            throw args.error(name, "index \(i) is out of range for a list of \(count)", kind: .index)
        }
        return j
    }
}

/// Which builtins a value of each kind takes as methods: `l.append(x)` calls
/// `append(l, x)`. Only these names: a variable that shadows a builtin does not
/// change what a method means.
enum Methods {
    static let names: [String: Set<String>] = [
        "list": Set(["append", "pop", "extend", "insert", "sorted", "reversed", "enumerate"]).union(Registry.listMethods.keys),
        "dict": ["keys", "values", "items", "get", "pop"],
        "tuple": ["enumerate", "sorted", "reversed"],
        "string": Set(Registry.stringMethods.keys),
    ]

    /// The builtin `value.name(...)` calls, or nil when the value has no such method.
    static func lookup(_ value: Value, _ name: String) -> Builtin? {
        if case .string = value { return Registry.stringMethods[name] }
        if case .list = value, let b = Registry.listMethods[name] { return b }
        guard names[value.typeName]?.contains(name) == true else { return nil }
        return Registry.all[name]
    }
}
