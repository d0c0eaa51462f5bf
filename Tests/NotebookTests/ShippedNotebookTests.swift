import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

/// Every `.gbook` in the repository's notebooks/ folder.
private let shipped: [String] = {
    let root = String(#filePath.prefix(upTo: #filePath.range(of: "/Tests/")?.lowerBound ?? #filePath.endIndex))
    let folder = root + "/notebooks"
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name.hasSuffix(".gbook") { names.append(folder + "/" + name) }
    }
    return names.sorted()
}()

@Test func notebooksAreShipped() {
    #expect(shipped.count >= 4)
}

@Test(arguments: shipped)
func shippedNotebookRoundTrips(path: String) throws {
    let text = try TextFile.read(path)
    #expect(NotebookWriter.serialize(try NotebookParser.parse(text)) == text)
}

@Test(arguments: shipped)
func shippedNotebookReplays(path: String) throws {
    let report = try Replay.run(file: path)
    #expect(report.failed == 0, "\(report.text)")
    #expect(report.passed > 0)
}
