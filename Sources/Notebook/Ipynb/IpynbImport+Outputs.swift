import Support

extension IpynbImport {
    /// A code cell's outputs as the text of `#>` lines.
    ///
    /// Consecutive stream outputs of one stream are joined first (a kernel may send a
    /// line in pieces); rich outputs give their `text/plain` or nothing (a progress bar,
    /// tagged `gradbook.progress` in its metadata, always nothing); an error gives
    /// `error: <evalue>`, the line replay records, or its whole traceback when that
    /// traceback already starts with that line (as `IpynbExport` writes it).
    static func outputLines(_ value: JSONValue?, place: String, fail: (String) -> IpynbError) throws -> [String] {
        guard let value else { return [] }
        guard let outputs = value.arrayValue else { throw fail("\(place): \"outputs\" is not an array") }
        var lines: [String] = []
        var stream: (name: String, text: String)? = nil
        func flush() {
            if let pending = stream { lines += textLines(pending.text) }
            stream = nil
        }
        for (offset, output) in outputs.enumerated() {
            let label = "\(place) output \(offset + 1)"
            guard case .object = output else { throw fail("\(label) is not an object") }
            guard let type = output["output_type"]?.stringValue else {
                throw fail("\(label) has no \"output_type\" string")
            }
            switch type {
            case "stream":
                guard let text = output["text"]?.joinedText else {
                    throw fail("\(label): stream \"text\" is missing or not a string")
                }
                let name = output["name"]?.stringValue ?? "stdout"
                if let pending = stream, pending.name == name {
                    stream = (name, pending.text + text)
                } else {
                    flush()
                    stream = (name, text)
                }
            case "execute_result", "display_data":
                // The kernel tags its progress bars: the prompt's record leaves them out too.
                if output["metadata"]?["gradbook"]?["progress"]?.boolValue == true { continue }
                flush()
                guard let data = output["data"], case .object = data else {
                    throw fail("\(label): \"data\" is missing or not an object")
                }
                guard let plain = data["text/plain"] else { continue }
                guard let text = plain.joinedText else {
                    throw fail("\(label): \"text/plain\" is not a string or an array of strings")
                }
                lines += textLines(text)
            case "error":
                flush()
                guard let evalue = output["evalue"]?.stringValue else {
                    throw fail("\(label): error \"evalue\" is missing or not a string")
                }
                let message = "error: " + withoutEscapes(evalue)
                if output["ename"]?.stringValue == "Error",
                   let traceback = output["traceback"]?.arrayValue?.compactMap(\.stringValue),
                   traceback.first == message {
                    lines += traceback.flatMap(textLines)
                } else {
                    lines += textLines(message)
                }
            default:
                throw fail("\(label) has an unknown output_type '\(type)'")
            }
        }
        flush()
        return lines
    }

    /// Output text as lines: a final newline ends the last line; a carriage return
    /// keeps what a terminal would show, the text after it.
    static func textLines(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        var parts = splitLines(text)
        if parts.count > 1 && parts.last == "" { parts.removeLast() }
        return parts.map { line in
            guard let cut = line.lastIndex(of: "\r") else { return line }
            return String(line[line.index(after: cut)...])
        }
    }

    /// `text` without ANSI escape sequences (`ESC [ ... letter`), which a kernel may
    /// use to colour an error's message.
    static func withoutEscapes(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            guard let next = scalars.next() else { break }
            guard next == "[" else { continue }
            while let c = scalars.next(), !(c.value >= 0x40 && c.value <= 0x7E) {}
        }
        return String(out)
    }
}
