import Lang
import Notebook
import Plots

/// An interactive or piped REPL session: reads entries, runs them, shows what they
/// print, keeps the transcript for `:save` and the journal for crash recovery.
public final class Session {
    /// The interpreter entries run in; `:reset` keeps the same one and resets it.
    public let interpreter: Interpreter
    let reader: LineReader
    let terminal: Terminal
    let color: Bool
    /// The session as a notebook: one code cell per entry, `#'` lines as prose.
    public private(set) var transcript = Notebook()
    var journal: Journal?
    var entryNumber = 0
    var entryOutputs: [String] = []
    var progressBar = ProgressBar()

    /// The primary and continuation prompts.
    static let prompt = "gb> ", continuationPrompt = "..> "

    /// Makes a session around a fresh interpreter.
    /// - Parameters:
    ///   - reader: where lines come from (readline on a terminal).
    ///   - terminal: which streams are terminals (colour, progress bars, questions).
    ///   - color: whether diagnostics are coloured (see `ColorPolicy`).
    ///   - journal: the crash-recovery journal, or nil not to keep one.
    public init(interpreter: Interpreter = Interpreter(), reader: LineReader, terminal: Terminal,
                color: Bool, journal: Journal?) {
        self.interpreter = interpreter
        self.reader = reader
        self.terminal = terminal
        self.color = color
        self.journal = journal
        interpreter.outputHandler = { [unowned self] output in self.show(output) }
        if terminal.errorIsTTY {
            interpreter.progressHandler = { [unowned self] progress in
                self.progressBar.draw(done: progress.done, total: progress.total, message: progress.message)
            }
        }
    }

    /// Reads and runs entries until `:quit`, Ctrl-D or a hang-up; returns the exit status.
    ///
    /// A clean end (`:quit`, Ctrl-D) closes the journal; a hang-up leaves it open so
    /// the next session offers to restore it. The history is saved on every path.
    @discardableResult
    public func run() -> Int32 {
        defer { reader.saveHistory() }
        var buffer: [String] = []
        while true {
            flushStandardOutput()
            switch reader.read(prompt: buffer.isEmpty ? Session.prompt : Session.continuationPrompt) {
            case .interrupted:
                buffer.removeAll()
            case .endOfInput:
                if SignalHandling.hangupRequested { return 129 }
                if terminal.inputIsTTY { print("") }
                journal?.close()
                return 0
            case .line(let line):
                if buffer.isEmpty {
                    if line.trimmingSpaces().isEmpty { continue }
                    switch MetaCommand.parse(line) {
                    case .command(let command):
                        // `:quit` is left out: recalling it first after a restart helps nobody.
                        if command != .quit { reader.addHistory(line) }
                        if !perform(command) {
                            journal?.close()
                            return 0
                        }
                        continue
                    case .error(let message):
                        reader.addHistory(line)
                        reportError(message)
                        continue
                    case .source:
                        if line.trimmingSpaces().hasPrefix("#'") {
                            reader.addHistory(line)
                            recordProse(line)
                            continue
                        }
                    }
                }
                buffer.append(line)
                let entry = buffer.joined(separator: "\n")
                if interpreter.checkComplete(entry) == .incomplete { continue }
                buffer.removeAll()
                reader.addHistory(entry)
                evaluate(entry)
                if SignalHandling.hangupRequested { return 129 }
            }
        }
    }

    /// Runs one entry, shows its outputs or its error, and records it in the
    /// transcript and the journal; returns whether it succeeded.
    ///
    /// `firstLine` places the source at that line of `origin` (for `:load`), so
    /// errors name the file's line numbers.
    @discardableResult
    func evaluate(_ source: String, origin: String? = nil, firstLine: Int = 1) -> Bool {
        entryNumber += 1
        entryOutputs.removeAll()
        let name = origin ?? "<repl \(entryNumber)>"
        let padded = String(repeating: "\n", count: max(0, firstLine - 1)) + source
        SignalHandling.clearInterrupt()
        let diagnostic = interpreter.run(padded, origin: name)
        SignalHandling.clearInterrupt()
        progressBar.finish()
        var outputs = entryOutputs
        var options = CellOptions()
        if let diagnostic {
            let rendered = diagnostic.render(source: padded, origin: name, color: color)
            flushStandardOutput()
            writeToStandardError(rendered.hasSuffix("\n") ? rendered : rendered + "\n")
            let plain = color ? diagnostic.render(source: padded, origin: name, color: false) : rendered
            let head = plain.splitLines().first ?? plain
            // Recorded as replay records it, so a saved session replays clean.
            outputs.append(head.hasPrefix("error") ? head : "error: " + head)
            options.expectError = true
        }
        transcript.append(Cell(source: source, outputs: outputs.flatMap { $0.splitLines().isEmpty ? [""] : $0.splitLines() },
                               options: options))
        journal?.append(source: source, outputs: outputs)
        return diagnostic == nil
    }

    /// Prints one thing the interpreter shows and keeps its text for the transcript.
    func show(_ output: Output) {
        switch output {
        case .text(let text):
            print(text)
            entryOutputs.append(text)
        case .plot(let spec):
            print(TerminalPlot.render(spec, width: 72, height: 18, color: color))
            entryOutputs.append(spec.summary)
        }
    }

    /// Keeps a `#'` line typed at the prompt as prose in the transcript.
    func recordProse(_ line: String) {
        var text = line.trimmingSpaces().dropFirst(2)
        if text.hasPrefix(" ") { text = text.dropFirst() }
        transcript.appendProse(String(text))
        journal?.append(source: String(line.trimmingSpaces()), outputs: [])
    }

    /// Writes an error line to standard error, in red on a colour terminal.
    func reportError(_ message: String) {
        flushStandardOutput()
        let label = color ? "\u{1B}[1;31merror:\u{1B}[0m " : "error: "
        writeToStandardError(label + message + "\n")
    }
}
