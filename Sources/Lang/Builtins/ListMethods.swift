// index remove count copy clear reverse

extension BuiltinGroup {
    /// Methods of lists that are not global names, as Python has them: `xs.index(x)`,
    /// `xs.remove(x)`. Items compare as `in` compares them (`Operators.equal`).
    static let listMethods = BuiltinGroup(topic: "List methods", builtins: [
        Builtin("index", [receiver, .init("x", .any, doc: "the value to find")],
                doc: "The position of the first item equal to x; an error when there is none.",
                example: "[\"sgd\", \"adam\"].index(\"adam\")") { args, _ in
            let items = try receiverList(args).items, x = args["x"]
            guard let i = items.firstIndex(where: { Operators.equal(x, $0) }) else {
                throw args.error("x", "index(): \(ValueFormatter.brief(x)) is not in the list", kind: .value)
            }
            return .number(Double(i))
        },
        Builtin("remove", [receiver, .init("x", .any, doc: "the value to remove")],
                doc: "Removes the first item equal to x (the list changes in place); an error when there is none.",
                example: "l = [\"a\", \"b\", \"a\"]; l.remove(\"a\"); l") { args, _ in
            let l = try receiverList(args), x = args["x"]
            guard let i = l.items.firstIndex(where: { Operators.equal(x, $0) }) else {
                throw args.error("x", "remove(): \(ValueFormatter.brief(x)) is not in the list", kind: .value)
            }
            l.items.remove(at: i)
            return .nothing
        },
        Builtin("count", [receiver, .init("x", .any, doc: "the value to count")],
                doc: "How many items equal x.",
                example: "[\"a\", \"b\", \"a\"].count(\"a\")") { args, _ in
            let x = args["x"]
            return .number(Double(try receiverList(args).items.filter { Operators.equal(x, $0) }.count))
        },
        Builtin("copy", [receiver], doc: "A new list with the same items (a shallow copy).",
                example: "a = [\"x\"]; b = a.copy(); b.append(\"y\"); len(a)") { args, _ in
            Value(list: try receiverList(args).items)
        },
        Builtin("clear", [receiver], doc: "Removes every item (the list changes in place).",
                example: "l = [\"a\"]; l.clear(); l") { args, _ in
            try receiverList(args).items.removeAll()
            return .nothing
        },
        Builtin("reverse", [receiver], doc: "Reverses the list in place (`reversed(l)` gives a new one).",
                example: "l = [\"a\", \"b\"]; l.reverse(); l") { args, _ in
            try receiverList(args).items.reverse()
            return .nothing
        },
    ])

    /// The receiver of every list method.
    private static let receiver = Parameter("list", .described("list"), doc: "the list")

    private static func receiverList(_ args: Arguments) throws -> ListBox {
        guard case .list(let l) = args["list"] else {
            throw args.error("list", "\(args.builtin.name)() needs a list, got \(args["list"].typeName)")
        }
        return l
    }
}
