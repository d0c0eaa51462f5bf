import Lang
import Support

/// The prompt's meta-commands that make sense in a notebook cell: a cell that is
/// one `:command` line runs it instead of the language.
enum CellCommand: Equatable {
    case help
    case vars
    case reset
    case time(String)
    case unknown(String)

    static let helpText = """
        :vars         the variables, with type and shape
        :reset        forget every variable
        :time EXPR    run EXPR and show how long it took
        ?name         help for a builtin (also Shift-Tab on a name)
        """

    /// The command a cell holds, or nil for ordinary code.
    init?(cell code: String) {
        let text = code.trimmingWhitespace
        guard text.hasPrefix(":"), !text.contains("\n") else { return nil }
        let words = text.dropFirst().split(separator: " ", maxSplits: 1)
        let name = words.first.map(String.init) ?? ""
        let rest = words.count > 1 ? String(words[1]).trimmingWhitespace : ""
        switch name {
        case "help": self = .help
        case "vars": self = .vars
        case "reset": self = .reset
        case "time" where !rest.isEmpty: self = .time(rest)
        default: self = .unknown(name)
        }
    }

    /// `:vars` as aligned text.
    static func variablesText(_ rows: [VariableInfo]) -> String {
        guard !rows.isEmpty else { return "no variables yet" }
        let nameWidth = max(4, rows.map { $0.name.count }.max() ?? 0) + 2
        let typeWidth = max(4, rows.map { $0.type.count }.max() ?? 0) + 2
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        var lines = [pad("name", nameWidth) + pad("type", typeWidth) + "shape"]
        for row in rows { lines.append(pad(row.name, nameWidth) + pad(row.type, typeWidth) + (row.shape ?? "")) }
        return lines.joined(separator: "\n")
    }

    /// `:vars` as an HTML table.
    static func variablesHTML(_ rows: [VariableInfo]) -> String {
        var html = "<table><thead><tr><th>name</th><th>type</th><th>shape</th></tr></thead><tbody>"
        for row in rows {
            html += "<tr><td><code>\(escapeXML(row.name))</code></td><td>\(escapeXML(row.type))</td>"
                + "<td>\(escapeXML(row.shape ?? ""))</td></tr>"
        }
        return html + "</tbody></table>"
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let c = text.first, c.isWhitespace { text.removeFirst() }
        while let c = text.last, c.isWhitespace { text.removeLast() }
        return String(text)
    }
}
