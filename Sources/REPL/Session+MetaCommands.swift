import Lang
import Notebook
import Support

extension Session {
    /// Carries out a meta-command; returns false when the session should end.
    func perform(_ command: MetaCommand) -> Bool {
        switch command {
        case .help:
            print(MetaCommand.helpText)
        case .quit:
            return false
        case .vars:
            showVariables()
        case .reset:
            interpreter.reset()
            print("session reset: every variable forgotten")
        case .history:
            for (index, entry) in reader.history.enumerated() {
                let lines = entry.splitLines()
                print(String(index + 1).leftPadded(to: 5) + "  " + (lines.first ?? ""))
                for line in lines.dropFirst() { print("       " + line) }
            }
        case .time(let expression):
            let start = monotonicSeconds()
            let succeeded = evaluate(expression)
            let elapsed = monotonicSeconds() - start
            if succeeded { print("time: " + DurationFormat.string(seconds: elapsed)) }
        case .builtinHelp(let name):
            if let help = interpreter.help(for: name) {
                print(help)
            } else {
                let close = interpreter.completions(for: String(name.prefix(2))).prefix(8)
                reportError("no builtin named '\(name)'" +
                            (close.isEmpty ? "" : "; names starting '\(name.prefix(2))': " + close.joined(separator: " ")))
            }
        case .save(let path):
            save(to: path)
        case .load(let path):
            load(path)
        case .run(let path):
            replay(path)
        case .export(let path):
            export(to: path)
        }
        return true
    }

    /// `:vars`: one line per variable, name, type and shape, in columns.
    func showVariables() {
        let rows = interpreter.variables
        guard !rows.isEmpty else {
            print("no variables yet")
            return
        }
        let nameWidth = max(4, rows.map { $0.name.count }.max() ?? 0) + 2
        let typeWidth = max(4, rows.map { $0.type.count }.max() ?? 0) + 2
        print("name".padded(to: nameWidth) + "type".padded(to: typeWidth) + "shape")
        for row in rows {
            print(row.name.padded(to: nameWidth) + row.type.padded(to: typeWidth) + (row.shape ?? ""))
        }
    }

    /// `:save FILE`: the transcript as a `.gbook`, written atomically.
    func save(to path: String) {
        do {
            try FileSystem.writeAtomically(path, NotebookWriter.serialize(transcript))
            print("saved \(transcript.cells.count) cells to \(path)")
        } catch {
            reportError("cannot save: \(error)")
        }
    }

    /// `:load FILE`: runs each code cell of a notebook (or statement of a script)
    /// in this session, stopping at the first error.
    func load(_ path: String) {
        let notebook: Notebook
        do {
            notebook = try NotebookParser.parse(try FileSystem.read(path))
        } catch {
            reportError("cannot load: \(error)")
            return
        }
        var ran = 0
        let defaults = notebook.defaults
        for (item, first) in zip(notebook.items, notebook.firstLines) {
            guard case .code(let cell) = item, !defaults.overridden(by: cell.options).skip else { continue }
            let line = first + cell.optionLines.count
            if !evaluate(cell.source, origin: path, firstLine: line) && !cell.options.expectError {
                reportError("loading \(path) stopped at its cell \(ran + 1); \(ran) cells ran")
                return
            }
            ran += 1
        }
        print("loaded \(path): \(ran) cells ran")
    }
}

extension String {
    /// The string padded with spaces on the left to at least `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
