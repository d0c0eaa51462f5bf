import Testing
import Notebook
import Support
#if canImport(Glibc)
import Glibc
#endif

@Test func aReportCountsEachOutcomeOnTheSuiteAndTheRoot() {
    let report = JUnitReport(cases: [
        .init(name: "notebooks/a.gbook", seconds: 1.2345, outcome: .passed, output: "notebooks/a.gbook: 3 passed, 0 failed"),
        .init(name: "b.gbook", seconds: 0.5, outcome: .failed(message: "1 cell failed", details: "--- b\n+++ b")),
        .init(name: "c.gbook", seconds: 0, outcome: .error(message: "cannot access c.gbook", details: "")),
        .init(name: "d.gbook", seconds: 0, outcome: .skipped(message: "every cell is #+ skip")),
    ], seconds: 2)
    let xml = report.xml
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
    let counts = "tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\" time=\"2.000\""
    #expect(xml.contains("<testsuites name=\"gradbook run\" \(counts)>"), "\(xml)")
    #expect(xml.contains("<testsuite name=\"gradbook run\" \(counts)>"), "\(xml)")
    #expect(xml.contains("<testcase classname=\"notebooks\" name=\"notebooks/a.gbook\" file=\"notebooks/a.gbook\" time=\"1.235\">"),
            "\(xml)")
    #expect(xml.contains("<testcase classname=\".\" name=\"b.gbook\""), "\(xml)")
    #expect(xml.contains("<failure type=\"mismatch\" message=\"1 cell failed\">--- b\n+++ b</failure>"), "\(xml)")
    #expect(xml.contains("<error type=\"error\" message=\"cannot access c.gbook\"></error>"), "\(xml)")
    #expect(xml.contains("<skipped message=\"every cell is #+ skip\"/>"), "\(xml)")
    #expect(xml.contains("<system-out>notebooks/a.gbook: 3 passed, 0 failed</system-out>"), "\(xml)")
    #expect(xml.hasSuffix("</testsuite>\n</testsuites>\n"))
}

@Test func textAndAttributesAreEscapedAndHoldOnlyXMLCharacters() {
    // A notebook may print markup, quotes, ESC (colour) and NUL; XML 1.0 cannot hold the
    // last two even as references, so they become U+FFFD.
    let details = "x < 1 && y > \"2\"\u{1B}[31m\u{0}"
    let report = JUnitReport(cases: [
        .init(name: "a&b.gbook", seconds: 0.1, outcome: .failed(message: "line 1\nline 2\r\n\t'q'", details: details)),
    ], seconds: 0.1)
    let xml = report.xml
    #expect(xml.contains("name=\"a&amp;b.gbook\""), "\(xml)")
    #expect(xml.contains("message=\"line 1&#10;line 2&#13;&#10;&#9;&#39;q&#39;\""), "\(xml)")
    #expect(xml.contains(">x &lt; 1 &amp;&amp; y &gt; &quot;2&quot;\u{FFFD}[31m\u{FFFD}</failure>"), "\(xml)")
    #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
}

@Test func anEmptyRunIsAValidReportWithNoCases() {
    let xml = JUnitReport(cases: [], seconds: 0).xml
    #expect(xml.contains("tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.000\""), "\(xml)")
}

@Test func theReportIsWrittenToTheGivenPath() throws {
    let path = "/tmp/gradbook-junit-\(UInt32.random(in: 0...UInt32.max)).xml"
    let report = JUnitReport(cases: [.init(name: "a.gbook", seconds: 0.25, outcome: .passed)], seconds: 0.25)
    try report.write(to: path)
    defer { unlink(path) }
    #expect(try TextFile.read(path) == report.xml)
}
