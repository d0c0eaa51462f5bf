/// Writes a `Notebook` back to `.gbook` text.
public enum NotebookWriter {
    /// The text of `notebook`: every item's raw lines joined by its line ending.
    /// For a parsed, unchanged notebook this is exactly the text it was parsed from.
    public static func serialize(_ notebook: Notebook) -> String {
        let separator = notebook.lineEnding.rawValue
        var text = ""
        var first = true
        for item in notebook.items {
            for line in item.lines {
                if !first { text += separator }
                text += line
                first = false
            }
        }
        if notebook.endsWithNewline && !first { text += separator }
        return text
    }
}
