import Support

/// Whole-file reads and writes for the data builtins, through Support's files,
/// with the messages `load_csv` and `load_npy` have always given.
enum FileBytes {
    /// The bytes of the file at `path`.
    /// - Throws: `NNError.file` when it cannot be opened or read.
    static func read(_ path: String) throws -> [UInt8] {
        do { return try TextFile.readBytes(path) } catch let failure as TextFile.Failure {
            throw NNError.file(path: path, message: message(failure))
        }
    }

    /// Writes `bytes` to `path` through a temporary file renamed over it, so a
    /// failed write never leaves half a file behind.
    /// - Throws: `NNError.file` when the file cannot be written.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do { try TextFile.writeAtomically(bytes: bytes, to: path) } catch let failure as TextFile.Failure {
            throw NNError.file(path: path, message: message(failure))
        }
    }

    private static func message(_ failure: TextFile.Failure) -> String {
        switch failure.step {
        case .openForReading: return "cannot open (\(failure.reason))"
        case .read: return "read error"
        case .openForWriting: return "cannot open for writing (\(failure.reason))"
        case .write: return "write failed (\(failure.reason)); the file is unchanged"
        case .rename: return "cannot write (\(failure.reason))"
        }
    }
}
