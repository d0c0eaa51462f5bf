import Lang
import Plots
import Support

/// Turns a notebook into a Markdown report: `#'` prose as Markdown (math such as
/// `$...$` and `$$...$$` passes through untouched for GitHub or KaTeX), code in fenced
/// blocks, outputs in `<pre>` blocks with HTML escaped, errors as GitHub caution
/// alerts, and each plot as an SVG file beside the Markdown, linked as an image.
///
/// The notebook is run afresh so plots have their data; outputs shown are the
/// fresh ones (a `#+ skip` cell shows what was recorded).
public enum MarkdownExport {
    /// An export: the Markdown text and the SVG files it links to.
    public struct Result: Sendable {
        /// The Markdown document.
        public var markdown: String
        /// SVG files to write beside it: file name and content.
        public var images: [(name: String, svg: String)]
        /// Cells that failed unexpectedly while running.
        public var errors: Int
    }

    /// Exports `notebook`; plot files are named `<imagePrefix>-plot-<n>.svg`.
    /// `interruption` stops the run that gathers the outputs (a REPL passes its session's);
    /// `fileAccess` is what its file builtins may open; `memoryLimit` as in `Replay.run`.
    public static func export(_ notebook: Notebook, origin: String, imagePrefix: String,
                              interruption: InterruptToken = InterruptToken(),
                              fileAccess: FileAccess = .unconfined, memoryLimit: Int? = nil) -> Result {
        let results = NotebookRun.run(notebook, origin: origin, interruption: interruption,
                                      fileAccess: fileAccess, memoryLimit: memoryLimit)
        var blocks: [String] = []
        var prose: [String] = []
        var code: [String] = []
        var images: [(String, String)] = []
        var errors = 0

        func flushProse() {
            while prose.last?.isEmpty ?? false { prose.removeLast() }
            if !prose.isEmpty { blocks.append(prose.joined(separator: "\n")); prose = [] }
        }
        func flushCode() {
            while code.last?.allSatisfy(\.isWhitespace) ?? false { code.removeLast() }
            while code.first?.allSatisfy(\.isWhitespace) ?? false { code.removeFirst() }
            if !code.isEmpty { blocks.append(fenced(code)); code = [] }
        }

        for (index, item) in notebook.items.enumerated() {
            switch item {
            case .prose(let raw):
                flushCode()
                prose.append(proseText(raw))
            case .blank(let raw):
                if !code.isEmpty { code.append("") } else if !prose.isEmpty { prose.append(raw.allSatisfy(\.isWhitespace) ? "" : raw) }
            case .comment(let raw):
                flushProse()
                code.append(raw)
            case .header:
                break
            case .code(let cell):
                flushProse()
                code.append(contentsOf: cell.sourceLines)
                let result = results[index]
                let lines = result?.lines ?? cell.outputs
                guard !lines.isEmpty else { continue }
                flushCode()
                var pending: [String] = []
                func flushOutput() {
                    if !pending.isEmpty { blocks.append("<pre>" + escapeXML(pending.joined(separator: "\n")) + "</pre>"); pending = [] }
                }
                var mathEnd = 0
                for (k, line) in lines.enumerated() {
                    if k < mathEnd { continue }
                    if let echo = result?.symbolic[k] {
                        // A symbolic result is shown as the math it stands for.
                        flushOutput()
                        blocks.append("$$\n" + echo.latex + "\n$$")
                        mathEnd = k + echo.lineCount
                    } else if let plot = result?.plots[k] {
                        flushOutput()
                        let name = "\(imagePrefix)-plot-\(images.count + 1).svg"
                        images.append((name, SVGPlot.render(plot)))
                        let alt = plot.title ?? "\(plot.kind.rawValue) plot"
                        blocks.append("![\(escapeAlt(alt))](\(name))")
                    } else if k == result?.errorLine {
                        flushOutput()
                        if !cell.options.expectError && !notebook.defaults.expectError { errors += 1 }
                        blocks.append("> [!CAUTION]\n> " + escapeXML(line))
                    } else {
                        pending.append(line)
                    }
                }
                flushOutput()
            }
        }
        flushProse()
        flushCode()
        return Result(markdown: blocks.joined(separator: "\n\n") + "\n", images: images, errors: errors)
    }

    /// Exports the notebook at `path` to `output` (default: the path with `.md`),
    /// writing the SVG files beside it. The notebook runs confined to its folder unless
    /// `fileAccess` says otherwise.
    /// - Returns: the Markdown path and the export.
    /// - Throws: `TextFile.Failure` or `NotebookError`.
    public static func export(file path: String, to output: String? = nil,
                              fileAccess: FileAccess? = nil, memoryLimit: Int? = nil) throws -> (path: String, result: Result) {
        let notebook = try NotebookParser.parse(try TextFile.read(path))
        let target = output ?? replacingExtension(path, with: ".md")
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? ""
        let base = String(target[(slash.map { target.index(after: $0) } ?? target.startIndex)...])
        let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        let access = fileAccess ?? .confined(to: PathResolution.folder(of: path))
        let result = export(notebook, origin: path, imagePrefix: stem, fileAccess: access, memoryLimit: memoryLimit)
        for image in result.images { try TextFile.writeAtomically(image.svg, to: directory + image.name) }
        try TextFile.writeAtomically(result.markdown, to: target)
        return (target, result)
    }

    /// `notes/a.gbook` with `.md` gives `notes/a.md`.
    static func replacingExtension(_ path: String, with ext: String) -> String {
        let slash = path.lastIndex(of: "/")
        if let dot = path.lastIndex(of: "."), slash.map({ dot > $0 }) ?? true, dot != path.startIndex {
            return String(path[..<dot]) + ext
        }
        return path + ext
    }

    /// `#' text` gives `text`; `#'` alone an empty line.
    static func proseText(_ raw: String) -> String {
        var rest = Substring(raw).drop { $0 == " " || $0 == "\t" }
        rest = rest.dropFirst(2)
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return String(rest)
    }

    /// A fenced block longer than any backtick run inside it.
    static func fenced(_ lines: [String]) -> String {
        var longest = 0
        for line in lines {
            var run = 0
            for c in line { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "gradbook\n" + lines.joined(separator: "\n") + "\n" + fence
    }

    static func escapeAlt(_ text: String) -> String {
        String(text.map { $0 == "[" || $0 == "]" ? " " : $0 })
    }
}
