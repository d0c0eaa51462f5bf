import Foundation
import Lang

/// A golden script: a `.gb` file whose comments say what it must print.
///
/// `# expect: TEXT` lines give the expected output lines in order (a
/// multi-line echo takes several); `# expect error: MESSAGE` says the script
/// stops with that diagnostic message, and `# expect error line: N col: C`
/// where its caret starts.
struct GoldenScript: CustomStringConvertible {
    let path: String
    let source: String
    var expectedLines: [String] = []
    var expectedError: String?
    var expectedLocation: (line: Int, column: Int)?

    var description: String {
        let parts = path.split(separator: "/")
        return parts.suffix(2).joined(separator: "/")
    }

    init(path: String) throws {
        self.path = path
        source = try String(contentsOfFile: path, encoding: .utf8)
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let hash = line.range(of: "# expect") else { continue }
            let rest = line[hash.upperBound...]
            if rest.hasPrefix(": ") {
                expectedLines.append(String(rest.dropFirst(2)))
            } else if rest.hasPrefix(" error: ") {
                expectedError = String(rest.dropFirst(8))
            } else if rest.hasPrefix(" error line: ") {
                let nums = rest.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
                if nums.count == 2 { expectedLocation = (nums[0], nums[1]) }
            }
        }
    }

    /// Every `.gb` file under `Tests/golden`, in every folder (no hand-kept list).
    static func all() -> [GoldenScript] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("golden")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [GoldenScript] = []
        for case let relative as String in walker where relative.hasSuffix(".gb") {
            if let s = try? GoldenScript(path: root.appendingPathComponent(relative).path) { out.append(s) }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// Runs the script in a fresh interpreter: its output lines and diagnostic.
    func run() -> (lines: [String], diagnostic: Diagnostic?) {
        let interpreter = Interpreter()
        var lines: [String] = []
        interpreter.outputHandler = { output in
            switch output {
            case .text(let s): lines += s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            case .plot(let p): lines.append("<plot \(p.kind.rawValue)>")
            }
        }
        let d = interpreter.run(source, origin: description)
        return (lines, d)
    }
}
