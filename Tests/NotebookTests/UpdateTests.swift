import Support
import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

private func temporaryFile(_ text: String) throws -> String {
    let path = "/tmp/gradbook-update-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).gbook"
    try TextFile.writeAtomically(text, to: path)
    return path
}

@Test func updateRewritesOnlyOutputs() throws {
    let original = """
    #+ notebook tol=1e-12
    #' # A title with $x^2$
    x = 0.5 * 3   # a trailing comment
    #> 9.99
    #>   stale extra line

    # a plain comment
    function f(a)
        return a + 1
    end
    f(1)
    print("kept")
    #>kept
    #+ skip
    never_run()
    #> whatever

    """
    let path = try temporaryFile(original)
    defer { unlink(path) }
    let report = try Replay.run(file: path, update: true)
    #expect(report.failed == 2)
    let updated = try TextFile.read(path)
    // Every line that is not an output of a changed cell is byte-identical, in order.
    let expected = original
        .replacingOccurrences(of: "#> 9.99\n#>   stale extra line\n", with: "#> 1.5\n")
        .replacingOccurrences(of: "f(1)\n", with: "f(1)\n#> 2\n")
    #expect(updated == expected)
    // A second replay passes, and a second update changes nothing.
    #expect(try Replay.run(file: path, update: true).failed == 0)
    #expect(try TextFile.read(path) == expected)
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).map(String.init).joined(separator: replacement)
    }
}
