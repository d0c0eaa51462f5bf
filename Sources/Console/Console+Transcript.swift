import Lang
import Notebook

/// How the transcript stays a notebook that replays: each entry is cut into the
/// statements the notebook reader would cut it into, and each cell is written only in
/// a form that parses back to itself.
extension Console {
    /// One statement of an entry, at its line within the entry, or a comment line between statements.
    enum Piece {
        case statement(String, line: Int)
        case comment(String)
    }

    /// The statements of `source` as the notebook reader finds them, so that each gets
    /// its own cell and its own outputs (a Jupyter cell often holds several). Blank lines
    /// around them are dropped: a trailing blank line would not parse back into the cell.
    static func pieces(of source: String) -> [Piece] {
        guard let parsed = try? NotebookParser.parse(source),
              parsed.items.allSatisfy({ if case .header = $0 { return false } else { return true } }),
              parsed.cells.allSatisfy({ $0.optionLines.isEmpty && $0.outputLines.isEmpty }),
              !parsed.cells.isEmpty else {
            return [.statement(source, line: 1)]
        }
        var pieces: [Piece] = []
        for (item, first) in zip(parsed.items, parsed.firstLines) {
            switch item {
            case .code(let cell): pieces.append(.statement(cell.source, line: first))
            case .comment(let raw): pieces.append(.comment(raw))
            case .prose(let raw): pieces.append(.comment(raw))
            case .blank, .header: break
            }
        }
        return pieces
    }

    /// Adds one ran statement to the transcript: a cell that failed deterministically
    /// records its error (`#+ error`); one stopped by Ctrl-C becomes a `#+ skip` cell
    /// after a prose line saying so, because its output depends on when the key was hit;
    /// a statement that would not parse back as itself is kept as prose.
    func record(_ source: String, outputs: [String], failed: Bool, interrupted: Bool) {
        var options = CellOptions()
        options.expectError = failed && !interrupted
        options.skip = interrupted
        options.reset = pendingReset
        let cell = Notebook.Item.code(.init(source: source, outputs: outputs, options: options))
        guard Console.roundTrips(cell) else {
            unreplayedEntries += 1
            transcript.appendProse("An entry that does not read back as one cell, kept as text and not run:")
            for line in source.splitLines() { transcript.appendProse("    " + line) }
            return
        }
        pendingReset = false
        if interrupted {
            unreplayedEntries += 1
            transcript.appendProse("Interrupted (Ctrl-C) at the prompt; kept for reading, not replayed:")
        }
        transcript.items.append(cell)
    }

    /// Whether `cell`, written into a notebook before another cell, reads back as the
    /// same cell followed by that one (an unclosed block would swallow what follows).
    static func roundTrips(_ cell: Notebook.Item) -> Bool {
        let sentinel = Notebook.Item.code(.init(source: "0", outputs: ["0"]))
        let written = Notebook(items: [cell, sentinel])
        guard let back = try? NotebookParser.parse(NotebookWriter.serialize(written)) else { return false }
        return sameCells(back, written)
    }

    /// Whether two notebooks hold the same cells: source, outputs and options, cell by cell.
    static func sameCells(_ a: Notebook, _ b: Notebook) -> Bool {
        let left = a.cells, right = b.cells
        guard left.count == right.count else { return false }
        for index in left.indices {
            let x = left[index], y = right[index]
            if x.source != y.source || x.outputs != y.outputs || x.options != y.options { return false }
        }
        return true
    }

    /// Keeps a comment line typed between statements as it was.
    func recordComment(_ raw: String) {
        transcript.items.append(raw.hasPrefix("#'") ? .prose(raw) : .comment(raw))
    }
}
