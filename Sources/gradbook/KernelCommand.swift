import ArgumentParser
import Glibc
import Kernel
import Lang
import Tensor

/// `gradbook kernel -f CONNECTION_FILE` (what Jupyter starts) and
/// `gradbook kernel install` (so Jupyter can find it).
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve Gradbook as a Jupyter kernel, or install its kernelspec.",
        subcommands: [KernelServeCommand.self, KernelInstallCommand.self],
        defaultSubcommand: KernelServeCommand.self)
}

/// Runs the kernel on the ports of a connection file.
struct KernelServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the kernel on the ports of a Jupyter connection file (Jupyter starts this).")

    @Option(name: .short, help: "The connection file Jupyter wrote (ports, key, signature scheme).")
    var file: String

    @Option(help: "The help link front ends show (the builtin reference).")
    var helpURL: String?

    @OptionGroup var confinement: ConfinementOptions

    @OptionGroup var memory: MemoryOptions

    func run() throws {
        do {
            let interpreter = Interpreter(memoryBudget: MemoryBudget(byteLimit: memory.maxMemory ?? MemoryBudget.defaultByteLimit))
            // A person's own kernel is unconfined unless the kernelspec's command asks otherwise.
            interpreter.fileAccess = confinement.kernel
            let kernel = try Kernel(connection: ConnectionInfo(file: file), helpURL: helpURL, interpreter: interpreter)
            let status = kernel.run()
            if status != 0 { throw ExitCode(status) }
        } catch let error as KernelError {
            fputs("gradbook kernel: \(error)\n", stderr)
            throw ExitCode(1)
        }
    }
}

/// Writes the kernelspec where Jupyter looks for it.
struct KernelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Gradbook kernelspec for Jupyter (JupyterLab, VS Code, nbconvert).")

    @Flag(help: "Install for this user (the default): ~/.local/share/jupyter/kernels/gradbook.")
    var user = false

    @Option(help: "Install under PREFIX/share/jupyter/kernels/gradbook (a virtual environment's prefix, say).")
    var prefix: String?

    @Option(name: .customLong("allow-files"), help: ArgumentHelp(
        "Confine every kernel's file builtins to its notebook's folder and DIR (repeatable; made absolute here).",
        valueName: "DIR"))
    var allowedFolders: [String] = []

    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "Bound every kernel's live tensor memory (512M, 2G; powers of 1024).", valueName: "SIZE"))
    var maxMemory: String?

    func validate() throws {
        if user && prefix != nil { throw ValidationError("give --user or --prefix, not both") }
        if let maxMemory { _ = try MemoryOptions.bytes(maxMemory) }
    }

    /// What ends the kernelspec's command line: the flags `kernel serve` takes, as given here.
    var kernelArguments: [String] {
        allowedFolders.flatMap { ["--allow-files", absolute($0)] } + (maxMemory.map { ["--max-memory", $0] } ?? [])
    }

    func run() throws {
        var environment: [String: String] = [:]
        for name in ["JUPYTER_DATA_DIR", "XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        let target = prefix.map { KernelSpec.directory(prefix: absolute($0)) }
            ?? KernelSpec.userDirectory(environment: environment)
        guard let directory = target, let executable = KernelSpec.currentExecutable() else {
            fputs("error: cannot tell where to install (no HOME) or where this executable is\n", stderr)
            throw ExitCode(1)
        }
        do {
            try KernelSpec.install(into: directory, executable: executable, arguments: kernelArguments)
            print("installed the Gradbook kernelspec in \(directory)")
        } catch {
            fputs("error: \(error)\n", stderr)
            throw ExitCode(1)
        }
    }

    private func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return String(cString: buffer) + "/" + path
    }
}
