#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes whole UTF-8 files with the C library (Foundation costs start-up time).
public enum TextFile {
    /// A file that could not be read or written, with the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The path involved.
        public var path: String
        /// `strerror` text or a short reason.
        public var reason: String
        /// `cannot read notebooks/x.gbook: No such file or directory`.
        public var description: String { "cannot access \(path): \(reason)" }
    }

    /// The whole file as a string (invalid UTF-8 is repaired with U+FFFD).
    /// - Throws: `TextFile.Failure` when it cannot be opened or read.
    public static func read(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 { throw Failure(path: path, reason: "read error") }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` atomically: a temporary file beside `path`, flushed, then renamed
    /// over it, so a crash leaves either the old file or the new one, never half of one.
    /// - Throws: `TextFile.Failure` when any step fails (the temporary file is removed).
    public static func writeAtomically(_ text: String, to path: String) throws {
        try writeAtomically(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` atomically, as `writeAtomically(_:to:)` does text.
    /// - Throws: `TextFile.Failure` when any step fails (the temporary file is removed).
    public static func writeAtomically(bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else {
            throw Failure(path: temporary, reason: String(cString: strerror(errno)))
        }
        var bytes = bytes
        let written = bytes.withUnsafeMutableBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        bytes.removeAll()
    }
}
