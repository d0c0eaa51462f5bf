import Lang
import Notebook

/// One live session, shared by both front ends: it evaluates entries, carries out
/// the meta-commands, keeps the history that becomes a notebook (`:save`) and the
/// journal that survives a crash. The REPL and the Jupyter kernel only read input
/// and draw what reaches their `ConsoleDisplay`, so a command behaves the same in both.
///
///     let console = Console()
///     console.submit("x = 3", display: myDisplay)      // echoes 3
///     console.submit(":save s.gbook", display: myDisplay)
public final class Console {
    /// The interpreter entries run in; `:reset` keeps the same one and resets it.
    public let interpreter: Interpreter
    /// The session as a notebook: one code cell per entry, `#'` lines as prose.
    public internal(set) var transcript = Notebook()
    /// The crash-recovery journal, or nil when none is kept.
    public var journal: Journal?
    /// Every entry submitted, commands included, oldest first (`:history`).
    public private(set) var entries: [String] = []
    /// How many source entries ran; names them `<repl N>` when no origin is given.
    public private(set) var entryNumber = 0
    /// Set by `:reset` until the next cell is recorded, which then carries `#+ reset`.
    var pendingReset = false
    /// The files `:save` wrote in this session: only these are replaced without `:save!`.
    var savedPaths: Set<String> = []
    /// Entries kept in the transcript but not replayed (interrupted, or unreadable as a
    /// cell): state they made may be missing on replay, which `:save` points out.
    var unreplayedEntries = 0
    /// What the statements of the entry being evaluated printed, for its journal record.
    var lastOutputs: [String] = []

    /// What became of a submitted entry.
    public enum Outcome: Equatable, Sendable {
        /// It ran (or the command did what it was asked).
        case succeeded
        /// It failed; the display was given the error.
        case failed
        /// `:quit`: the front end should end the session (or say why it cannot).
        case quit
    }

    /// A session around `interpreter`, journalled to `journal` when given.
    public init(interpreter: Interpreter = Interpreter(), journal: Journal? = nil) {
        self.interpreter = interpreter
        self.journal = journal
    }

    /// Whether `text` is ready to submit or needs more lines (an open block or
    /// bracket). A meta-command or a prose line is always complete.
    public func completeness(_ text: String) -> Completeness {
        if Console.isSingleLine(text), Console.command(in: text) != nil { return .complete }
        if text.trimmingSpaces().hasPrefix("#'") && Console.isSingleLine(text) { return .complete }
        return interpreter.checkComplete(text)
    }

    /// Runs one complete entry: a meta-command (`:save F`), a help query (`?name` or
    /// `name?`), a `#'` prose line, or language source.
    /// - Parameters:
    ///   - origin: the name errors show for source (default `<repl N>`).
    @discardableResult
    public func submit(_ text: String, origin: String? = nil, display: ConsoleDisplay) -> Outcome {
        if text.trimmingSpaces().isEmpty { return .succeeded }
        entries.append(text)
        if Console.isSingleLine(text), let parsed = Console.command(in: text) {
            switch parsed {
            case .command(let command): return perform(command, display: display)
            case .error(let message):
                display.failure(ErrorReport(message: message))
                return .failed
            case .source: break
            }
        }
        if Console.isSingleLine(text), text.trimmingSpaces().hasPrefix("#'") {
            recordProse(text)
            return .succeeded
        }
        return evaluate(text, origin: origin, display: display) ? .succeeded : .failed
    }

    /// The meta-command a one-line entry holds: `:name ...`, `?name`, or IPython's
    /// `name?`; nil for language source.
    static func command(in text: String) -> MetaParse? {
        let trimmed = text.trimmingSpaces()
        if trimmed.hasSuffix("?"), !trimmed.hasPrefix("?") {
            let name = trimmed.dropLast()
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) {
                return .command(.builtinHelp(String(name)))
            }
        }
        switch MetaCommand.parse(text) {
        case .source: return nil
        case let parsed: return parsed
        }
    }

    static func isSingleLine(_ text: String) -> Bool {
        !text.trimmingSpaces().contains("\n")
    }

    /// Runs source, shows its outputs or its error, and records it in the transcript
    /// and the journal; returns whether it succeeded.
    ///
    /// `firstLine` places the source at that line of `origin` (for `:load`), so
    /// errors name the file's line numbers.
    @discardableResult
    public func evaluate(_ source: String, origin: String? = nil, firstLine: Int = 1,
                         display: ConsoleDisplay) -> Bool {
        entryNumber += 1
        let name = origin ?? "<repl \(entryNumber)>"
        lastOutputs = []
        var succeeded = true
        for piece in Console.pieces(of: source) {
            switch piece {
            case .comment(let raw):
                recordComment(raw)
            case .statement(let statement, let line):
                // The first failure stops the entry, as one chunk would have stopped.
                if !evaluateStatement(statement, origin: name, firstLine: firstLine + line - 1, display: display) {
                    succeeded = false
                }
            }
            if !succeeded { break }
        }
        if let failure = journal?.append(source: source, outputs: lastOutputs) {
            display.note("journal not updated (\(failure)); earlier entries are intact")
        }
        return succeeded
    }

    /// Runs one statement of an entry, shows what it prints, and records it as one cell.
    func evaluateStatement(_ source: String, origin name: String, firstLine: Int,
                           display: ConsoleDisplay) -> Bool {
        let padded = String(repeating: "\n", count: max(0, firstLine - 1)) + source
        var outputs: [String] = []
        interpreter.outputHandler = { output in
            display.show(output)
            switch output {
            case .text(let text): outputs.append(text)
            case .plot(let spec): outputs.append(spec.summary)
            }
        }
        interpreter.echoHandler = { echo in
            display.echo(echo)
            outputs.append(echo.text)
        }
        interpreter.progressHandler = { display.progress($0) }
        let diagnostic = interpreter.run(padded, origin: name)
        // A fit stopped by Ctrl-C returns its partial history without an error; the
        // token still says it was stopped.
        let interrupted = diagnostic?.kind == .interrupted || interpreter.interruption.isRequested
        interpreter.outputHandler = { _ in }
        interpreter.echoHandler = nil
        interpreter.progressHandler = nil
        display.entryFinished()
        if let diagnostic {
            let report = ErrorReport(diagnostic, source: padded, origin: name)
            display.failure(report)
            // Recorded as replay records it, so a saved session replays clean.
            outputs.append(report.recordedLine)
        }
        let lines = outputs.flatMap { $0.splitLines().isEmpty ? [""] : $0.splitLines() }
        record(source, outputs: lines, failed: diagnostic != nil, interrupted: interrupted)
        lastOutputs += outputs
        return diagnostic == nil
    }

    /// Keeps a `#'` line as prose in the transcript.
    public func recordProse(_ line: String) {
        var text = line.trimmingSpaces().dropFirst(2)
        if text.hasPrefix(" ") { text = text.dropFirst() }
        transcript.appendProse(String(text))
        journal?.append(source: String(line.trimmingSpaces()), outputs: [])
    }

    /// What Tab offers for a word prefix: meta-command names after `:`, builtin names
    /// after `?`, otherwise variables, builtins, keywords and attributes (`model.W`);
    /// `before`, the entry up to the word, puts a call's keyword names first
    /// (`fit(model, X, Y, ep` gives `epochs=`).
    public func completions(for prefix: String, before: String = "") -> [String] {
        Console.completions(for: prefix, before: before, in: interpreter)
    }

    /// `completions(for:before:)` for an interpreter whose console does not exist yet (a
    /// line reader is made before the session it reads for).
    public static func completions(for prefix: String, before: String = "", in interpreter: Interpreter) -> [String] {
        if prefix.hasPrefix(":") {
            let word = prefix.dropFirst()
            return MetaCommand.usage.map(\.name).filter { $0.hasPrefix(word) }.map { ":" + $0 }
        }
        if prefix.hasPrefix("?") {
            return interpreter.completions(for: String(prefix.dropFirst())).map { "?" + $0 }
        }
        return interpreter.completions(for: prefix, after: before)
    }

    /// The help text of a builtin (`?name`), or nil when there is none.
    public func help(for name: String) -> String? { interpreter.help(for: name) }
}
