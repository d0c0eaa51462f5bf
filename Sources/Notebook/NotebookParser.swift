/// Reads `.gbook` text into a `Notebook`, keeping every byte so it can be written back.
///
/// Line kinds, by their first non-blank characters: `#'` prose, `#>` a recorded
/// output of the cell just above, `#+` options for the next cell (`#+ notebook ...`
/// for the whole notebook, before the first cell), `#` a comment, empty a blank line,
/// anything else starts a cell, which runs until its statement is complete.
public enum NotebookParser {
    /// Parses a notebook.
    /// - Throws: `NotebookError` with the line number for output lines that follow no
    ///   cell, unknown or malformed options, options followed by no cell, and a statement
    ///   that never closes.
    public static func parse(_ text: String) throws -> Notebook {
        let (lines, ending, endsWithNewline) = splitLines(text)
        var notebook = Notebook(items: [], lineEnding: ending, endsWithNewline: endsWithNewline)
        var pending: [(raw: String, options: CellOptions, line: Int)] = []
        var seenCell = false
        // Whether a `#>` line may attach to the last item: true right after a cell's lines.
        var outputsMayFollow = false
        var index = 0

        func requireNoPending(before what: String, at line: Int) throws {
            if let first = pending.first {
                throw NotebookError(line: first.line,
                                    message: "cell options are followed by \(what) at line \(line), not by code")
            }
        }

        while index < lines.count {
            let raw = lines[index]
            let number = index + 1
            let body = raw.drop { $0 == " " || $0 == "\t" }
            if body.hasPrefix("#>") {
                guard outputsMayFollow, case .code(var cell)? = notebook.items.last else {
                    throw NotebookError(line: number, message: "output line '#>' does not follow a code cell")
                }
                cell.outputLines.append(raw)
                notebook.items[notebook.items.count - 1] = .code(cell)
                index += 1
                continue
            }
            outputsMayFollow = false
            if body.hasPrefix("#+") {
                let (isHeader, options) = try parseOptions(body.dropFirst(2), line: number)
                if isHeader {
                    try requireNoPending(before: "a notebook header", at: number)
                    if seenCell {
                        throw NotebookError(line: number, message: "'#+ notebook' options must come before the first cell")
                    }
                    notebook.items.append(.header(raw, options))
                } else {
                    pending.append((raw, options, number))
                }
                index += 1
            } else if body.hasPrefix("#'") {
                try requireNoPending(before: "prose", at: number)
                notebook.items.append(.prose(raw))
                index += 1
            } else if body.hasPrefix("#") {
                try requireNoPending(before: "a comment", at: number)
                notebook.items.append(.comment(raw))
                index += 1
            } else if body.allSatisfy({ $0.isWhitespace }) {
                try requireNoPending(before: "a blank line", at: number)
                notebook.items.append(.blank(raw))
                index += 1
            } else {
                var scanner = StatementScanner()
                var source: [String] = []
                repeat {
                    let line = lines[index]
                    let trimmed = line.drop { $0 == " " || $0 == "\t" }
                    if !source.isEmpty, trimmed.hasPrefix("#>") || trimmed.hasPrefix("#'") || trimmed.hasPrefix("#+") {
                        throw NotebookError(line: number,
                                            message: "statement starting here is not complete before line \(index + 1): \(scanner.openReason)")
                    }
                    scanner.feed(line, line: index + 1)
                    source.append(line)
                    index += 1
                } while !scanner.isComplete && index < lines.count
                if !scanner.isComplete {
                    throw NotebookError(line: number, message: "statement never closes: \(scanner.openReason)")
                }
                var options = CellOptions()
                for option in pending { options = options.overridden(by: option.options) }
                notebook.items.append(.code(Cell(optionLines: pending.map(\.raw), sourceLines: source,
                                                 outputLines: [], options: options)))
                pending = []
                seenCell = true
                outputsMayFollow = true
            }
        }
        try requireNoPending(before: "the end of the file", at: lines.count + 1)
        return notebook
    }

    /// Splits on `\n` scalars (a Swift `Character` would keep `\r\n` together) and
    /// chooses CRLF, stripping the `\r`, when every terminated line ends with `\r`.
    static func splitLines(_ text: String) -> ([String], Notebook.LineEnding, Bool) {
        var pieces: [ArraySlice<UInt8>] = []
        let bytes = Array(text.utf8)
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            pieces.append(bytes[start..<offset])
            start = offset + 1
        }
        let endsWithNewline = start == bytes.count && !pieces.isEmpty
        if start < bytes.count { pieces.append(bytes[start...]) }
        let terminated = endsWithNewline ? pieces.count : pieces.count - 1
        let crlf = terminated > 0 && pieces[0..<terminated].allSatisfy { $0.last == 0x0D }
        var lines: [String] = []
        lines.reserveCapacity(pieces.count)
        for (offset, piece) in pieces.enumerated() {
            let body = crlf && offset < terminated ? piece.dropLast() : piece
            lines.append(String(decoding: body, as: UTF8.self))
        }
        return (lines, crlf ? .crlf : .lf, endsWithNewline)
    }

    /// Parses the text after `#+`: `notebook`? then `tol=X`, `atol=X`, `timeout=SECONDS`, `skip`,
    /// `error`, `reset`, separated by spaces or commas.
    static func parseOptions(_ text: Substring, line: Int) throws -> (header: Bool, CellOptions) {
        var words = text.split { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\r" }.map(String.init)
        let isHeader = words.first == "notebook"
        if isHeader { words.removeFirst() }
        var options = CellOptions()
        if words.isEmpty {
            throw NotebookError(line: line, message: "'#+' line sets no option (known: tol=, atol=, timeout=, skip, error, reset)")
        }
        for word in words {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts[0], parts.count) {
            case ("tol", 2):
                guard let value = Double(parts[1]), value.isFinite, value >= 0 else {
                    throw NotebookError(line: line, message: "tol must be a non-negative number, not '\(parts[1])'")
                }
                options.tolerance = value
            case ("atol", 2):
                guard let value = Double(parts[1]), value.isFinite, value >= 0 else {
                    throw NotebookError(line: line, message: "atol must be a non-negative number, not '\(parts[1])'")
                }
                options.absoluteTolerance = value
            case ("timeout", 2):
                guard let value = Double(parts[1]), value.isFinite, value > 0 else {
                    throw NotebookError(line: line, message: "timeout must be a positive number of seconds, not '\(parts[1])'")
                }
                options.timeout = value
            case ("skip", 1) where !isHeader: options.skip = true
            case ("error", 1) where !isHeader: options.expectError = true
            case ("reset", 1) where !isHeader: options.reset = true
            case ("skip", 1), ("error", 1), ("reset", 1):
                throw NotebookError(line: line, message: "'\(word)' applies to one cell, not to the whole notebook")
            default:
                throw NotebookError(line: line, message: "unknown cell option '\(word)' (known: tol=, atol=, timeout=, skip, error, reset)")
            }
        }
        return (isHeader, options)
    }
}
