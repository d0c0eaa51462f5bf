import Support
import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

private let shipped = shippedNotebooks

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
