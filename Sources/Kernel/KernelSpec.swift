import Glibc
import Lang
import Support

/// The kernelspec Jupyter reads to list and start Gradbook: `kernel.json`,
/// logos and the builtin reference its help link points at.
public enum KernelSpec {
    /// The kernel's name in `jupyter kernelspec list` and `--kernel_name`.
    public static let name = "gradbook"

    /// Where Jupyter looks for kernels of a prefix: `PREFIX/share/jupyter/kernels/gradbook`.
    public static func directory(prefix: String) -> String {
        "\(prefix)/share/jupyter/kernels/\(name)"
    }

    /// The user's kernel folder: `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`,
    /// else `~/.local/share/jupyter`, as jupyter_core resolves it on Linux.
    public static func userDirectory(environment: [String: String]) -> String? {
        if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty { return "\(data)/kernels/\(name)" }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return "\(xdg)/jupyter/kernels/\(name)" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return "\(home)/.local/share/jupyter/kernels/\(name)"
    }

    /// `kernel.json` for an executable at `executable` installed in `directory`;
    /// `arguments` (`--allow-files DIR`, `--max-memory SIZE`) end every kernel's command line.
    public static func kernelJSON(executable: String, directory: String, arguments: [String] = []) -> JSONValue {
        let argv: [JSONValue] = [.string(executable), "kernel", "-f", "{connection_file}",
                                 "--help-url", .string("file://\(directory)/reference.md")]
        return [
            "argv": .array(argv + arguments.map { .string($0) }),
            "display_name": "Gradbook",
            "language": "gradbook",
            "interrupt_mode": "message",
            "env": [:],
            "metadata": ["debugger": false],
        ]
    }

    /// Writes the kernelspec into `directory`, making missing folders; `arguments` as
    /// for `kernelJSON`.
    /// - Throws: `KernelError.install` naming the path that failed.
    public static func install(into directory: String, executable: String, arguments: [String] = []) throws {
        try makeDirectories(directory)
        let json = kernelJSON(executable: executable, directory: directory, arguments: arguments)
        let files: [(String, [UInt8])] = [
            ("kernel.json", json.serialized(pretty: true) + [10]),
            ("logo-svg.svg", Array(Logo.svg.utf8)),
            ("logo-32x32.png", Logo.png(size: 32)),
            ("logo-64x64.png", Logo.png(size: 64)),
            ("reference.md", Array(Registry.referenceMarkdown().utf8)),
        ]
        for (file, bytes) in files {
            do {
                try TextFile.writeAtomically(bytes: bytes, to: "\(directory)/\(file)")
            } catch {
                throw KernelError.install("\(error)")
            }
        }
    }

    /// The absolute path of the running executable (`/proc/self/exe`).
    public static func currentExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func makeDirectories(_ path: String) throws {
        do { try Directory.create(path, mode: 0o755) } catch let failure as TextFile.Failure {
            throw KernelError.install("\(failure.path): \(failure.reason)")
        }
    }
}
