import Testing
import Notebook

/// The Newton example of DESIGN.md, with a header, options, a block and a comment.
private let newton = """
#+ notebook tol=1e-6
#' # Newton's method on a quadratic
#' The quadratic model gives $\\theta^* = \\theta_0 - H^{-1}\\nabla J$.
A = [[3, 1], [1, 2]];  b = [1, 1];
J(w) = 0.5 * w @ A @ w - b @ w;
H = hessian(J, [0, 0])
#> [[3, 1],
#>  [1, 2]]
# a plain comment
function loss(w, X, y)      # block function
    r = X @ w - y

    if r > 0 s = "end(" end
    return 0.5 * mean(r^2)
end
#+ tol=1e-3, skip
w1 = [0, 0] - inv(H) @ grad(J,
   [0, 0])
#> [0.2, 0.4]

"""

@Test func parsesCellsWithTheirOutputsAndOptions() throws {
    let notebook = try NotebookParser.parse(newton)
    let cells = notebook.cells
    #expect(cells.count == 5)
    #expect(cells[2].source == "H = hessian(J, [0, 0])")
    #expect(cells[2].outputs == ["[[3, 1],", " [1, 2]]"])
    #expect(cells[3].sourceLines.count == 6)  // the block with its blank line is one cell
    #expect(cells[4].sourceLines.count == 2)  // an open bracket continues the statement
    #expect(cells[4].options == CellOptions(tolerance: 1e-3, skip: true))
    #expect(notebook.defaults.tolerance == 1e-6)
}

@Test(arguments: [
    newton,
    "",
    "\n",
    "x = 1",
    "x = 1\r\n#> 1\r\n\r\ny = 2",
    "x = 1\r\n#> 1\r\n",
    "x = 1\n#>\n#>x\n#>   indented\n",
    "  #' indented prose\n\t\n# comment\n",
    "a = 1; b = 2; c = 3\n#> 3\nλ = \"ü\"\n",
])
func roundTripsByteForByte(text: String) throws {
    #expect(NotebookWriter.serialize(try NotebookParser.parse(text)) == text)
}

@Test func keepsCRLFLineEnds() throws {
    let notebook = try NotebookParser.parse("x = 1\r\n#> 1\r\n")
    #expect(notebook.lineEnding == .crlf)
    #expect(notebook.cells[0].source == "x = 1")
    #expect(notebook.cells[0].outputs == ["1"])
}

@Test(arguments: [
    ("#> 1\n", 1, "does not follow a code cell"),
    ("x = 1\n\n#> 1\n", 3, "does not follow a code cell"),
    ("x = 1\n#+ foo\ny = 2\n", 2, "unknown cell option 'foo'"),
    ("#+ tol=abc\nx = 1\n", 1, "tol must be"),
    ("#+\nx = 1\n", 1, "sets no option"),
    ("#+ notebook skip\n", 1, "not to the whole notebook"),
    ("x = 1\n#+ notebook tol=1\n", 2, "before the first cell"),
    ("x = 1\n#+ tol=1\n\ny = 2\n", 2, "followed by a blank line"),
    ("x = 1\n#+ skip\n", 2, "followed by the end of the file"),
    ("x = 1\nfunction f(x)\n  return x\n", 2, "expected 'end' to close 'function' at line 2"),
    ("y = [1,\n  2\n", 1, "closing bracket"),
    ("x = 1\nfor i in range(3)\n  x\n#> 3\n", 2, "not complete before line 4"),
])
func malformedNotebooksGiveLineNumbers(text: String, line: Int, message: String) {
    do {
        _ = try NotebookParser.parse(text)
        Issue.record("expected an error for \(text.debugDescription)")
    } catch let error as NotebookError {
        #expect(error.line == line)
        #expect(error.message.contains(message), "\(error.message)")
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func buildsATranscriptThatParsesBack() throws {
    var notebook = Notebook()
    notebook.appendProse("# Title\n\nSome $x^2$.")
    notebook.append(Cell(source: "x = 3", outputs: ["3"]))
    notebook.append(Cell(source: "function f(a)\n  return a\nend", outputs: []))
    notebook.append(Cell(source: "1 / \"a\"", outputs: ["error: cannot divide"], options: CellOptions(expectError: true)))
    let text = NotebookWriter.serialize(notebook)
    #expect(text == """
    #' # Title
    #'
    #' Some $x^2$.
    x = 3
    #> 3
    function f(a)
      return a
    end
    #+ error
    1 / "a"
    #> error: cannot divide

    """)
    let reread = try NotebookParser.parse(text)
    #expect(reread == notebook)
}

@Test func indentedOutputLinesLoseTheirIndent() throws {
    let cell = try #require(try NotebookParser.parse("x = 1\n  #> 1\n\t#>\n").cells.first)
    #expect(cell.outputs == ["1", ""])
}

@Test func lineNumbersCountEveryRawLine() throws {
    let notebook = try NotebookParser.parse("#' a\nx = 1\n#> 1\n\ny = 2\n")
    #expect(notebook.firstLines == [1, 2, 4, 5])
}
