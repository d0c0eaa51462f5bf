import Support
import Testing

@Suite struct Escaping {
    @Test(arguments: [
        ("a < b & \"c\" > 'd'", "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39;"),
        ("é ∑ plain", "é ∑ plain"),
        // A combining mark after '&' makes one Character with it; the '&' must still go.
        ("&\u{301}", "&amp;\u{301}"),
    ])
    func xmlEscapesTheFiveSpecialCharacters(text: String, expected: String) {
        #expect(escapeXML(text) == expected)
    }

    // Expected texts are what Python's json.dumps(s, ensure_ascii=False) writes.
    @Test(arguments: [
        ("plain", #""plain""#),
        ("a\"b\\c", #""a\"b\\c""#),
        ("line\nnext\ttab\r", #""line\nnext\ttab\r""#),
        ("\u{08}\u{0C}\u{01}\u{1F}", #""\b\f\u0001\u001f""#),
        ("é ∑ /", #""é ∑ /""#),
    ])
    func jsonQuotingFollowsPython(text: String, expected: String) {
        var out = ""
        appendQuotedJSON(text, into: &out)
        #expect(out == expected)
    }
}
