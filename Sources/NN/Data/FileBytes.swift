import Glibc

/// Whole-file reads and writes through stdio: the data files are small beside
/// memory, and Foundation would add start-up time to every run.
enum FileBytes {
    /// The bytes of the file at `path`.
    /// - Throws: `NNError.file` when it cannot be opened or read.
    static func read(_ path: String) throws -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw NNError.file(path: path, message: "cannot open (\(String(cString: strerror(errno))))")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(f) != 0 { throw NNError.file(path: path, message: "read error") }
                return bytes
            }
        }
    }

    /// Writes `bytes` to `path` through a temporary file renamed over it, so a
    /// failed write never leaves half a file behind.
    /// - Throws: `NNError.file` when the file cannot be written.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        guard let f = fopen(temporary, "wb") else {
            throw NNError.file(path: path, message: "cannot open for writing (\(String(cString: strerror(errno))))")
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        let closed = fclose(f)
        guard written == bytes.count, closed == 0 else {
            unlink(temporary)
            throw NNError.file(path: path, message: "write failed")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw NNError.file(path: path, message: "cannot write (\(String(cString: strerror(errno))))")
        }
    }
}
