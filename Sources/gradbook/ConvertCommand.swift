import ArgumentParser
import Notebook
#if canImport(Glibc)
import Glibc
import Support
#endif

/// `gradbook convert FILE [--to ipynb|gbook] [-o OUT]`: between `.gbook` and Jupyter.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a notebook between .gbook and Jupyter .ipynb (nbformat 4).",
        discussion: "The direction follows FILE's extension unless --to is given. "
            + "OUT defaults to FILE with the other extension, beside it; -o - writes to standard output.")

    /// The two formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case ipynb, gbook
    }

    @Option(name: .long, help: ArgumentHelp("The format to write (default: the one FILE is not).", valueName: "format"))
    var to: Format?

    @Option(name: .short, help: ArgumentHelp("The file to write, or - for standard output.", valueName: "out"))
    var output: String?

    @Argument(help: "The notebook to convert (.gbook or .ipynb).")
    var file: String

    func run() throws {
        do {
            let target = try targetFormat()
            let text: String
            var notes: [String] = []
            switch target {
            case .ipynb:
                text = try IpynbExport.text(file: file)
            case .gbook:
                (text, notes) = try IpynbImport.text(file: file)
            }
            for note in notes { printError("note: " + note) }
            let path = output ?? replacingExtension(of: file, with: "." + target.rawValue)
            if path != "-", let input = resolved(file), input == resolved(path) {
                throw ConvertError("\(path) is the input file; give another -o")
            }
            if path == "-" {
                print(text, terminator: "")
            } else {
                try TextFile.writeAtomically(text, to: path)
                print("wrote \(path)")
            }
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// The format to write: `--to`, else the one FILE's extension is not.
    private func targetFormat() throws -> Format {
        let source: Format? = file.hasSuffix(".gbook") ? .gbook : file.hasSuffix(".ipynb") ? .ipynb : nil
        if let to {
            if to == source { throw ConvertError("\(file) is already a .\(to.rawValue) file") }
            return to
        }
        guard let source else {
            throw ConvertError("cannot tell the format of \(file) from its extension: give --to ipynb or --to gbook")
        }
        return source == .gbook ? .ipynb : .gbook
    }

    /// `dir/name.ext` as `dir/name.new`; a name without an extension gets `.new` added.
    private func replacingExtension(of path: String, with ext: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path + ext }
        return String(path[..<dot]) + ext
    }

    /// The absolute path with links resolved, or nil when it does not exist.
    private func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private func printError(_ line: String) {
        fputs(line + "\n", stderr)
    }
}

/// A misuse of `convert` found before reading the file.
struct ConvertError: Error, CustomStringConvertible {
    /// What is wrong.
    var description: String
    init(_ description: String) { self.description = description }
}
