import Support
import Testing
import Notebook
#if canImport(Glibc)
import Glibc
#endif

private let root = repositoryRoot

/// What a reader of a notebook sees, with blank-line layout left out: the thing a
/// conversion must keep.
private enum Content: Equatable {
    case header(CellOptions)
    case prose(String)
    case comment(String)
    case code(source: String, options: CellOptions, outputs: [String])
}

private func content(_ notebook: Notebook) -> [Content] {
    func text(_ raw: String, after marker: String) -> String {
        var rest = raw.drop { $0 == " " || $0 == "\t" }.dropFirst(marker.count)
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return String(rest)
    }
    var units: [Content] = []
    for item in notebook.items {
        switch item {
        case .header(_, let options): units.append(.header(options))
        case .prose(let raw):
            let line = text(raw, after: "#'")
            if !line.allSatisfy(\.isWhitespace) { units.append(.prose(line)) }
        case .comment(let raw): units.append(.comment(text(raw, after: "#")))
        case .code(let cell): units.append(.code(source: cell.source, options: cell.options, outputs: cell.outputs))
        case .blank: break
        }
    }
    return units
}

private func parse(_ text: String) throws -> Notebook { try NotebookParser.parse(text) }

/// The code cells of an exported document as (source, outputs JSON, metadata JSON).
private func cells(_ json: JSONValue) -> [JSONValue] { json["cells"]?.arrayValue ?? [] }

@Suite struct IpynbTests {
    @Test func notebooksAreShipped() {
        #expect(shippedNotebooks.count >= 17)
    }

    // gbook -> ipynb -> gbook keeps every cell's source, options and outputs, the prose and
    // the comments, in order.
    @Test(arguments: shippedNotebooks)
    func shippedNotebookSurvivesIpynb(path: String) throws {
        let original = try parse(try TextFile.read(path))
        let json = IpynbExport.export(original)
        let (back, _) = try IpynbImport.notebook(from: json, origin: "x.ipynb")
        #expect(content(back) == content(original))
        #expect(back.cells.count == original.cells.count)
        // The converted text is itself a notebook that reads back the same.
        #expect(try parse(NotebookWriter.serialize(back)) == back)
    }

    // ipynb (as the exporter writes it) -> gbook -> ipynb gives the same document: cells,
    // ids, sources, outputs, tags and metadata.
    @Test(arguments: shippedNotebooks)
    func exportedIpynbSurvivesGbook(path: String) throws {
        let exported = IpynbExport.export(try parse(try TextFile.read(path)))
        let (notebook, notes) = try IpynbImport.notebook(from: exported, origin: "x.ipynb")
        #expect(notes.isEmpty)
        let again = IpynbExport.export(notebook)
        #expect(cells(again).count == cells(exported).count)
        for (a, b) in zip(cells(again), cells(exported)) { #expect(a == b) }
        #expect(again == exported)
    }

    // The text of an export parses as JSON into the document it came from, and ends with
    // a newline as nbformat.write's files do.
    @Test func exportTextIsTheDocument() throws {
        let path = root + "/notebooks/language-tour.gbook"
        let text = try IpynbExport.text(file: path)
        #expect(text.hasSuffix("}\n"))
        #expect(try JSONValue.parse(text) == IpynbExport.export(try parse(try TextFile.read(path))))
    }

    // small.ipynb is nbformat's own rewrite of this exporter's output for small.gbook:
    // /tmp/jvenv/bin/python -c "import nbformat; nb = nbformat.read('small.ipynb', 4);
    // nbformat.validate(nb); nbformat.write(nb, 'small.ipynb')", which lays JSON out as
    // Jupyter does (indent 1, sorted keys, non-ASCII as is). Equal bytes mean a notebook
    // saved again by Jupyter does not change.
    @Test func exportIsLaidOutAsNbformatWritesIt() throws {
        let folder = root + "/Tests/NotebookTests/golden/ipynb/"
        let text = try IpynbExport.text(file: folder + "small.gbook")
        #expect(text == (try TextFile.read(folder + "small.ipynb")))
    }

    // The mapping of docs/notebook-format.md, cell by cell, on a notebook that has one of
    // each thing.
    @Test func exportFollowsTheMapping() throws {
        let notebook = try parse("""
            #+ notebook tol=1e-8
            #' # Title
            #'
            #' Text with $x$.

            #' More text.
            # set up
            x = 2
            #> 2
            #+ error
            print("before"); inv([[1, 2], [2, 4]])
            #> before
            #> error: matrix is singular
            #+ skip tol=1e-3
            plot([1, 2])
            #> <plot: line>
            #> after
            # trailing comment

            """)
        let json = IpynbExport.export(notebook)
        #expect(json["nbformat"] == 4)
        #expect(json["nbformat_minor"] == 5)
        #expect(json["metadata"]?["gradbook"]?["options"] == "tol=1e-8")
        #expect(json["metadata"]?["kernelspec"]?["name"] == "gradbook")
        #expect(json["metadata"]?["language_info"]?["file_extension"] == ".gbook")
        let cells = cells(json)
        #expect(cells.map { $0["cell_type"]?.stringValue ?? "" } == ["markdown", "code", "code", "code", "raw"])
        #expect(cells.map { $0["id"]?.stringValue ?? "" } == ["cell-1", "cell-2", "cell-3", "cell-4", "cell-5"])
        #expect(cells[0]["source"] == ["# Title\n", "\n", "Text with $x$.\n", "\n", "More text."])
        #expect(cells[1]["source"] == ["# set up\n", "x = 2"])
        #expect(cells[1]["execution_count"] == .null)
        #expect(cells[1]["outputs"] == [["output_type": "stream", "name": "stdout", "text": ["2\n"]]])
        #expect(cells[2]["metadata"] == ["gradbook": ["options": "error"], "tags": ["raises-exception"]])
        #expect(cells[2]["outputs"] == [
            ["output_type": "stream", "name": "stdout", "text": ["before\n"]],
            ["output_type": "error", "ename": "Error", "evalue": "matrix is singular",
             "traceback": ["error: matrix is singular"]],
        ])
        #expect(cells[3]["metadata"] == ["gradbook": ["options": "skip tol=1e-3"], "tags": ["skip-execution"]])
        #expect(cells[3]["outputs"] == [
            ["output_type": "display_data", "data": ["text/plain": ["<plot: line>"]], "metadata": [:]],
            ["output_type": "stream", "name": "stdout", "text": ["after\n"]],
        ])
        #expect(cells[4]["source"] == ["trailing comment"])
    }

    // Converting twice gives the same bytes (ids are numbered, not random).
    @Test func exportIsDeterministic() throws {
        let notebook = try parse(try TextFile.read(root + "/notebooks/plots.gbook"))
        #expect(IpynbExport.text(notebook) == IpynbExport.text(notebook))
    }

    // Python: json.dumps("a\x01b\"\\\t\x1bé", ensure_ascii=False) == '"a\\u0001b\\"\\\\\\t\\u001bé"'.
    @Test func stringsAreEscapedAsPythonDoes() throws {
        var notebook = Notebook()
        notebook.appendProse("a\u{01}b\"\\\t\u{1B}é")
        let text = IpynbExport.text(notebook)
        #expect(text.contains(#""a\u0001b\"\\\t\u001bé""#))
        #expect(try JSONValue.parse(text)["cells"]?.arrayValue?.first?["source"] == ["a\u{01}b\"\\\t\u{1B}é"])
    }

    // jupyter-made.ipynb was written by nbformat 5.10 (make_jupyter_fixture.py beside it),
    // the way Jupyter saves a session: ids of its own, execute_result, stream output in
    // two pieces, an SVG with a text/plain summary, an ANSI-coloured traceback.
    @Test func importsWhatJupyterWrote() throws {
        let path = root + "/Tests/NotebookTests/golden/ipynb/jupyter-made.ipynb"
        let (text, notes) = try IpynbImport.text(file: path)
        let notebook = try parse(text)
        #expect(content(notebook) == [
            .prose("# Made by Jupyter"),
            .prose("A gradient of $x^2$ at $3$ is $6$."),
            .code(source: "f(x) = x^2;", options: CellOptions(), outputs: []),
            .code(source: "g = grad(f);", options: CellOptions(), outputs: []),
            .code(source: "g(3)", options: CellOptions(), outputs: ["6"]),
            .code(source: "print(\"a\");", options: CellOptions(), outputs: []),
            .code(source: "print(\"b\")", options: CellOptions(), outputs: ["a", "b"]),
            .code(source: "plot([1, 2, 3])", options: CellOptions(),
                  outputs: ["<plot: line, 1 series, 3 points, x=[0, 2], y=[1, 3], hash=e7a16ad1>"]),
            .code(source: "[1, 2] @ [[1, 2, 3]]", options: CellOptions(expectError: true),
                  outputs: ["error: shape mismatch in @: (2,) and (1, 3)"]),
            .comment("raw text"),
            .comment("kept as comments"),
        ])
        // Cells 2 and 3 hold several statements; their first statements are on lines 5 and 10.
        #expect(notes.count == 2)
        #expect(notes.first?.contains("cell 2 (line 5)") == true)
        #expect(notes.last?.contains("cell 3 (line 10)") == true)
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[4] == "f(x) = x^2;")
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false)[9] == "print(\"a\");")
    }

    // kernel-run.executed.ipynb is kernel-run.gbook converted, then executed by Jupyter's
    // nbconvert on the gradbook kernel (make_kernel_fixture.sh beside it): outputs as the
    // kernel sent them (a loop's prints in several stream messages, an SVG plot, a
    // coloured error, a progress bar). Read back, it must replay against a fresh
    // session and keep every record of the notebook it came from.
    @Test func notebookRunByTheKernelReplays() throws {
        let folder = root + "/Tests/NotebookTests/golden/ipynb/"
        let (text, notes) = try IpynbImport.text(file: folder + "kernel-run.executed.ipynb")
        #expect(notes.isEmpty)
        let back = try parse(text)
        let original = try parse(try TextFile.read(folder + "kernel-run.gbook"))
        #expect(content(back) == content(original))
        let report = Replay.run(back, origin: "kernel-run.executed.ipynb")
        #expect(report.failed == 0, "\(report.text)")
        #expect(report.passed == original.cells.count - 1)
        #expect(report.skipped == 1)
    }

    // The options of the notebook metadata become the header line; tags stand in for
    // options when gradbook wrote none.
    @Test func importsOptionsAndTags() throws {
        let json: JSONValue = [
            "nbformat": 4, "nbformat_minor": 2,
            "metadata": ["gradbook": ["options": "tol=1e-6"]],
            "cells": [
                ["cell_type": "code", "metadata": ["tags": ["skip-execution", "other"]], "source": "f()", "outputs": []],
                ["cell_type": "code", "metadata": ["tags": ["raises-exception"], "gradbook": ["options": "tol=0.1"]],
                 "source": "g()", "outputs": []],
            ],
        ]
        let (notebook, _) = try IpynbImport.notebook(from: json, origin: "t.ipynb")
        #expect(NotebookWriter.serialize(notebook) == "#+ notebook tol=1e-6\n#+ skip\nf()\n\n#+ tol=0.1\ng()\n")
        #expect(notebook.defaults.tolerance == 1e-6)
    }

    // Outputs: stream pieces join before splitting; a carriage return keeps what follows
    // it; an image without text/plain and the kernel's progress bar add nothing; an empty
    // line stays as `#>`.
    @Test func importsOutputsAsLines() throws {
        let json: JSONValue = [
            "nbformat": 4, "nbformat_minor": 4, "metadata": [:],
            "cells": [[
                "cell_type": "code", "metadata": [:], "source": ["for i in range(2)\n", "    print(i)\n", "end\n"],
                "outputs": [
                    ["output_type": "stream", "name": "stdout", "text": "epoch 1\repoch 2\n\nx"],
                    ["output_type": "stream", "name": "stdout", "text": "y\n"],
                    ["output_type": "stream", "name": "stderr", "text": ["warn\n"]],
                    ["output_type": "display_data", "data": ["image/png": "iVBOR"], "metadata": [:]],
                    ["output_type": "display_data", "data": ["text/plain": "fit [=====] 2/2"],
                     "metadata": ["gradbook": ["progress": true]]],
                    ["output_type": "execute_result", "data": ["text/plain": ["[1,\n", " 2]"]],
                     "metadata": [:], "execution_count": 3],
                ],
            ]],
        ]
        let (notebook, notes) = try IpynbImport.notebook(from: json, origin: "t.ipynb")
        #expect(notes.isEmpty)
        #expect(notebook.cells.count == 1)
        #expect(notebook.cells.first?.source == "for i in range(2)\n    print(i)\nend")
        #expect(notebook.cells.first?.outputLines == ["#> epoch 2", "#>", "#> xy", "#> warn", "#> [1,", "#>  2]"])
    }

    // A code cell of comments alone has no statement to hold outputs: they are left out,
    // with a note, and the comments kept.
    @Test func notesOutputsOfACellWithoutStatements() throws {
        let json: JSONValue = [
            "nbformat": 4, "nbformat_minor": 5, "metadata": [:],
            "cells": [["cell_type": "code", "metadata": [:], "source": "# only a comment",
                       "outputs": [["output_type": "stream", "name": "stdout", "text": "x\n"]]]],
        ]
        let (notebook, notes) = try IpynbImport.notebook(from: json, origin: "t.ipynb")
        #expect(NotebookWriter.serialize(notebook) == "# only a comment\n")
        #expect(notes == ["t.ipynb: cell 1 has outputs but only comments; its outputs are left out"])
    }

    // A Jupyter comment that reads like `#'`, `#>` or `#+` stays a comment.
    @Test func escapesGbookMarkersInCode() throws {
        let json: JSONValue = [
            "nbformat": 4, "nbformat_minor": 5, "metadata": [:],
            "cells": [["cell_type": "code", "metadata": [:], "outputs": [],
                       "source": "#' not prose\nfunction f()\n    #> not output\n    return 1\nend"]],
        ]
        let (notebook, _) = try IpynbImport.notebook(from: json, origin: "t.ipynb")
        #expect(NotebookWriter.serialize(notebook) == "# ' not prose\nfunction f()\n    # > not output\n    return 1\nend\n")
    }

    // Malformed notebooks give one clear error naming the file and the trouble.
    @Test(arguments: [
        ("[1, 2]", "t.ipynb: not a Jupyter notebook: the top level is not a JSON object"),
        (#"{"cells": []}"#, #"t.ipynb: not a Jupyter notebook: no "nbformat" version"#),
        (#"{"nbformat": 3, "cells": []}"#, "t.ipynb: nbformat 3 is not supported (only nbformat 4)"),
        (#"{"nbformat": 4}"#, #"t.ipynb: has no "cells""#),
        (#"{"nbformat": 4, "cells": {}}"#, #"t.ipynb: "cells" is not an array"#),
        (#"{"nbformat": 4, "cells": [{"source": "x"}]}"#, #"t.ipynb: cell 1 has no "cell_type""#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": "a"}, {"cell_type": "markdown"}, 5]}"#,
         #"t.ipynb: cell 2 has no "source""#),
        (#"{"nbformat": 4, "cells": [7]}"#, "t.ipynb: cell 1 is not an object"),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": ["x", 1]}]}"#,
         #"t.ipynb: cell 1: "source" is not a string or an array of strings"#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "heading", "source": "x"}]}"#,
         "t.ipynb: cell 1 has an unknown cell_type 'heading' (expected markdown, code or raw)"),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x", "outputs": 3}]}"#,
         #"t.ipynb: cell 1: "outputs" is not an array"#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x", "outputs": [{"name": "stdout"}]}]}"#,
         #"t.ipynb: cell 1 output 1 has no "output_type" string"#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x", "outputs": [{"output_type": "stream"}]}]}"#,
         #"t.ipynb: cell 1 output 1: stream "text" is missing or not a string"#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "function f()\n  1"}]}"#,
         "t.ipynb: cell 1: the statement at its line 1 never closes: expected 'end' to close 'function' at line 1"),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x", "metadata": {"gradbook": {"options": "fast"}}}]}"#,
         #"t.ipynb: cell 1: "metadata.gradbook.options": unknown cell option 'fast' (known: tol=, atol=, timeout=, skip, error, reset)"#),
        (#"{"nbformat": 4, "metadata": {"gradbook": {"options": "skip"}}, "cells": []}"#,
         #"t.ipynb: the notebook metadata: "metadata.gradbook.options": 'skip' applies to one cell, not to the whole notebook"#),
        (#"{"nbformat": 4, "cells": [{"cell_type": "code", "source": "x", "metadata": {"tags": "skip-execution"}}]}"#,
         #"t.ipynb: cell 1: "metadata.tags" is not an array of strings"#),
    ])
    func rejectsMalformedNotebooks(json: String, message: String) throws {
        let value = try JSONValue.parse(json)
        #expect {
            _ = try IpynbImport.notebook(from: value, origin: "t.ipynb")
        } throws: { error in
            (error as? IpynbError)?.description == message
        }
    }

    // Text that is not JSON is an error naming the file, and nothing is returned.
    @Test func rejectsTextThatIsNotJSON() throws {
        let path = "/tmp/gradbook-ipynb-test-\(getpid()).ipynb"
        try TextFile.writeAtomically("{\"nbformat\": 4, \"cells\": [", to: path)
        defer { unlink(path) }
        #expect {
            _ = try IpynbImport.text(file: path)
        } throws: { error in
            (error as? IpynbError)?.description.hasPrefix(path + ": not valid JSON") == true
        }
    }
}
