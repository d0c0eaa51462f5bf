@preconcurrency import Glibc
import Support

/// An append-only record of a live REPL session, so that a crash or a killed
/// terminal loses nothing.
///
/// The file is plain text in the notebook's comment conventions: a header, then
/// for each entry a `#@ entry` line, its source lines and its output lines as
/// `#> ...`; a clean quit appends `#@ closed`. Each entry is flushed as soon as it
/// has run. A source line that itself starts with `#@` or `#>` is written with a
/// `#@|` prefix so that it cannot be mistaken for a marker.
///
///     #@ gradbook journal 1 pid=4242
///     #@ entry
///     x = 3
///     #> 3
///     #@ closed
public final class Journal {
    /// The journal's file.
    public let path: String
    private var fd: Int32 = -1
    /// The length of the file after the last complete write: a failed append is cut
    /// back to it, so a full disk never leaves half an entry after the good ones.
    private var length: off_t = 0

    static let header = "#@ gradbook journal 1"
    static let entryMarker = "#@ entry"
    static let closedMarker = "#@ closed"
    static let escape = "#@|"
    static let suffix = ".gbj"

    /// Starts a new journal for this process in `directory` (created if missing),
    /// named `session-SECONDS-PID.gbj` so names sort by start time.
    /// - Throws: `FileError` when the directory or file cannot be created.
    public init(directory: String, pid: Int32 = getpid()) throws {
        try FileSystem.makeDirectories(directory)
        let name = "session-\(WallClock.seconds())-\(pid)" + Journal.suffix
        path = directory + "/" + name
        fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(path: path, errno: errno) }
        if let failure = write(Journal.header + " pid=\(pid)\n") { throw failure }
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    /// Appends one entry with the output lines it showed, straight to the file
    /// (no buffer to lose in a crash).
    /// - Returns: the failure when the entry could not be written (a full disk,
    ///   `ulimit -f`); the journal then ends with the entries before it, intact.
    @discardableResult
    public func append(source: String, outputs: [String]) -> FileError? {
        var text = Journal.entryMarker + "\n"
        for line in source.splitLines() {
            let escaped = line.hasPrefix("#@") || line.hasPrefix("#>")
            text += (escaped ? Journal.escape + line : line) + "\n"
        }
        for output in outputs {
            for line in output.splitLines() { text += "#> " + line + "\n" }
        }
        return write(text)
    }

    /// Marks the session as ended cleanly and closes the file; later appends are ignored.
    public func close() {
        write(Journal.closedMarker + "\n")
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    @discardableResult
    private func write(_ text: String) -> FileError? {
        guard fd >= 0 else { return nil }
        if let code = TextFile.writeAll(fd, Array(text.utf8)) {
            _ = ftruncate(fd, length)
            return FileError(path: path, errno: code)
        }
        length += off_t(text.utf8.count)
        return nil
    }

    /// What a journal file holds.
    public struct Contents: Equatable, Sendable {
        /// The process that wrote it.
        public var pid: Int32?
        /// The source of each entry, in order.
        public var entries: [String]
        /// Whether the session ended cleanly.
        public var closed: Bool

        /// Describes a journal's contents explicitly.
        public init(pid: Int32?, entries: [String], closed: Bool) {
            self.pid = pid
            self.entries = entries
            self.closed = closed
        }
    }

    /// Parses a journal's text; a truncated last entry (the process died while
    /// writing) keeps the lines that made it to the file.
    public static func parse(_ text: String) -> Contents {
        var contents = Contents(pid: nil, entries: [], closed: false)
        var current: [String]? = nil
        func finish() {
            if let lines = current { contents.entries.append(lines.joined(separator: "\n")) }
            current = nil
        }
        for line in text.splitLines() {
            if line.hasPrefix(header) {
                if let range = line.firstRange(of: "pid=") { contents.pid = Int32(line[range.upperBound...]) }
            } else if line == entryMarker {
                finish()
                current = []
            } else if line == closedMarker {
                finish()
                contents.closed = true
            } else if line.hasPrefix("#> ") || line == "#>" {
                continue
            } else if line.hasPrefix(escape) {
                current?.append(String(line.dropFirst(escape.count)))
            } else {
                current?.append(line)
            }
        }
        finish()
        return contents
    }

    /// The journals in `directory` left unclosed by a process that is no longer
    /// running, oldest first. `isAlive` defaults to asking the kernel (`kill(pid, 0)`).
    public static func abandoned(in directory: String,
                                 isAlive: (Int32) -> Bool = Journal.processIsAlive) -> [String] {
        FileSystem.list(directory).filter { $0.hasSuffix(suffix) }.compactMap { name in
            let path = directory + "/" + name
            guard let text = try? FileSystem.read(path) else { return nil }
            let contents = parse(text)
            guard !contents.closed else { return nil }
            if let pid = contents.pid, pid != getpid(), isAlive(pid) { return nil }
            if contents.pid == getpid() { return nil }
            return path
        }
    }

    /// Marks a journal from another session as dealt with (restored or declined),
    /// so that it is not offered again.
    public static func markClosed(_ path: String) {
        guard let file = fopen(path, "a") else { return }
        fputs(closedMarker + "\n", file)
        fclose(file)
    }

    /// Deletes the oldest closed journals in `directory`, keeping the newest `keep`.
    public static func prune(_ directory: String, keep: Int = 20) {
        let closed = FileSystem.list(directory).filter { $0.hasSuffix(suffix) }.filter { name in
            (try? FileSystem.read(directory + "/" + name)).map { parse($0).closed } ?? false
        }
        // Names start with the start time in seconds, so the lexical order is nearly
        // chronological; exact order within a second does not matter for pruning.
        for name in closed.dropLast(keep) { FileSystem.remove(directory + "/" + name) }
    }

    /// Whether a process with this id exists (EPERM means it exists but is someone else's).
    public static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension String {
    /// The lines of the text without their terminators; a final newline adds no empty line.
    func splitLines() -> [String] {
        var lines = split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
