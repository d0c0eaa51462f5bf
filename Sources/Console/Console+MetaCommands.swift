import Lang
import Notebook
import Support

extension Console {
    /// Carries out a meta-command, showing its answer on `display`.
    func perform(_ command: MetaCommand, display: ConsoleDisplay) -> Outcome {
        switch command {
        case .help:
            display.note(MetaCommand.helpText)
        case .quit:
            return .quit
        case .vars:
            display.variables(VariableTable(rows: interpreter.variables))
        case .reset:
            interpreter.reset()
            pendingReset = true
            journal?.append(source: ":reset", outputs: [])
            display.note("session reset: every variable forgotten")
        case .history:
            var lines: [String] = []
            for (index, entry) in entries.enumerated() {
                let entryLines = entry.splitLines()
                lines.append(String(index + 1).leftPadded(to: 5) + "  " + (entryLines.first ?? ""))
                for line in entryLines.dropFirst() { lines.append("       " + line) }
            }
            display.note(lines.joined(separator: "\n"))
        case .time(let expression):
            let start = monotonicSeconds()
            let succeeded = evaluate(expression, display: display)
            guard succeeded else { return .failed }
            display.note("time: " + DurationFormat.string(seconds: monotonicSeconds() - start))
        case .builtinHelp(let name):
            // `?list` and `?tuple` name both a topic and a builtin: the topic, then the builtin.
            let parts = [LanguageHelp.topics[name], interpreter.help(for: name)].compactMap { $0 }
            if !parts.isEmpty {
                display.note(parts.joined(separator: "\n"))
            } else {
                let close = interpreter.completions(for: String(name.prefix(2))).prefix(8)
                display.failure(ErrorReport(message: "no builtin named '\(name)'" +
                    (close.isEmpty ? "" : "; names starting '\(name.prefix(2))': " + close.joined(separator: " "))))
                return .failed
            }
        case .save(let path):
            return save(to: path, replacing: false, display: display)
        case .saveReplacing(let path):
            return save(to: path, replacing: true, display: display)
        case .check:
            return check(display: display)
        case .load(let path):
            return load(path, display: display)
        case .run(let path):
            return replay(path, display: display)
        case .export(let path):
            return export(to: path, display: display)
        }
        return .succeeded
    }

    /// `:load FILE`: runs each code cell of a notebook (or statement of a script)
    /// in this session, stopping at the first unexpected error.
    func load(_ path: String, display: ConsoleDisplay) -> Outcome {
        let notebook: Notebook
        do {
            notebook = try NotebookParser.parse(try FileSystem.read(path))
        } catch {
            display.failure(ErrorReport(message: "cannot load: \(error)"))
            return .failed
        }
        var ran = 0
        let defaults = notebook.defaults
        for (item, first) in zip(notebook.items, notebook.firstLines) {
            guard case .code(let cell) = item, !defaults.overridden(by: cell.options).skip else { continue }
            let line = first + cell.optionLines.count
            if !evaluate(cell.source, origin: path, firstLine: line, display: display) && !cell.options.expectError {
                display.failure(ErrorReport(message: "loading \(path) stopped at its cell \(ran + 1); \(ran) cells ran"))
                return .failed
            }
            ran += 1
        }
        display.note("loaded \(path): \(ran) cells ran")
        return .succeeded
    }

    /// `:run FILE`: replays a notebook in a fresh session (this one is untouched)
    /// and shows the report: failures with diffs, then `N passed, N failed`.
    func replay(_ path: String, display: ConsoleDisplay) -> Outcome {
        do {
            // The replay shares this session's token, so Ctrl-C stops a `:run` too.
            let report = try Replay.run(file: path, interruption: interpreter.interruption)
            display.note(report.text)
            return report.failed == 0 ? .succeeded : .failed
        } catch {
            display.failure(ErrorReport(message: "cannot run \(path): \(error)"))
            return .failed
        }
    }

    /// `:export FILE`: the transcript as Markdown, re-run in a fresh interpreter so
    /// plots have their data, with SVG files beside it.
    func export(to path: String, display: ConsoleDisplay) -> Outcome {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = String(path[(slash.map { path.index(after: $0) } ?? path.startIndex)...])
        let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        let result = MarkdownExport.export(transcript, origin: "session", imagePrefix: stem,
                                           interruption: interpreter.interruption)
        do {
            for image in result.images { try FileSystem.writeAtomically(directory + image.name, image.svg) }
            try FileSystem.writeAtomically(path, result.markdown)
            let plots = result.images.isEmpty ? "" : " and \(result.images.count) plot files"
            display.note("exported \(transcript.cells.count) cells to \(path)\(plots)")
            return .succeeded
        } catch {
            display.failure(ErrorReport(message: "cannot export: \(error)"))
            return .failed
        }
    }

    /// Re-runs entries a journal kept (after a crash) in this session; prose lines
    /// go back into the transcript. Stops early when `shouldStop` says so (Ctrl-C).
    /// - Returns: how many source entries ran.
    public func restore(_ journalEntries: [String], display: ConsoleDisplay, shouldStop: () -> Bool) -> Int {
        var ran = 0
        for entry in journalEntries {
            if entry.trimmingSpaces().hasPrefix("#'") {
                recordProse(entry)
                continue
            }
            if MetaCommand.parse(entry) == .command(.reset) {
                interpreter.reset()
                pendingReset = true
                journal?.append(source: ":reset", outputs: [])
                continue
            }
            evaluate(entry, display: display)
            ran += 1
            if shouldStop() { break }
        }
        return ran
    }
}

extension String {
    /// The string padded with spaces on the left to at least `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
