import Console
import Glibc

/// A fresh directory under /tmp for one test.
func temporaryDirectory(_ name: String) throws -> String {
    var template = Array("/tmp/gradbook-\(name)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { throw FileError(path: "/tmp", reason: "mkdtemp failed") }
    return String(cString: made)
}
