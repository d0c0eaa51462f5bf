import ArgumentParser
import Support
import Tensor

/// The `gradbook` command: the REPL by default, `run` and `export` for notebooks.
@main
struct Gradbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradbook",
        abstract: "A notebook-style REPL for tensors, autodiff and small networks.",
        version: Gradbook.version,
        subcommands: [
            ReplCommand.self,
            RunCommand.self, ExportCommand.self, ConvertCommand.self,
            KernelCommand.self,
        ],
        defaultSubcommand: ReplCommand.self)

    /// `gradbook --version`: the release, then the native kernels this CPU runs,
    /// which decide how BLAS results round (worth quoting in a bug report).
    static var version: String {
        "gradbook \(release)\nkernels: OpenBLAS \(NativeKernels.blasCore), elementwise \(NativeKernels.vectorPath)"
    }

    /// The release number, raised when a release is cut.
    static let release = "0.3.0"

    static func main() {
        BLASThreads.parkUntilNeeded()
        TextFile.survivingFileSizeLimits()
        main(nil)
    }
}
