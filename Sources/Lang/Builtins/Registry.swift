/// Every builtin of the language, by topic. A topic file declares one
/// `BuiltinGroup`; adding a topic is one line in `groups`.
public enum Registry {
    /// The topic groups, in the order `docs/reference.md` lists them.
    public static let groups: [BuiltinGroup] = [
        .core,
        .collections,
        .creation,
        .sampling,
        .shape,
        .rearranging,
        .reductions,
        .math,
        .elementwise,
        .cumulative,
        .linearAlgebra,
        .linearAlgebraNumpy,
        .sorting,
        .autodiff,
        .nn, .convolutionRecurrent, .optimisers, .data, .datasets, .localModels,
        .plots,
        .symbolic,
    ]

    /// Every builtin by name (a later group wins a name clash).
    public static let all: [String: Builtin] = {
        var table: [String: Builtin] = [:]
        for group in groups { for b in group.builtins { table[b.name] = b } }
        return table
    }()

    /// The methods of strings by name (`s.upper()`): methods only, not globals.
    public static let stringMethods = table(BuiltinGroup.strings)
    /// The methods of lists that are not globals (`xs.index(x)`; `append` and the like are both).
    public static let listMethods = table(BuiltinGroup.listMethods)

    private static func table(_ group: BuiltinGroup) -> [String: Builtin] {
        var table: [String: Builtin] = [:]
        for b in group.builtins { table[b.name] = b }
        return table
    }

    /// The reference page, generated from the registry: a heading per topic,
    /// each builtin's signature, doc line, parameters (type, default, doc)
    /// and example.
    public static func referenceMarkdown() -> String {
        var out = "# Builtin reference\n\n"
        out += "Generated from the builtin registry (`Sources/Lang/Builtins/Registry.swift`); do not edit by hand.\n"
        out += "Regenerate with `GRADBOOK_WRITE_REFERENCE=1 swift test --filter ReferenceTests`.\n"
        for group in groups + [.strings, .listMethods] {
            out += "\n## \(group.topic)\n"
            for b in group.builtins {
                out += "\n### `\(b.signature)`\n\n\(b.doc)\n"
                if !b.parameters.isEmpty {
                    out += "\n| parameter | type | default | meaning |\n|---|---|---|---|\n"
                    for p in b.parameters {
                        let name = p.isVariadic ? p.name + "..." : p.name
                        let value = p.defaultValue.map { "`\(ValueFormatter.brief($0))`" } ?? ""
                        out += "| `\(name)` | \(cell(p.type.name)) | \(cell(value)) | \(cell(p.doc)) |\n"
                    }
                }
                out += "\n    \(b.example)\n"
            }
        }
        return out
    }

    /// Text safe inside a Markdown table cell.
    private static func cell(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
