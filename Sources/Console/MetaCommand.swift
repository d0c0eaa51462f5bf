/// A REPL command that is not language source: `:help`, `:vars`, `?name` and the rest.
public enum MetaCommand: Equatable, Sendable {
    /// `:help`: the list of meta-commands and how to get help on builtins.
    case help
    /// `:vars`: the session's variables with their types and shapes.
    case vars
    /// `:reset`: forget every variable and start a fresh interpreter.
    case reset
    /// `:time EXPR`: run EXPR, show its value and the wall time it took.
    case time(String)
    /// `:history`: the entries typed so far, numbered.
    case history
    /// `:quit` or `:q`: leave, closing the journal and saving history.
    case quit
    /// `:save FILE`: write the session as a `.gbook` notebook.
    case save(String)
    /// `:save! FILE`: the same, replacing a file this session did not write.
    case saveReplacing(String)
    /// `:check`: replay the session so far in a fresh interpreter and name the first
    /// cell whose output differs.
    case check
    /// `:load FILE`: run a notebook's or script's code into this session.
    case load(String)
    /// `:run FILE`: replay a notebook in a fresh session and report.
    case run(String)
    /// `:export FILE`: export the session as Markdown.
    case export(String)
    /// `?name`: a builtin's one-line doc, signature and example.
    case builtinHelp(String)
}

/// What a line typed at an empty prompt turned out to be.
public enum MetaParse: Equatable, Sendable {
    /// Language source: give it to the interpreter.
    case source
    /// A well-formed meta-command.
    case command(MetaCommand)
    /// A line that starts like a meta-command but is not one; the message says why.
    case error(String)
}

extension MetaCommand {
    /// The meta-commands as listed in `:help` and in the unknown-command error, with their arguments.
    public static let usage: [(name: String, argument: String?, summary: String)] = [
        ("help", nil, "this list"),
        ("vars", nil, "variables with their types and shapes"),
        ("reset", nil, "forget every variable"),
        ("time", "EXPR", "run EXPR and show how long it took"),
        ("history", nil, "the entries typed so far"),
        ("save", "FILE", "save the session as a .gbook notebook (:save! replaces any file)"),
        ("check", nil, "replay the session so far in a fresh session and compare"),
        ("load", "FILE", "run a notebook's code into this session"),
        ("run", "FILE", "replay a notebook in a fresh session and report"),
        ("export", "FILE", "export the session as Markdown"),
        ("quit", nil, "leave (also :q or Ctrl-D)"),
    ]

    /// Classifies a line typed at an empty prompt (not inside a continued entry).
    ///
    /// A line is a meta-command when, after leading spaces, it starts with `:`
    /// (`:time 2 + 2`) or `?` (`?zeros`); the language has no statement that starts
    /// with either. `:q` abbreviates `:quit`. A missing or extra argument and an
    /// unknown name give `.error` with a message that lists the known commands.
    public static func parse(_ line: String) -> MetaParse {
        let text = line.drop(while: { $0 == " " || $0 == "\t" })
        guard let first = text.first else { return .source }
        if first == "?" {
            let name = text.dropFirst().trimmingSpaces()
            guard !name.isEmpty else { return .error("'?' needs a builtin name, as in ?zeros; :help lists the commands") }
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else {
                return .error("'?\(name)' is not a name; write ?NAME, as in ?zeros")
            }
            return .command(.builtinHelp(String(name)))
        }
        guard first == ":" else { return .source }
        let body = text.dropFirst()
        let name = String(body.prefix(while: { $0 != " " && $0 != "\t" }))
        let argument = String(body.dropFirst(name.count).trimmingSpaces())
        func noArgument(_ command: MetaCommand) -> MetaParse {
            argument.isEmpty ? .command(command) : .error("':\(name)' takes no argument (got '\(argument)')")
        }
        func needs(_ what: String, _ make: (String) -> MetaCommand) -> MetaParse {
            argument.isEmpty ? .error("':\(name)' needs \(what): :\(name) \(what)") : .command(make(argument))
        }
        switch name {
        case "help", "h": return noArgument(.help)
        case "vars": return noArgument(.vars)
        case "reset": return noArgument(.reset)
        case "history": return noArgument(.history)
        case "quit", "q", "exit": return noArgument(.quit)
        case "time": return needs("EXPR") { .time($0) }
        case "save": return needs("FILE") { .save($0) }
        case "save!": return needs("FILE") { .saveReplacing($0) }
        case "check": return noArgument(.check)
        case "load": return needs("FILE") { .load($0) }
        case "run": return needs("FILE") { .run($0) }
        case "export": return needs("FILE") { .export($0) }
        default:
            let known = usage.map { ":" + $0.name }.joined(separator: " ")
            let shown = name.isEmpty ? ":" : ":" + name
            return .error("unknown command '\(shown)'; known commands: \(known) (and ?NAME for help on a builtin)")
        }
    }

    /// The text `:help` prints.
    public static var helpText: String {
        var lines = ["Type language statements to run them; an open block or bracket continues on the next line.",
                     "Commands:"]
        for entry in usage {
            let left = ":" + entry.name + (entry.argument.map { " " + $0 } ?? "")
            lines.append("  " + left.padded(to: 14) + entry.summary)
        }
        lines.append("  " + "?NAME".padded(to: 14) + "help on a builtin, as in ?zeros")
        lines.append("  " + "?TOPIC".padded(to: 14) + "help on the language: " + LanguageHelp.names)
        lines.append("Keys: Tab completes, Up/Down and Ctrl-R search history, Ctrl-C cancels, Ctrl-D quits.")
        return lines.joined(separator: "\n")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> SubSequence {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[start...end]
    }
}

extension String {
    /// The string padded with spaces on the right to at least `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
