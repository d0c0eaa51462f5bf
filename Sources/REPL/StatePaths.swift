/// Where Gradbook keeps per-user files: the history in the home directory and
/// session journals under the XDG state directory.
public struct StatePaths: Equatable, Sendable {
    /// The readline history file, `~/.gradbook_history`.
    public var historyFile: String
    /// The folder of session journals, `$XDG_STATE_HOME/gradbook` or `~/.local/state/gradbook`.
    public var journalDirectory: String

    /// Names the two locations explicitly.
    public init(historyFile: String, journalDirectory: String) {
        self.historyFile = historyFile
        self.journalDirectory = journalDirectory
    }

    /// Derives the paths from an environment lookup; nil when neither `HOME`
    /// nor `XDG_STATE_HOME` says where to write (then nothing is persisted).
    public static func resolve(environment: (String) -> String? = Environment.value) -> StatePaths? {
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 }
        let state = environment("XDG_STATE_HOME").flatMap { $0.isEmpty ? nil : $0 }
        guard let home else { return nil }
        let stateRoot = state ?? home + "/.local/state"
        return StatePaths(historyFile: home + "/.gradbook_history",
                          journalDirectory: stateRoot + "/gradbook")
    }
}
