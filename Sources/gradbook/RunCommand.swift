import ArgumentParser
import Notebook
import Support
#if canImport(Glibc)
import Glibc
#endif

/// `gradbook run FILE...`: replays notebooks and compares every recorded output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay notebooks in fresh sessions and compare every recorded output.",
        discussion: "Ends with 'N passed, N failed' and exits 1 on any failure. "
            + "--update re-records the outputs in place, keeping every other byte. "
            + "A cell running past its time limit fails and ends its notebook's replay. "
            + "A notebook's file builtins may touch only its own folder and below, "
            + "unless widened with --allow-files DIR or --trust.")

    @Flag(name: .long, help: "Re-record outputs in the files instead of failing on differences.")
    var update = false

    @Flag(name: .long, help: "Print each notebook's replay time.")
    var time = false

    @Option(name: .long, help: ArgumentHelp(
        "Seconds a cell may run when neither it nor its notebook's header sets timeout= (default 600).",
        valueName: "seconds"))
    var timeout: Double?

    @OptionGroup var confinement: ConfinementOptions

    @OptionGroup var memory: MemoryOptions

    @Argument(help: "Notebook files (.gbook), or folders whose .gbook files to replay.")
    var files: [String]

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
    }

    func run() throws {
        var passed = 0, failed = 0, skipped = 0, notRun = 0
        var unreadable = 0
        var unexpected = 0
        for file in files.flatMap(OutputTiming.expand) {
            do {
                let report = try Replay.run(file: file, update: update, timeout: timeout,
                                            fileAccess: confinement.replay(file), memoryLimit: memory.maxMemory)
                passed += report.passed
                failed += report.failed
                skipped += report.skipped
                notRun += report.notRun
                unexpected += report.failures.filter { $0.note != nil }.count
                if update {
                    let changed = report.failures.filter { $0.mismatch != nil }.count
                    print("\(file): re-recorded \(changed) cell\(changed == 1 ? "" : "s")")
                    for failure in report.failures {
                        if failure.timeLimit != nil, let note = failure.note {
                            print("FAIL \(file):\(failure.cellLine): \(note)\n    \(failure.source)")
                        } else if let note = failure.note {
                            print("FAIL \(file):\(failure.cellLine): \(failure.source)\n\(note)")
                        }
                    }
                } else {
                    print(OutputTiming.colourised(report.text))
                }
                if time { print("\(file): \(OutputTiming.milliseconds(report.seconds)) ms") }
            } catch {
                unreadable += 1
                // Standard error, so a malformed notebook is told apart from the report.
                fputs("error: \(file): \(error)\n", stderr)
            }
        }
        if update {
            print("\(unexpected) cells failed unexpectedly")
            if unexpected > 0 || unreadable > 0 { throw ExitCode(1) }
            return
        }
        print(Replay.summary(passed: passed, failed: failed, skipped: skipped, notRun: notRun))
        if failed > 0 || unreadable > 0 { throw ExitCode(1) }
    }
}

/// Formatting of times and colours for the command's reports.
enum OutputTiming {
    /// A folder's `.gbook` files in name order; any other path as it is.
    static func expand(_ path: String) -> [String] {
        guard let names = Directory.contents(path) else { return [path] }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return names.filter { $0.hasSuffix(".gbook") }.map { prefix + $0 }
    }

    /// Whether to colour: standard output is a terminal and `NO_COLOR` is unset.
    static let colour = isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil

    /// The report with FAIL lines and removed lines red, added lines green, on a terminal.
    static func colourised(_ text: String) -> String {
        guard colour else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("FAIL ") || (line.hasPrefix("-") && !line.hasPrefix("---")) {
                return "\u{1B}[31m" + line + "\u{1B}[0m"
            }
            if line.hasPrefix("+") && !line.hasPrefix("+++") { return "\u{1B}[32m" + line + "\u{1B}[0m" }
            if line.hasPrefix("@@") { return "\u{1B}[36m" + line + "\u{1B}[0m" }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Seconds as whole milliseconds with one decimal.
    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
