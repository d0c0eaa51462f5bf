import Console
import Lang
import Notebook
import Plots

/// The terminal front end of a console session: reads lines (readline on a
/// terminal, plain lines otherwise), gathers continued entries, and hands each
/// complete entry to its `Console`; `TerminalDisplay` draws what comes back.
public final class Session {
    /// The live session: interpreter, transcript, journal and meta-commands.
    public let console: Console
    let reader: LineReader
    let terminal: Terminal
    let display: TerminalDisplay

    /// The interpreter entries run in.
    public var interpreter: Interpreter { console.interpreter }
    /// The session as a notebook: one code cell per entry, `#'` lines as prose.
    public var transcript: Notebook { console.transcript }

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
        console = Console(interpreter: interpreter, journal: journal)
        self.reader = reader
        self.terminal = terminal
        display = TerminalDisplay(color: color, drawsProgress: terminal.errorIsTTY)
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
                // Ctrl-D inside a block most often means "give up this block", not
                // "leave": drop it and say so; a second Ctrl-D at the empty prompt quits.
                if !buffer.isEmpty {
                    let count = buffer.count
                    buffer.removeAll()
                    if terminal.inputIsTTY { print("") }
                    display.note("dropped the unfinished entry (\(count) line\(count == 1 ? "" : "s")); Ctrl-D again quits")
                    continue
                }
                if terminal.inputIsTTY { print("") }
                console.journal?.close()
                return 0
            case .line(let line):
                if buffer.isEmpty && line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                buffer.append(line)
                let entry = buffer.joined(separator: "\n")
                if console.completeness(entry) == .incomplete { continue }
                buffer.removeAll()
                // `:quit` is left out: recalling it first after a restart helps nobody.
                if MetaCommand.parse(entry) != .command(.quit) { reader.addHistory(entry) }
                SignalHandling.clearInterrupt()
                let outcome = console.submit(entry, display: display)
                SignalHandling.clearInterrupt()
                if outcome == .quit {
                    console.journal?.close()
                    return 0
                }
                if SignalHandling.hangupRequested { return 129 }
            }
        }
    }
}
