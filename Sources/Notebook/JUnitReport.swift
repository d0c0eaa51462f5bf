import Support

/// A JUnit XML report, the format CI systems (Jenkins, GitLab, GitHub actions'
/// test reporters) read: one `<testsuite>` holding one `<testcase>` per notebook.
///
/// A notebook is the test case rather than a cell: a passing cell has no name a CI
/// page could show, and the failing notebook's text (the diff of every failed cell)
/// is what a reader needs. The schema followed is the one Jenkins' JUnit plugin and
/// pytest's `--junitxml` write (`testsuites`, `testsuite`, `testcase`, `failure`,
/// `error`, `skipped`, `system-out`).
public struct JUnitReport: Sendable {
    /// How one test case ended.
    public enum Outcome: Sendable, Equatable {
        /// Every run cell matched its record.
        case passed
        /// Some cell differed or failed unexpectedly: a one-line `message` and the full report.
        case failed(message: String, details: String)
        /// The notebook could not be replayed at all (unreadable, unparsable, its worker died).
        case error(message: String, details: String)
        /// Nothing was run (every cell `#+ skip`).
        case skipped(message: String)
    }

    /// One notebook's result.
    public struct Case: Sendable {
        /// The test's name: the notebook's path as given on the command line.
        public var name: String
        /// The folder the notebook is in (`.` for none); CI pages group by it.
        public var classname: String
        /// Wall time of the replay in seconds.
        public var seconds: Double
        /// How it ended.
        public var outcome: Outcome
        /// Shown as the case's standard output: the notebook's summary line.
        public var output: String

        /// A case named `name`, grouped under the folder part of the path.
        public init(name: String, seconds: Double, outcome: Outcome, output: String = "") {
            self.name = name
            let slash = name.lastIndex(of: "/")
            self.classname = slash.map { String(name[..<$0]) } ?? "."
            self.seconds = seconds
            self.outcome = outcome
            self.output = output
        }
    }

    /// The suite's name (`gradbook run`).
    public var name: String
    /// The cases in the order they are written.
    public var cases: [Case]
    /// Wall time of the whole run in seconds (with parallel workers, less than the cases' sum).
    public var seconds: Double

    /// A report named `name` over `cases`.
    public init(name: String = "gradbook run", cases: [Case], seconds: Double) {
        self.name = name
        self.cases = cases
        self.seconds = seconds
    }

    /// The XML document (UTF-8, XML 1.0).
    public var xml: String {
        var failures = 0, errors = 0, skipped = 0
        for item in cases {
            switch item.outcome {
            case .passed: break
            case .failed: failures += 1
            case .error: errors += 1
            case .skipped: skipped += 1
            }
        }
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\" "
            + "skipped=\"\(skipped)\" time=\"\(Self.seconds(seconds))\""
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"\(Self.attribute(name))\" \(counts)>",
                     "  <testsuite name=\"\(Self.attribute(name))\" \(counts)>"]
        for item in cases {
            lines.append("    <testcase classname=\"\(Self.attribute(item.classname))\" name=\"\(Self.attribute(item.name))\" "
                         + "file=\"\(Self.attribute(item.name))\" time=\"\(Self.seconds(item.seconds))\">")
            switch item.outcome {
            case .passed: break
            case .failed(let message, let details):
                lines.append("      <failure type=\"mismatch\" message=\"\(Self.attribute(message))\">"
                             + Self.text(details) + "</failure>")
            case .error(let message, let details):
                lines.append("      <error type=\"error\" message=\"\(Self.attribute(message))\">"
                             + Self.text(details) + "</error>")
            case .skipped(let message):
                lines.append("      <skipped message=\"\(Self.attribute(message))\"/>")
            }
            if !item.output.isEmpty { lines.append("      <system-out>" + Self.text(item.output) + "</system-out>") }
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `xml` to `path` atomically, so a CI step never reads half a report.
    /// - Throws: `TextFile.Failure` when the file cannot be written.
    public func write(to path: String) throws {
        try TextFile.writeAtomically(xml, to: path)
    }

    /// Element text: escaped, and without the characters XML 1.0 cannot hold at all
    /// (a notebook may print ESC or NUL; one such byte would make the report unreadable).
    static func text(_ value: String) -> String {
        escapeXML(String(String.UnicodeScalarView(value.unicodeScalars.map(allowed))))
    }

    /// An attribute value: as `text`, with line breaks and tabs as character references,
    /// which attribute-value normalisation would otherwise turn into spaces.
    static func attribute(_ value: String) -> String {
        // By scalar: "\r\n" is one Character, so a Character-wise replace would miss it.
        var out = ""
        for scalar in text(value).unicodeScalars {
            switch scalar {
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The scalar if XML 1.0 allows it in a document, else U+FFFD.
    static func allowed(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return scalar
        default: return "\u{FFFD}"
        }
    }

    /// Seconds with three decimals, as JUnit readers expect (`1.234`).
    static func seconds(_ value: Double) -> String {
        let millis = value.isFinite && value > 0 ? Int((min(value, 1e12) * 1000).rounded()) : 0
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
