import Support
import Testing
import Lang
import Notebook
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationXML)
import FoundationXML
#else
import Foundation
#endif

/// The folder of this file, to find golden files whatever the working directory.
private let here = String(#filePath.prefix(upTo: #filePath.lastIndex(of: "/") ?? #filePath.endIndex))

@Test func exportMatchesGoldenMarkdown() throws {
    // The golden .md was written by hand from the rules in docs/notebook-format.md
    // (fences, <pre> with &, <, > escaped, caution alerts, image links).
    let notebook = try NotebookParser.parse(try TextFile.read(here + "/golden/export.gbook"))
    let result = MarkdownExport.export(notebook, origin: "export.gbook", imagePrefix: "export")
    let golden = try TextFile.read(here + "/golden/export.md")
    #expect(result.markdown == golden)
    #expect(result.images.map(\.name) == ["export-plot-1.svg"])
    #expect(result.errors == 0)
    let svg = try XMLDocument(xmlString: try #require(result.images.first).svg)
    #expect(svg.rootElement()?.name == "svg")
}

@Test func exportWritesMarkdownAndPlotsBesideIt() throws {
    let directory = "/tmp/gradbook-export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try #require(mkdir(directory, 0o755) == 0)
    let source = directory + "/note.gbook"
    try TextFile.writeAtomically("#' Plot\nplot([1, 2])\nhist([1, 2, 2, 3], bins=3)\n", to: source)
    let (path, result) = try MarkdownExport.export(file: source)
    #expect(path == directory + "/note.md")
    #expect(result.images.count == 2)
    for name in ["note.md", "note-plot-1.svg", "note-plot-2.svg"] {
        #expect(access(directory + "/" + name, F_OK) == 0, "\(name) missing")
    }
    #expect(try TextFile.read(path).contains("![line plot](note-plot-1.svg)"))
    for name in ["note.gbook", "note.md", "note-plot-1.svg", "note-plot-2.svg"] { unlink(directory + "/" + name) }
    rmdir(directory)
}

@Test func unexpectedErrorsAreCounted() throws {
    let notebook = try NotebookParser.parse("undefined_thing\n")
    let result = MarkdownExport.export(notebook, origin: "x.gbook", imagePrefix: "x")
    #expect(result.errors == 1)
    #expect(result.markdown.contains("> [!CAUTION]\n> error:"))
}
