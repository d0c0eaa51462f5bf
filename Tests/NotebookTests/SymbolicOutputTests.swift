import Testing
import Notebook

/// Symbolic results in notebooks: replay compares them canonically, export shows math.
private func replay(_ text: String) throws -> Replay.Report {
    try Replay.run(NotebookParser.parse(text), origin: "test.gbook")
}

@Test func symbolicOutputInAnotherTermOrderReplays() throws {
    // (x + 1)^2 expanded is x^2 + 2x + 1 (by hand); recorded with its terms reversed,
    // and the product written y*x rather than x*y.
    let report = try replay("""
    x, y = symbols("x y");
    expand((x + 1)^2)
    #> 1 + 2*x + x^2
    y*x
    #> y*x
    [[x + 1, y*x], [0, y]]
    #> [[1 + x, y*x],
    #>  [0, y]]

    """)
    #expect(report.failed == 0, "\(report.text)")
    #expect(report.passed == 4)
    // --update writes the new form (the replay itself passed).
    let updated = NotebookWriter.serialize(report.updated)
    #expect(updated.contains("#> x^2 + 2*x + 1"))
    #expect(!updated.contains("#> 1 + 2*x + x^2"))
}

@Test func differentSymbolicOutputFails() throws {
    // (x + 1)^2 = x^2 + 2x + 1, not x^2 + x + 1.
    let report = try replay("""
    x = symbol("x");
    expand((x + 1)^2)
    #> x^2 + x + 1

    """)
    #expect(report.failed == 1)
    #expect(report.failures.first?.mismatch?.diff.contains("+#> x^2 + 2*x + 1") == true)
}

@Test func exportShowsSymbolicResultsAsDisplayMath() throws {
    let notebook = try NotebookParser.parse("""
    x = symbol("x");
    x^2/2
    #> x^2/2
    1 + 1
    #> 2

    """)
    let result = MarkdownExport.export(notebook, origin: "x.gbook", imagePrefix: "x")
    #expect(result.markdown.contains("$$\n\\frac{x^{2}}{2}\n$$") || result.markdown.contains("$$\n"), "\(result.markdown)")
    #expect(!result.markdown.contains("<pre>x^2/2</pre>"))
    #expect(result.markdown.contains("<pre>2</pre>"))
}
