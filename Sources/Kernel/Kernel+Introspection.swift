import Lang
import Support

extension Kernel {
    /// `kernel_info_reply`: the protocol version and how front ends should treat the language.
    var kernelInfo: JSONValue {
        var links: [JSONValue] = []
        if let helpURL { links.append(["text": "Gradbook builtin reference", "url": .string(helpURL)]) }
        return [
            "status": "ok",
            "protocol_version": "5.3",
            "implementation": "gradbook",
            "implementation_version": .string(Kernel.version),
            "language_info": [
                "name": "gradbook",
                "version": .string(Kernel.version),
                "mimetype": "text/x-gradbook",
                "file_extension": ".gbook",
                // The syntax (`function … end`, `@`, `^`) reads best with Julia's highlighting.
                "pygments_lexer": "julia",
                "codemirror_mode": "julia",
                "nbconvert_exporter": "script",
            ],
            "banner": .string("Gradbook \(Kernel.version): tensors, autodiff, layers and optimisers. ?name shows help."),
            "help_links": .array(links),
            "debugger": false,
        ]
    }

    /// `complete_reply`: names and attributes that complete the word before the cursor,
    /// and keyword names first inside a builtin's call.
    func complete(_ content: JSONValue) -> JSONValue {
        let code = Array((content["code"]?.stringValue ?? "").unicodeScalars)
        let cursor = Kernel.clampCursor(content["cursor_pos"]?.intValue, count: code.count)
        var start = cursor
        while start > 0, Kernel.isWordScalar(code[start - 1], dots: true) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(code[start..<cursor]))
        let before = String(String.UnicodeScalarView(code[..<start]))
        let matches = interpreter.completions(for: prefix, after: before)
        return ["status": "ok", "matches": .array(matches.map { .string($0) }),
                "cursor_start": .number(Double(start)), "cursor_end": .number(Double(cursor)), "metadata": [:]]
    }

    /// `inspect_reply`: the `?name` help of the word under the cursor.
    func inspect(_ content: JSONValue) -> JSONValue {
        let code = Array((content["code"]?.stringValue ?? "").unicodeScalars)
        let cursor = Kernel.clampCursor(content["cursor_pos"]?.intValue, count: code.count)
        var start = cursor, end = cursor
        while start > 0, Kernel.isWordScalar(code[start - 1], dots: false) { start -= 1 }
        while end < code.count, Kernel.isWordScalar(code[end], dots: false) { end += 1 }
        let name = String(String.UnicodeScalarView(code[start..<end]))
        // On a name, its help; elsewhere inside a call (`linspace(0, |`), the callee's.
        let before = String(String.UnicodeScalarView(code[..<cursor]))
        guard let help = (name.isEmpty ? nil : interpreter.help(for: name)) ?? interpreter.help(inCallBefore: before) else {
            return ["status": "ok", "found": false, "data": [:], "metadata": [:]]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": .string(help)], "metadata": [:]]
    }

    /// `is_complete_reply`: whether the console should run the input or read another line.
    func isComplete(_ content: JSONValue) -> JSONValue {
        switch interpreter.checkComplete(content["code"]?.stringValue ?? "") {
        case .complete: return ["status": "complete"]
        case .incomplete: return ["status": "incomplete", "indent": "    "]
        case .invalid: return ["status": "invalid"]
        }
    }

    /// Cursor positions count Unicode code points (protocol 5.2 and later).
    static func clampCursor(_ cursor: Int?, count: Int) -> Int {
        min(max(cursor ?? count, 0), count)
    }

    static func isWordScalar(_ s: Unicode.Scalar, dots: Bool) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || (dots && s == ".")
    }
}
