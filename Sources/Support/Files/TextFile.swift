#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes whole files with the C library (Foundation costs start-up time).
public enum TextFile {
    /// The step of a file operation that failed, so a caller can word its own message.
    public enum Step: Sendable, Equatable {
        /// Opening the file to read it.
        case openForReading
        /// Reading its bytes.
        case read
        /// Creating the temporary file beside the target.
        case openForWriting
        /// Writing or flushing the temporary file.
        case write
        /// Renaming the temporary file over the target.
        case rename
    }

    /// A file that could not be read or written, with the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The path involved.
        public var path: String
        /// `strerror` text or a short reason.
        public var reason: String
        /// Which step failed.
        public var step: Step = .read
        /// `cannot access notebooks/x.gbook: No such file or directory`.
        public var description: String { "cannot access \(path): \(reason)" }
    }

    /// The whole file as a string (invalid UTF-8 is repaired with U+FFFD).
    /// - Throws: `TextFile.Failure` when it cannot be opened or read.
    public static func read(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    /// The bytes of the whole file.
    /// - Throws: `TextFile.Failure` (step `.openForReading` or `.read`).
    public static func readBytes(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw Failure(path: path, reason: String(cString: strerror(errno)), step: .openForReading)
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count {
                if ferror(file) != 0 { throw Failure(path: path, reason: "read error", step: .read) }
                return bytes
            }
        }
    }

    /// All of standard input, for piped scripts (invalid UTF-8 is repaired).
    public static func readStandardInput() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { readDescriptor(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
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
            throw Failure(path: temporary, reason: String(cString: strerror(errno)), step: .openForWriting)
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        let closed = fclose(file) == 0
        guard written == bytes.count, flushed, closed else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason, step: .write)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason, step: .rename)
        }
    }

    /// Whether anything exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Removes a file; a missing one is not an error.
    public static func remove(_ path: String) {
        unlink(path)
    }
}

/// `read(2)`, out of reach of `TextFile.read(_:)`'s name.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
