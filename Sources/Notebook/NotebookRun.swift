import Lang

/// What one code cell printed when run, as notebook lines, with the plots behind
/// their summary lines.
struct CellResult {
    /// Output lines as they would be recorded after `#>`.
    var lines: [String] = []
    /// The plot drawn at each summary line's index in `lines`.
    var plots: [Int: PlotSpec] = [:]
    /// The full rendered error (with caret) when the cell failed.
    var error: String?
    /// The index of the `error: ...` line in `lines`.
    var errorLine: Int?
}

/// Runs a notebook's cells top to bottom in one fresh interpreter.
enum NotebookRun {
    /// The result of each run code cell, keyed by item index; `#+ skip` cells are absent.
    static func run(_ notebook: Notebook, origin: String) -> [Int: CellResult] {
        let interpreter = Interpreter()
        var current = CellResult()
        interpreter.outputHandler = { output in
            switch output {
            case .text(let text): current.lines.append(contentsOf: lines(of: text))
            case .plot(let plot):
                current.plots[current.lines.count] = plot
                current.lines.append(plot.summary)
            }
        }
        let defaults = notebook.defaults
        var results: [Int: CellResult] = [:]
        for (index, first) in zip(notebook.items.indices, notebook.firstLines) {
            guard case .code(let cell) = notebook.items[index] else { continue }
            if defaults.overridden(by: cell.options).skip { continue }
            let sourceLine = first + cell.optionLines.count
            current = CellResult()
            // Leading newlines put the cell at its notebook line, so error spans
            // name the file's line numbers.
            let padded = String(repeating: "\n", count: sourceLine - 1) + cell.source
            if let diagnostic = interpreter.run(padded, origin: origin) {
                let rendered = diagnostic.render(source: padded, origin: origin, color: false)
                let head = rendered.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? rendered
                current.errorLine = current.lines.count
                current.lines.append(head.hasPrefix("error") ? head : "error: " + head)
                current.error = rendered
            }
            results[index] = current
        }
        return results
    }

    /// The lines of one output: a final newline ends the last line rather than adding an empty one.
    static func lines(of text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.count > 1 && parts.last == "" { parts.removeLast() }
        return parts
    }
}
