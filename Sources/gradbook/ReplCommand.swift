import ArgumentParser
import Console
import Lang
import REPL
import Tensor

/// `gradbook [FILE.gb]`: the interactive REPL, or a script when a file is given
/// or standard input is not a terminal.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Start the REPL, or run a script (FILE.gb, or piped standard input).")

    @Argument(help: "A script to run instead of starting the REPL.")
    var file: String?

    @OptionGroup var confinement: ConfinementOptions

    @OptionGroup var memory: MemoryOptions

    func run() throws {
        let terminal = Terminal.current
        let color = ColorPolicy.useColor(isTTY: terminal.errorIsTTY)
        let interpreter = Interpreter(memoryBudget: MemoryBudget(byteLimit: memory.maxMemory ?? MemoryBudget.defaultByteLimit))
        // The person's own code: unconfined unless they ask for confinement.
        interpreter.fileAccess = confinement.interactive
        if let file {
            let status = ScriptRunner.runFile(file, color: color, interpreter: interpreter)
            if status != 0 { throw ExitCode(status) }
            return
        }
        guard terminal.inputIsTTY else {
            // Piped input is a script: no prompts and no colour.
            let status = ScriptRunner.run(FileSystem.readStandardInput(), origin: "<stdin>", color: false,
                                          interpreter: interpreter)
            if status != 0 { throw ExitCode(status) }
            return
        }
        let status = InteractiveSession.start(terminal: terminal, color: color, interpreter: interpreter)
        if status != 0 { throw ExitCode(status) }
    }
}
