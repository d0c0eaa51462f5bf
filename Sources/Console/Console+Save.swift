import Lang
import Notebook
import Support

extension Console {
    /// `:save FILE`: the transcript as a `.gbook`, written atomically.
    ///
    /// The text is parsed back before it replaces anything and must give the same
    /// cells, so what is saved is what replays. A file this session did not write is
    /// replaced only by `:save!`: a typo in the name must not cost someone their notebook.
    func save(to path: String, replacing: Bool, display: ConsoleDisplay) -> Outcome {
        if !replacing, !savedPaths.contains(path), FileSystem.exists(path) {
            display.failure(ErrorReport(message:
                "\(path) exists and this session did not write it; :save! \(path) replaces it"))
            return .failed
        }
        let text = NotebookWriter.serialize(transcript)
        guard let back = try? NotebookParser.parse(text), Console.sameCells(back, transcript) else {
            display.failure(ErrorReport(message:
                "cannot save: the notebook would not read back as the session's cells; nothing was written"))
            return .failed
        }
        do {
            try FileSystem.writeAtomically(path, text)
            savedPaths.insert(path)
            var note = "saved \(transcript.cells.count) cells to \(path)"
            if unreplayedEntries > 0 {
                note += "; \(unreplayedEntries) interrupted or unreadable entr\(unreplayedEntries == 1 ? "y is" : "ies are")" +
                    " kept but not replayed, so :check tells whether the rest replays without them"
            }
            display.note(note)
            return .succeeded
        } catch {
            display.failure(ErrorReport(message: "cannot save: \(error)"))
            return .failed
        }
    }

    /// `:check`: replays the transcript in a fresh interpreter, as `gradbook run` would
    /// replay the saved file, and names the first cell whose output differs. A
    /// difference means hidden state: a function redefined after a cell used it, a
    /// variable from an entry that was not kept, a file that changed.
    func check(display: ConsoleDisplay) -> Outcome {
        let report = Replay.run(transcript, origin: "session", interruption: interpreter.interruption)
        guard let first = report.failures.first else {
            display.note("check: the session replays as shown (" +
                Replay.summary(passed: report.passed, failed: 0, skipped: report.skipped) + ")")
            return .succeeded
        }
        // Ctrl-C during a check stops the replay, not the session.
        defer { interpreter.interruption.clear() }
        var lines = ["check: the first cell that replays differently is at line \(first.cellLine) of the saved session:",
                     "    " + first.source]
        if let note = first.note { lines.append(note) }
        if let mismatch = first.mismatch {
            lines.append("--- as shown in this session")
            lines.append("+++ in a fresh session")
            lines.append(mismatch.diff)
        }
        lines.append("It depends on state the saved notebook does not rebuild (a later redefinition, " +
                     "a changed file, a variable from an entry left out).")
        lines.append(Replay.summary(passed: report.passed, failed: report.failed, skipped: report.skipped,
                                    notRun: report.notRun))
        display.failure(ErrorReport(message: lines.joined(separator: "\n")))
        return .failed
    }
}
