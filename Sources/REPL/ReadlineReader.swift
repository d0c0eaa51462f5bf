@preconcurrency import CReadline
@preconcurrency import Glibc

/// Reads lines with GNU readline: line editing, Ctrl-R search, Tab completion and a
/// history file in which multi-line entries survive a reload.
public final class ReadlineReader: LineReader {
    private let historyFile: String?

    /// Sets readline up and loads the history.
    /// - Parameters:
    ///   - historyFile: where the history lives (nil: keep it in memory only).
    ///   - completions: the candidates for a word prefix and the line before it, e.g. `"model."`
    ///     gives `["model.W", "model.b"]`, `"ep"` after `"fit(m, X, Y, "` gives `"epochs="` first.
    public init(historyFile: String?, completions: @escaping (String, String) -> [String]) {
        self.historyFile = historyFile
        rl_readline_name = UnsafePointer(strdup("gradbook"))
        // Multi-line entries survive write_history/read_history only with all three
        // set before either is called (see shared NATIVE_NOTES).
        history_comment_char = CChar(UInt8(ascii: "#"))
        history_write_timestamps = 1
        history_multiline_entries = 1
        rl_variable_bind("revert-all-at-newline", "on")
        rl_variable_bind("blink-matching-paren", "on")
        completionProvider = completions
        rl_attempted_completion_function = attemptCompletion
        rl_completion_append_character = 0
        // '.' is left out so that `model.W` is one word for attribute completion.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n\"'()[]{},;=+-*/^@<>!"))
        // Our SIGINT/SIGHUP/SIGTERM handlers only set flags; `readKey` turns them
        // into the end of the line. readline's own handlers would re-raise them to
        // ours only after reading another key.
        rl_catch_signals = 0
        rl_getc_function = readKey
        if let historyFile { read_history(historyFile) }
    }

    /// Reads one line; Ctrl-C gives `.interrupted`, Ctrl-D on an empty line `.endOfInput`.
    public func read(prompt: String) -> LineInput {
        promptInterrupted = false
        promptHungUp = false
        // A Ctrl-C pressed while nothing was listening (say, during :save) must not
        // abandon the next line when some other signal interrupts a read.
        interruptFlag.store(false, ordering: .relaxed)
        let raw = readline(prompt)
        defer { free(raw) }
        if promptHungUp { return .endOfInput }
        if promptInterrupted { return .interrupted }
        guard let raw else { return .endOfInput }
        return .line(String(cString: raw))
    }

    /// Adds an entry to readline's history, skipping a repeat of the last one, and
    /// writes the history file at once: a crash or a killed terminal keeps it too.
    public func addHistory(_ entry: String) {
        guard !entry.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) else { return }
        if history.last == entry { return }
        add_history(entry)
        saveHistory()
    }

    /// readline's history items, oldest first.
    public var history: [String] {
        var items: [String] = []
        let count = Int(history_length)
        guard count > 0 else { return items }
        for offset in 0..<count {
            if let item = history_get(history_base + Int32(offset)), let line = item.pointee.line {
                items.append(String(cString: line))
            }
        }
        return items
    }

    /// Writes the history to a temporary file and renames it over the history file,
    /// so an interrupted write never loses the old history; keeps the last 2000 entries.
    public func saveHistory() {
        guard let historyFile else { return }
        let temporary = historyFile + ".tmp-\(getpid())"
        guard write_history(temporary) == 0 else { unlink(temporary); return }
        history_truncate_file(temporary, 2000)
        if rename(temporary, historyFile) != 0 { unlink(temporary) }
    }
}
