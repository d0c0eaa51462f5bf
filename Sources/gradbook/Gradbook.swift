import ArgumentParser
import Tensor

/// The `gradbook` command: the REPL by default, `run` and `export` for notebooks.
@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "A notebook-style REPL for tensors, autodiff and small networks.",
        subcommands: [
            ReplCommand.self,
            RunCommand.self, ExportCommand.self, ConvertCommand.self,
            KernelCommand.self,
        ],
        defaultSubcommand: ReplCommand.self)

    static func main() {
        BLASThreads.parkUntilNeeded()
        main(nil)
    }
}
