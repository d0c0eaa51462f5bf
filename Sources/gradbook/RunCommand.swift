import ArgumentParser
import Kernel
import Notebook
import Support
import Tensor
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
            + "Several notebooks replay in parallel worker processes (-j), each reported as it finishes. "
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

    @Option(name: [.customShort("j"), .customLong("jobs")], help: ArgumentHelp(
        "Replay in this many worker processes (default: the number of cores; 1 replays in this process).",
        valueName: "n"))
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Also write a JUnit XML report (one test case per notebook) to this file.",
                                            valueName: "file"))
    var junit: String?

    /// Set on the worker processes `-j` starts: paths arrive on standard input, results leave on standard output.
    @Flag(name: .long, help: .hidden)
    var worker = false

    @OptionGroup var confinement: ConfinementOptions

    @OptionGroup var memory: MemoryOptions

    @Argument(help: "Notebook files (.gbook), or folders whose .gbook files to replay.")
    var files: [String] = []

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) {
            throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
        }
        if let jobs, jobs < 1 { throw ValidationError("-j must be at least 1, got \(jobs)") }
        if files.isEmpty && !worker { throw ValidationError("Missing expected argument '<files> ...'") }
    }

    func run() throws {
        if worker {
            WorkerPool.serve(replay: replay)
            return
        }
        let paths = files.flatMap(OutputTiming.expand)
        let start = monotonicSeconds()
        var totals = RunTotals()
        var results: [NotebookResult] = []
        let record = { (result: NotebookResult) in
            totals.add(result)
            if junit != nil { results.append(result) }
            if result.error != nil {
                // Standard error, so a notebook that could not be replayed is told apart from the report.
                fputs(result.text + "\n", stderr)
            } else {
                WorkerPool.printFlushed(OutputTiming.colourised(result.text))
            }
        }
        let workers = min(jobs ?? Self.cores, paths.count)
        var parallel = false
        if workers > 1, let executable = KernelSpec.currentExecutable() {
            parallel = WorkerPool.run(files: paths, jobs: workers, executable: executable,
                                      options: workerOptions(workers: workers), report: record)
        }
        if !parallel {
            for path in paths { record(replay(path)) }
        }
        if let junit {
            // In the order given, not the order finished, so two runs' reports diff cleanly.
            let order = Dictionary(paths.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let sorted = results.enumerated().sorted {
                (order[$0.element.file] ?? 0, $0.offset) < (order[$1.element.file] ?? 0, $1.offset)
            }.map(\.element)
            let report = JUnitReport(cases: sorted.map { $0.junitCase(update: update) }, seconds: monotonicSeconds() - start)
            do {
                try report.write(to: junit)
            } catch {
                fputs("error: --junit: \(error)\n", stderr)
                totals.unreadable += 1
            }
        }
        if update {
            print("\(totals.unexpected) cells failed unexpectedly")
            if totals.unexpected > 0 || totals.unreadable > 0 { throw ExitCode(1) }
            return
        }
        // Each report ends with its file's summary; a total only adds to several.
        if paths.count != 1 {
            print(Replay.summary(passed: totals.passed, failed: totals.failed, skipped: totals.skipped,
                                 notRun: totals.notRun))
        }
        if totals.failed > 0 || totals.unreadable > 0 { throw ExitCode(1) }
    }

    /// Replays one notebook in this process, confined and bounded as the flags say.
    private func replay(_ file: String) -> NotebookResult {
        NotebookResult.replay(file: file, update: update, timeout: timeout, time: time,
                              fileAccess: confinement.replay(file), memoryLimit: memory.maxMemory)
    }

    /// The options a worker needs to replay as this command would. With no `--max-memory`
    /// the workers share the default limit, so N of them at once stay within it rather
    /// than each taking half of physical memory.
    private func workerOptions(workers: Int) -> [String] {
        var options: [String] = []
        if update { options.append("--update") }
        if time { options.append("--time") }
        if let timeout { options += ["--timeout", "\(timeout)"] }
        // Relative folders resolve the same in the workers: they start in this folder.
        for folder in confinement.allowedFolders { options += ["--allow-files", folder] }
        if confinement.trust { options.append("--trust") }
        let limit = memory.maxMemory ?? MemoryBudget.defaultByteLimit / max(workers, 1)
        options += ["--max-memory", "\(limit)"]
        return options
    }

    /// Processors online: the default number of workers.
    static var cores: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
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
