#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
        /// `cannot read notebooks/x.gbook: No such file or directory`, or for a
        /// write `cannot write x.gbook: File too large (the file is unchanged)`.
        public var description: String {
            switch step {
            case .openForReading, .read: return "cannot read \(path): \(reason)"
            case .openForWriting, .write, .rename: return "cannot write \(path): \(reason) (the file is unchanged)"
            }
        }
    }

    /// The whole file as a string.
    /// - Throws: `TextFile.Failure` when it cannot be opened or read, `NotUTF8` when its
    ///   bytes are not UTF-8 (repairing them would run or show text nobody wrote).
    public static func read(_ path: String) throws -> String {
        let bytes = try readBytes(path)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw NotUTF8(bytes: bytes)
    }

    /// A file whose bytes are not UTF-8, located at its first bad byte.
    public struct NotUTF8: Error, CustomStringConvertible, Equatable {
        /// 1-based line and column (in bytes) of the first byte that is not UTF-8.
        public var line: Int, column: Int
        public var byte: UInt8

        public init(line: Int, column: Int, byte: UInt8) {
            self.line = line
            self.column = column
            self.byte = byte
        }

        init(bytes: [UInt8]) {
            // A newline byte never occurs inside a multi-byte sequence, so lines split safely.
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
            let text = lines.isEmpty ? [] : Array(lines[bad])
            var column = 0
            while column < text.count {
                var decoder = UTF8()
                var rest = text[column...].makeIterator()
                guard case .scalarValue(let scalar) = decoder.decode(&rest) else { break }
                column += UTF8.width(scalar)
            }
            self.line = bad + 1
            self.column = column + 1
            self.byte = column < text.count ? text[column] : 0
        }

        public var description: String {
            "line \(line), column \(column): not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)))"
        }
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
    ///
    /// Every failure (a full disk, `ulimit -f`, a read-only or forbidden folder) leaves
    /// the previous file byte for byte and removes the temporary file, so no caller
    /// can lose a file by saving it. The reason is the `errno` of the step that failed,
    /// read before any clean-up can overwrite it.
    /// - Throws: `TextFile.Failure` when any step fails.
    public static func writeAtomically(bytes: [UInt8], to path: String) throws {
        let (temporary, fd) = try createTemporary(beside: path)
        func fail(_ step: Step, _ code: Int32) -> Failure {
            unlink(temporary)
            return Failure(path: path, reason: String(cString: strerror(code)), step: step)
        }
        // The new file keeps the old one's permissions, or gets the usual ones (umask).
        var status = stat()
        if stat(path, &status) == 0 { _ = fchmod(fd, status.st_mode & 0o7777) }
        if let code = writeAll(fd, bytes) {
            close(fd)
            throw fail(.write, code)
        }
        if fsync(fd) != 0 {
            let code = errno
            close(fd)
            throw fail(.write, code)
        }
        if close(fd) != 0 { throw fail(.write, errno) }
        if rename(temporary, path) != 0 { throw fail(.rename, errno) }
    }

    /// A new file beside `path` that no other writer (another thread or process
    /// saving the same file) can share: `O_EXCL` with a per-process counter.
    private static func createTemporary(beside path: String) throws -> (String, Int32) {
        while true {
            let serial = temporarySerial.add(1, ordering: .relaxed).newValue
            let temporary = path + ".tmp-\(getpid())-\(serial)"
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (temporary, fd) }
            if errno != EEXIST {
                throw Failure(path: path, reason: String(cString: strerror(errno)), step: .openForWriting)
            }
        }
    }

    /// Writes all of `bytes` to `fd`, resuming after signals and short writes;
    /// the `errno` of the write that failed, or nil. Used by append-only writers
    /// (the journal) that cannot go through a temporary file.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let n = writeDescriptor(fd, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // A zero-byte write of a non-empty buffer makes no progress; call it a full disk.
                if n == 0 { return ENOSPC }
                offset += n
            }
            return nil
        }
    }

    /// Ignores `SIGXFSZ`, whose default action kills the process when a write passes
    /// `ulimit -f`; ignored, the write fails with `EFBIG` and the caller reports it.
    /// Front ends call it once at start-up.
    public static func survivingFileSizeLimits() {
        signal(SIGXFSZ, SIG_IGN)
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

/// Numbers the temporary files this process makes.
private let temporarySerial = Atomic<Int>(0)

/// `write(2)`, out of reach of `TextFile`'s names.
private func writeDescriptor(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// `read(2)`, out of reach of `TextFile.read(_:)`'s name.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
