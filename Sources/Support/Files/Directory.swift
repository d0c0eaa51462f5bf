#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folder helpers with the C library, shared by the REPL's journal, the kernelspec
/// installer and the tests (Foundation costs start-up time).
public enum Directory {
    /// Creates `path` and its missing parents with `mode`; existing ones are fine.
    /// - Throws: `TextFile.Failure` naming the folder that could not be made.
    public static func create(_ path: String, mode: mode_t) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, mode) != 0 && errno != EEXIST {
                throw TextFile.Failure(path: prefix, reason: String(cString: strerror(errno)), step: .openForWriting)
            }
        }
    }

    /// The names in a folder, sorted, without `.` and `..`; empty when it cannot be read.
    public static func entries(_ path: String) -> [String] {
        contents(path) ?? []
    }

    /// The names in a folder, sorted, without `.` and `..`; nil when `path` is not a
    /// folder that can be read, so a caller can treat it as a file.
    public static func contents(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
