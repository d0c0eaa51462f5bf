import Console
import Lang

extension Session {
    /// Offers to restore journals left by sessions that died, newest first; on "y"
    /// re-runs their entries here. Either way the old journal is marked dealt with.
    ///
    /// Only asked on a terminal: piped input never answers questions.
    public func offerRestore(from directory: String) {
        guard terminal.inputIsTTY else { return }
        for path in Journal.abandoned(in: directory).reversed() {
            guard let text = try? FileSystem.read(path) else { continue }
            let entries = Journal.parse(text).entries
            guard !entries.isEmpty else {
                Journal.markClosed(path)
                continue
            }
            print("A session that ended unexpectedly left \(entries.count) entries (\(path)).")
            let answer = readAnswer("Restore them by running them again? [y/n] ")
            Journal.markClosed(path)
            guard answer else { continue }
            let ran = console.restore(entries, display: display) { SignalHandling.interruptRequested }
            print("restored: \(ran) entries ran")
            return
        }
    }

    private func readAnswer(_ question: String) -> Bool {
        while true {
            switch reader.read(prompt: question) {
            case .line(let line):
                let word = line.filter { $0 != " " && $0 != "\t" && $0 != "\r" }.lowercased()
                if word == "y" || word == "yes" { return true }
                if word == "n" || word == "no" || word.isEmpty { return false }
            case .interrupted, .endOfInput:
                return false
            }
        }
    }
}
