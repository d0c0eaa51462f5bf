#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One number through a C `printf` pattern such as `%.4g` (Foundation's `String(format:)`
/// costs start-up time). Longer results are cut at 63 bytes; plot labels and reports
/// stay far below that.
public func printfFormat(_ x: Double, _ pattern: String) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = buffer.withUnsafeMutableBufferPointer { pointer in
        withVaList([x]) { vsnprintf(pointer.baseAddress, 64, pattern, $0) }
    }
    return String(cString: buffer)
}
