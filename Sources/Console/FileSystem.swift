@preconcurrency import Glibc
import Support

/// An error from a file operation, carrying the path and the system's reason.
public struct FileError: Error, Equatable, CustomStringConvertible {
    /// The path the operation was on.
    public var path: String
    /// The reason, from `strerror`.
    public var reason: String

    /// The message shown to the user: "cannot write 'x.gbook': Permission denied".
    public var description: String { "\(path): \(reason)" }

    /// An error with an explicit reason.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    init(path: String, errno code: Int32) {
        self.path = path
        self.reason = String(cString: strerror(code))
    }
}

/// Small Glibc file helpers; Foundation stays off the start-up path.
public enum FileSystem {
    /// Reads a whole file as UTF-8; a file that is not UTF-8 is refused with its line.
    public static func read(_ path: String) throws -> String {
        do { return try TextFile.read(path) } catch let failure as TextFile.Failure {
            throw FileError(path: path, reason: failure.reason)
        } catch let invalid as TextFile.NotUTF8 {
            throw FileError(path: path, reason: "\(invalid)")
        }
    }

    /// Reads all of standard input (piped scripts).
    public static func readStandardInput() -> String {
        TextFile.readStandardInput()
    }

    /// Replaces a file's contents atomically: writes `path.tmp-PID`, flushes it to
    /// disk, then renames it over `path`, so a crash leaves the old file or the new one.
    public static func writeAtomically(_ path: String, _ contents: String) throws {
        do { try TextFile.writeAtomically(contents, to: path) } catch let failure as TextFile.Failure {
            throw FileError(path: path, reason: failure.reason)
        }
    }

    /// Creates a directory and its missing parents (mode 0700: journals are private).
    public static func makeDirectories(_ path: String) throws {
        do { try Directory.create(path, mode: 0o700) } catch let failure as TextFile.Failure {
            throw FileError(path: failure.path, reason: failure.reason)
        }
    }

    /// The names of the entries of a directory (without `.` and `..`); empty when it cannot be read.
    public static func list(_ directory: String) -> [String] {
        Directory.entries(directory)
    }

    /// Whether a path exists.
    public static func exists(_ path: String) -> Bool {
        TextFile.exists(path)
    }

    /// Removes a file, ignoring a missing one.
    public static func remove(_ path: String) {
        TextFile.remove(path)
    }
}
