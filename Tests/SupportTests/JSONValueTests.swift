import Support
import Testing

@Suite struct JSONValueTests {
    // The expected texts are what Python's json.dumps(v, sort_keys=True,
    // separators=(",", ":")) writes for the same values.
    @Test func serializesWithSortedKeysAndIntegralNumbers() {
        let value: JSONValue = ["b": [1, 2.5, nil, true], "a": "x/y", "c": ["n": -3]]
        #expect(value.text() == #"{"a":"x/y","b":[1,2.5,null,true],"c":{"n":-3}}"#)
    }

    @Test func parsesWhatItWrites() throws {
        let text = #"{"header": {"msg_id": "abc", "date": "2026-11-24T22:00:00Z"}, "content": {"code": "x = 1\n", "silent": false, "execution_count": 7, "data": [1e-3, "é"]}}"#
        let value = try JSONValue.parse(text)
        #expect(value["header"]?["msg_id"]?.stringValue == "abc")
        #expect(value["content"]?["execution_count"]?.intValue == 7)
        #expect(value["content"]?["silent"]?.boolValue == false)
        #expect(value["content"]?["data"]?.arrayValue == [.number(0.001), .string("é")])
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func rejectsMalformedText() {
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse("{\"a\": [1, 2}") }
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse("") }
    }

    @Test func joinsNbformatMultilineStrings() {
        let lines: JSONValue = ["x = 1\n", "x + 1"]
        #expect(lines.joinedText == "x = 1\nx + 1")
        #expect(JSONValue.number(1).joinedText == nil)
    }

    @Test func writesNonFiniteNumbersAsNull() {
        #expect(JSONValue.array([.number(.nan), .number(.infinity)]).text() == "[null,null]")
    }
}

@Suite struct JSONSyntaxErrorTests {
    /// The error text, or nil when the text parses (which fails the comparisons below).
    func message(_ text: String) -> String? {
        do { _ = try JSONValue.parse(text); return nil } catch { return "\(error)" }
    }

    // Positions counted by hand in the texts below (1-based line and column).
    @Test func namesTheLineAndColumnOfAMergeConflict() {
        #expect(message("{\n \"cells\": [\n<<<<<<< HEAD\n ]\n}") == "line 3, column 1: expected a value, found '<'")
    }

    @Test func namesAMissingCommaAndAnOpenString() {
        #expect(message("[1, 2 3]") == "line 1, column 7: expected ',' or ']', found '3'")
        #expect(message("{\"a\": \"open") == "line 1, column 7: a string that is never closed")
        #expect(message("") == "the text is empty")
    }
}
