import ArgumentParser
import Notebook
#if canImport(Glibc)
import Glibc
#endif

/// `gradbook export FILE [-o OUT.md]`: a Markdown report with SVG plots beside it.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a notebook as Markdown: prose, math, code, outputs, and plots as SVG files beside it.")

    @Option(name: .short, help: "The Markdown file to write (default: FILE with .md).")
    var output: String?

    @OptionGroup var confinement: ConfinementOptions

    @OptionGroup var memory: MemoryOptions

    @Argument(help: "The notebook (.gbook).")
    var file: String

    func run() throws {
        do {
            let (path, result) = try MarkdownExport.export(file: file, to: output,
                                                                fileAccess: confinement.replay(file),
                                                                memoryLimit: memory.maxMemory)
            let plots = result.images.count
            print("wrote \(path)" + (plots > 0 ? " and \(plots) plot\(plots == 1 ? "" : "s")" : ""))
            if result.errors > 0 {
                print("note: \(result.errors) cell\(result.errors == 1 ? "" : "s") failed while running; shown as errors")
            }
        } catch {
            fputs("error: \(file): \(error)\n", stderr)
            throw ExitCode(1)
        }
    }
}
