import Support

/// Converts a `.gbook` notebook to a Jupyter notebook (nbformat 4.5).
///
/// The mapping (docs/notebook-format.md, "Jupyter notebooks"): a run of `#'` prose
/// lines is one markdown cell; each code cell is one code cell with its `#+` options in
/// `metadata.gradbook.options` (and the tags `raises-exception` for `error`,
/// `skip-execution` for `skip`); plain comments open the next code cell's source, or
/// form a raw cell when prose or the end comes first; `#>` lines become outputs. Cell
/// ids are `cell-1`, `cell-2`, ... so converting twice gives the same file.
public enum IpynbExport {
    /// The notebook as an nbformat 4.5 JSON document.
    public static func export(_ notebook: Notebook) -> JSONValue {
        var builder = Builder()
        var headerOptions: [String] = []
        for item in notebook.items {
            switch item {
            case .header(let raw, _):
                builder.endProse()
                builder.flushComments()
                headerOptions.append(headerOptionText(raw))
            case .prose(let raw):
                builder.flushComments()
                builder.addProse(strip(raw, marker: "#'"))
            case .blank:
                builder.addBlank()
            case .comment(let raw):
                builder.endProse()
                builder.comments.append(raw.trimmingTrailingCarriageReturn.description)
            case .code(let cell):
                builder.endProse()
                builder.addCode(cell)
            }
        }
        builder.endProse()
        builder.flushComments()

        var gradbook: [String: JSONValue] = [:]
        if !headerOptions.isEmpty { gradbook["options"] = .string(headerOptions.joined(separator: " ")) }
        var metadata: [String: JSONValue] = [
            "kernelspec": ["name": "gradbook", "display_name": "Gradbook", "language": "gradbook"],
            "language_info": ["name": "gradbook", "file_extension": ".gbook", "mimetype": "text/x-gradbook",
                              "codemirror_mode": "julia", "pygments_lexer": "julia"],
        ]
        if !gradbook.isEmpty { metadata["gradbook"] = .object(gradbook) }
        return ["cells": .array(builder.cells), "metadata": .object(metadata),
                "nbformat": 4, "nbformat_minor": 5]
    }

    /// The notebook as `.ipynb` text, laid out as nbformat writes it (ends with a newline).
    public static func text(_ notebook: Notebook) -> String {
        NbformatJSON.text(export(notebook))
    }

    /// Reads and converts the `.gbook` file at `path`, giving the `.ipynb` text.
    /// - Throws: `TextFile.Failure`, or `IpynbError` naming the file and the line
    ///   when the notebook does not parse.
    public static func text(file path: String) throws -> String {
        let source = try TextFile.read(path)
        do {
            return text(try NotebookParser.parse(source))
        } catch let error as NotebookError {
            throw IpynbError(origin: path, message: error.description)
        }
    }

    /// nbformat's multi-line string: an array of lines, each but the last keeping its `\n`.
    static func multiline(_ text: String) -> JSONValue {
        var parts: [JSONValue] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                parts.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { parts.append(.string(current)) }
        return .array(parts)
    }

    /// The text of a `#'` or `#` line: the marker and one following space removed.
    static func strip(_ raw: String, marker: String) -> String {
        var rest = raw.trimmingTrailingCarriageReturn.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix(marker) { rest = rest.dropFirst(marker.count) }
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return String(rest)
    }

    /// The option words of a `#+` line as written, without `#+` (and without `notebook`).
    static func optionText(_ raw: String) -> String {
        var rest = raw.trimmingTrailingCarriageReturn.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("#+") { rest = rest.dropFirst(2) }
        return String(trimmed(rest))
    }

    /// `text` without spaces, tabs or commas at either end.
    static func trimmed(_ text: Substring) -> Substring {
        func isGap(_ c: Character) -> Bool { c == " " || c == "\t" || c == "," }
        var rest = text.drop(while: isGap)
        while let last = rest.last, isGap(last) { rest = rest.dropLast() }
        return rest
    }

    /// The option words of a `#+ notebook` line, without `notebook`.
    static func headerOptionText(_ raw: String) -> String {
        let text = optionText(raw)
        guard text.hasPrefix("notebook") else { return text }
        return String(trimmed(text.dropFirst("notebook".count)))
    }

    /// Whether a recorded line is a plot's summary line.
    static func isPlotSummary(_ line: String) -> Bool {
        line.hasPrefix("<plot: ") && line.hasSuffix(">")
    }

    /// The outputs of one cell's recorded lines (see the type's summary).
    static func outputs(of lines: [String], expectError: Bool) -> [JSONValue] {
        var outputs: [JSONValue] = []
        var run: [String] = []
        func flush() {
            guard !run.isEmpty else { return }
            outputs.append(["output_type": "stream", "name": "stdout",
                            "text": multiline(run.joined(separator: "\n") + "\n")])
            run = []
        }
        let errorLine = expectError ? lines.firstIndex { $0.hasPrefix("error:") } : nil
        for (index, line) in lines.enumerated() {
            if index == errorLine {
                flush()
                var evalue = line.dropFirst("error:".count)
                if evalue.hasPrefix(" ") { evalue = evalue.dropFirst() }
                outputs.append(["output_type": "error", "ename": "Error", "evalue": .string(String(evalue)),
                                "traceback": .array(lines[index...].map { .string($0) })])
                return outputs
            }
            if isPlotSummary(line) {
                flush()
                outputs.append(["output_type": "display_data", "data": ["text/plain": multiline(line)],
                                "metadata": [:]])
            } else {
                run.append(line)
            }
        }
        flush()
        return outputs
    }

    /// Collects cells in order while walking the notebook's items.
    private struct Builder {
        var cells: [JSONValue] = []
        var prose: [String] = []
        var blanksInProse = 0
        var comments: [String] = []

        mutating func add(_ cell: [String: JSONValue]) {
            var cell = cell
            cell["id"] = .string("cell-\(cells.count + 1)")
            cells.append(.object(cell))
        }

        mutating func addProse(_ line: String) {
            if !prose.isEmpty { prose += Array(repeating: "", count: blanksInProse) }
            blanksInProse = 0
            prose.append(line)
        }

        mutating func addBlank() {
            if !prose.isEmpty { blanksInProse += 1 }
        }

        mutating func endProse() {
            blanksInProse = 0
            guard !prose.isEmpty else { return }
            add(["cell_type": "markdown", "metadata": [:], "source": IpynbExport.multiline(prose.joined(separator: "\n"))])
            prose = []
        }

        mutating func flushComments() {
            guard !comments.isEmpty else { return }
            let text = comments.map { IpynbExport.strip($0, marker: "#") }.joined(separator: "\n")
            add(["cell_type": "raw", "metadata": [:], "source": IpynbExport.multiline(text)])
            comments = []
        }

        mutating func addCode(_ cell: Cell) {
            let source = (comments + cell.sourceLines.map { $0.trimmingTrailingCarriageReturn.description })
                .joined(separator: "\n")
            comments = []
            var metadata: [String: JSONValue] = [:]
            if !cell.optionLines.isEmpty {
                metadata["gradbook"] = ["options": .string(cell.optionLines.map(IpynbExport.optionText).joined(separator: " "))]
                var tags: [JSONValue] = []
                if cell.options.expectError { tags.append("raises-exception") }
                if cell.options.skip { tags.append("skip-execution") }
                if !tags.isEmpty { metadata["tags"] = .array(tags) }
            }
            add(["cell_type": "code", "execution_count": nil, "metadata": .object(metadata),
                 "source": IpynbExport.multiline(source),
                 "outputs": .array(IpynbExport.outputs(of: cell.outputs, expectError: cell.options.expectError))])
        }
    }
}
