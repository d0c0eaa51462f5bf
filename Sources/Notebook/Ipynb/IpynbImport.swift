import Support

/// Converts a Jupyter notebook (nbformat 4, any minor version) to a `.gbook` notebook.
///
/// Markdown cells become `#'` prose, raw cells `#` comments, code cells a `#+` line
/// (from `metadata.gradbook.options`, else from the tags `raises-exception` and
/// `skip-execution`), their statements and their outputs as `#>` lines; each Jupyter
/// cell is followed by a blank line. A code cell holding several statements is written
/// as several `.gbook` cells with all of its outputs after the last one, and a note says
/// so, since `gradbook run --update` may then need to re-record them.
public enum IpynbImport {
    /// The `.gbook` notebook for an nbformat 4 document, with notes about cells whose
    /// outputs could not stay beside their own statement.
    /// - Parameter origin: the file name errors and notes start with.
    /// - Throws: `IpynbError` naming what is wrong: not nbformat 4, a cell without
    ///   `cell_type` or `source`, a field of the wrong type, a statement that never closes.
    public static func notebook(from json: JSONValue, origin: String) throws -> (notebook: Notebook, notes: [String]) {
        func fail(_ message: String) -> IpynbError { IpynbError(origin: origin, message: message) }
        guard case .object = json else { throw fail("not a Jupyter notebook: the top level is not a JSON object") }
        guard let version = json["nbformat"] else { throw fail("not a Jupyter notebook: no \"nbformat\" version") }
        guard version.intValue == 4 else {
            throw fail("nbformat \(describe(version)) is not supported (only nbformat 4)")
        }
        guard let cellsValue = json["cells"] else { throw fail("has no \"cells\"") }
        guard let cells = cellsValue.arrayValue else { throw fail("\"cells\" is not an array") }

        var items: [Notebook.Item] = []
        if let options = try gradbookOptions(json["metadata"], place: "the notebook metadata", fail: fail) {
            let parsed = try parseOptions(options, header: true, place: "the notebook metadata", fail: fail)
            items.append(.header("#+ notebook " + options, parsed))
        }
        // (cell number, item index of its first statement, statement count)
        var merged: [(cell: Int, item: Int, statements: Int)] = []
        var dropped: [String] = []
        for (offset, cell) in cells.enumerated() {
            let number = offset + 1
            let place = "cell \(number)"
            guard case .object = cell else { throw fail("\(place) is not an object") }
            guard let typeValue = cell["cell_type"] else { throw fail("\(place) has no \"cell_type\"") }
            guard let type = typeValue.stringValue else { throw fail("\(place): \"cell_type\" is not a string") }
            guard let sourceValue = cell["source"] else { throw fail("\(place) has no \"source\"") }
            guard let source = sourceValue.joinedText else {
                throw fail("\(place): \"source\" is not a string or an array of strings")
            }
            let lines = splitLines(source)
            let isEmpty = lines.allSatisfy { $0.allSatisfy(\.isWhitespace) }
            switch type {
            case "markdown":
                if isEmpty { continue }
                items += lines.map { .prose($0.isEmpty ? "#'" : "#' " + $0) }
            case "raw":
                if isEmpty { continue }
                items += lines.map { .comment($0.isEmpty ? "#" : "# " + $0) }
            case "code":
                if isEmpty { continue }
                let outputs = try outputLines(cell["outputs"], place: place, fail: fail)
                let options = try codeOptions(cell["metadata"], place: place, fail: fail)
                let first = items.count
                let statements = try appendCode(lines, options: options, outputs: outputs,
                                                to: &items, place: place, fail: fail)
                if statements > 1 && !outputs.isEmpty {
                    merged.append((number, first, statements))
                } else if statements == 0 && !outputs.isEmpty {
                    dropped.append("\(origin): cell \(number) has outputs but only comments; its outputs are left out")
                }
            default:
                throw fail("\(place) has an unknown cell_type '\(type)' (expected markdown, code or raw)")
            }
            items.append(.blank(""))
        }
        while case .blank? = items.last { items.removeLast() }

        let built = Notebook(items: items)
        let text = NotebookWriter.serialize(built)
        // The reader is the judge of what a .gbook file means: parse what was built, so
        // the result is exactly what the written file will read back as.
        let notebook: Notebook
        do {
            notebook = try NotebookParser.parse(text)
        } catch {
            throw fail("cannot be written as a .gbook notebook: \(error)")
        }
        let firstLines = built.firstLines
        let notes = merged.map { entry -> String in
            var line = firstLines[entry.item]
            // The note names the first statement, after any comments and the `#+` line.
            for index in entry.item..<built.items.count {
                if case .code(let cell) = built.items[index] {
                    line = firstLines[index] + cell.optionLines.count
                    break
                }
            }
            return "\(origin): cell \(entry.cell) (line \(line)) holds \(entry.statements) statements; "
                + "its outputs are recorded after the last one (re-record with gradbook run --update)"
        }
        return (notebook, notes + dropped)
    }

    /// Reads the `.ipynb` file at `path` and gives the `.gbook` text and the notes.
    /// - Throws: `TextFile.Failure`, or `IpynbError` naming the file and what is wrong.
    public static func text(file path: String) throws -> (text: String, notes: [String]) {
        let source = try TextFile.read(path)
        let json: JSONValue
        do {
            json = try JSONValue.parse(source)
        } catch {
            throw IpynbError(origin: path, message: "not valid JSON: \(error)")
        }
        let (notebook, notes) = try notebook(from: json, origin: path)
        return (NotebookWriter.serialize(notebook), notes)
    }

    /// Writes a code cell's pieces: leading comments, `#+` line, statements, outputs
    /// after the last statement, then trailing comments. Returns the statement count.
    private static func appendCode(_ lines: [String], options: (text: String, options: CellOptions)?,
                                   outputs: [String], to items: inout [Notebook.Item],
                                   place: String, fail: (String) -> IpynbError) throws -> Int {
        var pieces = try CodeSplitter.split(lines, place: place, fail: fail)
        while case .blank? = pieces.first { pieces.removeFirst() }
        while case .blank? = pieces.last { pieces.removeLast() }
        let statementIndices = pieces.indices.filter { if case .statement = pieces[$0] { return true } else { return false } }
        guard let firstStatement = statementIndices.first, let lastStatement = statementIndices.last else {
            // Only comments: nothing ran, so there is nothing to attach outputs to.
            for piece in pieces { items.append(piece.item) }
            return 0
        }
        for (index, piece) in pieces.enumerated() {
            guard case .statement(let source) = piece else {
                items.append(piece.item)
                continue
            }
            var cell = Cell(sourceLines: source)
            if index == firstStatement, let options {
                cell.optionLines = ["#+ " + options.text]
                cell.options = options.options
            }
            if index == lastStatement {
                cell.outputLines = outputs.map { $0.isEmpty ? "#>" : "#> " + $0 }
            }
            items.append(.code(cell))
        }
        return statementIndices.count
    }

    /// The cell's options: `metadata.gradbook.options` if present, else from its tags.
    private static func codeOptions(_ metadata: JSONValue?, place: String,
                                    fail: (String) -> IpynbError) throws -> (text: String, options: CellOptions)? {
        if let text = try gradbookOptions(metadata, place: place, fail: fail) {
            return (text, try parseOptions(text, header: false, place: place, fail: fail))
        }
        guard let tagsValue = metadata?["tags"] else { return nil }
        guard let tags = tagsValue.arrayValue?.compactMap(\.stringValue),
              tags.count == tagsValue.arrayValue?.count else {
            throw fail("\(place): \"metadata.tags\" is not an array of strings")
        }
        let options = CellOptions(skip: tags.contains("skip-execution"), expectError: tags.contains("raises-exception"))
        if options.isEmpty { return nil }
        return (String(options.line.dropFirst(3)), options)
    }

    /// `metadata.gradbook.options`, checking the types on the way.
    private static func gradbookOptions(_ metadata: JSONValue?, place: String,
                                        fail: (String) -> IpynbError) throws -> String? {
        guard let metadata else { return nil }
        guard case .object = metadata else { throw fail("\(place): \"metadata\" is not an object") }
        guard let gradbook = metadata["gradbook"] else { return nil }
        guard case .object = gradbook else { throw fail("\(place): \"metadata.gradbook\" is not an object") }
        guard let options = gradbook["options"] else { return nil }
        guard let text = options.stringValue else {
            throw fail("\(place): \"metadata.gradbook.options\" is not a string")
        }
        let trimmed = IpynbExport.trimmed(Substring(text))
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// Checks option words with the notebook reader's own rules.
    private static func parseOptions(_ text: String, header: Bool, place: String,
                                     fail: (String) -> IpynbError) throws -> CellOptions {
        guard !text.contains("\n") && !text.contains("\r") else {
            throw fail("\(place): \"metadata.gradbook.options\" spans several lines")
        }
        do {
            let (isHeader, options) = try NotebookParser.parseOptions(Substring((header ? "notebook " : "") + text), line: 1)
            if isHeader && !header { throw NotebookError(line: 1, message: "'notebook' options belong in the notebook metadata") }
            return options
        } catch let error as NotebookError {
            throw fail("\(place): \"metadata.gradbook.options\": \(error.message)")
        }
    }

    /// nbformat source text as lines (`\r\n` counts as one line end).
    static func splitLines(_ text: String) -> [String] {
        let unified = text.contains("\r\n") ? text.replacing("\r\n", with: "\n") : text
        return unified.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private static func describe(_ value: JSONValue) -> String {
        switch value {
        case .number(let x): return x.rounded() == x && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
        case .string(let s): return "\"\(s)\""
        default: return "of the wrong type"
        }
    }
}
