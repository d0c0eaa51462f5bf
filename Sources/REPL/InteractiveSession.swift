import Console
import Lang

/// Starts the REPL on a terminal: readline with history and completion, Ctrl-C
/// handling, the journal and the offer to restore a crashed session.
public enum InteractiveSession {
    /// Runs the REPL on `interpreter` (its memory budget and file access set by the
    /// command line) until the user quits; returns the exit status.
    public static func start(terminal: Terminal, color: Bool, interpreter: Interpreter = Interpreter()) -> Int32 {
        let paths = StatePaths.resolve()
        let reader = ReadlineReader(historyFile: paths?.historyFile) { prefix, before in
            Console.completions(for: prefix, before: before, in: interpreter)
        }
        SignalHandling.install(foreground: interpreter.interruption)
        var journal: Journal? = nil
        if let directory = paths?.journalDirectory {
            Journal.prune(directory)
            do {
                journal = try Journal(directory: directory)
            } catch {
                writeToStandardError("note: no session journal (\(error))\n")
            }
        }
        let session = Session(interpreter: interpreter, reader: reader, terminal: terminal,
                              color: color, journal: journal)
        print("Gradbook. :help lists the commands, ?NAME explains a builtin, Ctrl-D quits.")
        // Said once up front: a refused path later should not be the first the person hears of it.
        if interpreter.fileAccess.isRequested, let roots = interpreter.fileAccess.roots {
            print("File builtins are confined to \(roots.joined(separator: ", ")) and below (--allow-files).")
        }
        if let directory = paths?.journalDirectory { session.offerRestore(from: directory) }
        return session.run()
    }
}
