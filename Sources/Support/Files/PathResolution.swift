#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a path into the one the system would reach, so a confinement check
/// compares real locations and not spellings.
public enum PathResolution {
    /// `path` made absolute against `base`, with `.` and `..` applied and every
    /// symbolic link of the part that exists followed (`realpath`); the part that does
    /// not exist yet (a file about to be written) is appended as written.
    ///
    /// `..` is applied to the text before links are followed (`link/../x` is `x`), so a
    /// caller must open the path this returns, not the one written: then the check and
    /// the open agree.
    public static func canonical(_ path: String, relativeTo base: String) -> String {
        let absolute = path.hasPrefix("/") ? path : base + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") where part != "." {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        // The longest prefix that exists is resolved by the system; the rest is appended.
        var existing = parts.count
        while existing > 0 {
            let prefix = "/" + parts[..<existing].joined(separator: "/")
            if let real = realPath(prefix) {
                let rest = parts[existing...].joined(separator: "/")
                return rest.isEmpty ? real : (real == "/" ? "/" : real + "/") + rest
            }
            existing -= 1
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether `path` is `folder` or inside it (both canonical).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// The folder the process runs in.
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(cString: buffer)
    }

    /// The folder part of `path` (`.` when it has none).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
