// upper lower strip split join replace startswith endswith find count

extension BuiltinGroup {
    /// Methods of strings, as Python has them: `s.upper()`, `s.split(",")`, `", ".join(names)`.
    /// Methods only, not global names (`split` is the tensor builtin): `Methods` finds them
    /// for a string receiver. Positions count characters, as `len` and indexing do.
    static let strings = BuiltinGroup(topic: "String methods", builtins: [
        Builtin("upper", [text], doc: "The string in capitals. Also `s.upper()`.",
                example: "\"adam\".upper()") { args, _ in
            Value(try args.string("s").uppercased())
        },
        Builtin("lower", [text], doc: "The string in small letters.",
                example: "\"SGD\".lower()") { args, _ in
            Value(try args.string("s").lowercased())
        },
        Builtin("strip", [text, .init("chars", .string, default: .nothing, doc: "the characters to remove (default whitespace)")],
                doc: "The string without leading and trailing whitespace (or `chars`).",
                example: "\"  loss \\n\".strip()") { args, _ in
            let s = try args.string("s")
            let chars = try args.optionalString("chars").map(Set.init)
            return Value(s.trimming { c in chars?.contains(c) ?? c.isWhitespace })
        },
        Builtin("split", [text, .init("sep", .string, default: .nothing, doc: "the separator (default: runs of whitespace)")],
                doc: "The pieces between separators, as a list; without `sep`, the words between runs of whitespace.",
                example: "\"a,b,,c\".split(\",\")") { args, _ in
            let s = try args.string("s")
            guard let sep = try args.optionalString("sep") else {
                return Value(list: s.split(whereSeparator: \.isWhitespace).map { Value(String($0)) })
            }
            guard !sep.isEmpty else { throw args.error("sep", "split() needs a non-empty separator", kind: .value) }
            return Value(list: s.split(separator: sep, omittingEmptySubsequences: false).map { Value(String($0)) })
        },
        Builtin("join", [text, .init("items", .described("list or tuple of strings"), doc: "the strings to join")],
                doc: "The items joined with the string between them.",
                example: "\", \".join([\"sgd\", \"adam\"])") { args, _ in
            let parts: [Value]
            switch args["items"] {
            case .list(let l): parts = l.items
            case .tuple(let t): parts = t.items
            default: throw args.error("items", "join() needs a list or tuple of strings, got \(args["items"].typeName)")
            }
            var pieces: [String] = []
            for (i, part) in parts.enumerated() {
                guard case .string(let p) = part else {
                    throw args.error("items", "join() item \(i) is a \(part.typeName), not a string")
                }
                pieces.append(p.value)
            }
            return Value(pieces.joined(separator: try args.string("s")))
        },
        Builtin("replace", [text, .init("old", .string, doc: "the text to replace"),
                            .init("new", .string, doc: "what replaces it"),
                            .init("count", .integer, default: .nothing, doc: "at most this many, from the left (default all)")],
                doc: "The string with `old` replaced by `new`.",
                example: "\"lr=0.1\".replace(\"0.1\", \"0.01\")") { args, _ in
            let s = try args.string("s"), old = try args.string("old"), new = try args.string("new")
            guard !old.isEmpty else { throw args.error("old", "replace() needs a non-empty text to replace", kind: .value) }
            let limit = try args.optionalInt("count") ?? Int.max
            return Value(s.replacing(old, with: new, maxReplacements: Swift.max(0, limit)))
        },
        Builtin("startswith", [text, .init("prefix", .string, doc: "the beginning to test")],
                doc: "True when the string begins with `prefix`.",
                example: "\"relu6\".startswith(\"relu\")") { args, _ in
            .bool(try args.string("s").hasPrefix(try args.string("prefix")))
        },
        Builtin("endswith", [text, .init("suffix", .string, doc: "the end to test")],
                doc: "True when the string ends with `suffix`.",
                example: "\"data.csv\".endswith(\".csv\")") { args, _ in
            .bool(try args.string("s").hasSuffix(try args.string("suffix")))
        },
        Builtin("find", [text, .init("sub", .string, doc: "the text to look for")],
                doc: "The position of the first `sub` in the string (counting characters from 0), or -1.",
                example: "\"epoch 12\".find(\"12\")") { args, _ in
            let s = try args.string("s"), sub = try args.string("sub")
            guard let r = s.firstRange(of: sub) else { return .number(-1) }
            return .number(Double(s.distance(from: s.startIndex, to: r.lowerBound)))
        },
        Builtin("count", [text, .init("sub", .string, doc: "the text to count")],
                doc: "How many times `sub` occurs in the string, without overlaps.",
                example: "\"banana\".count(\"an\")") { args, _ in
            let s = try args.string("s"), sub = try args.string("sub")
            // Python counts the empty string between every two characters and at both ends.
            if sub.isEmpty { return .number(Double(s.count + 1)) }
            return .number(Double(s.ranges(of: sub).count))
        },
    ])

    /// The receiver of every string method.
    private static let text = Parameter("s", .string, doc: "the string")
}

extension String {
    /// The string without leading and trailing whitespace (Python's `strip()`; what
    /// `int()` and `float()` ignore around a number).
    var trimmingWhitespace: String { trimming { $0.isWhitespace } }

    /// The string without leading and trailing characters that `drop` holds for.
    func trimming(_ drop: (Character) -> Bool) -> String {
        String(self.drop(while: drop).reversed().drop(while: drop).reversed())
    }
}
