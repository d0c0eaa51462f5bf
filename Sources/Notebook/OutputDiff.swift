#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Support

/// How a cell's replayed output differs from its recorded `#>` lines.
public struct OutputMismatch: Sendable, Equatable {
    /// The notebook line of the first difference (for a missing or extra line: where it would be).
    public var line: Int
    /// A unified diff in the notebook's line numbers, `-` recorded, `+` replayed.
    public var diff: String
    /// For numeric output with the same layout: the largest errors and where they are.
    public var numericError: NumericError?
}

/// The largest absolute and relative differences between recorded and replayed numbers.
public struct NumericError: Sendable, Equatable {
    /// Largest `|new - recorded|`.
    public var maxAbsolute: Double
    /// Where it is: a tensor index like `[1, 0]` and the notebook line.
    public var absoluteAt: String
    /// Largest `|new - recorded| / |recorded|`.
    public var maxRelative: Double
    /// Where that is.
    public var relativeAt: String
    /// The recorded number with that largest relative error.
    public var relativeRecorded = 0.0
    /// The largest magnitude among the recorded numbers: the scale rounding is judged against.
    public var largestRecorded = 0.0
}

extension OutputMatch {
    /// Compares a cell's recorded output lines with its replayed ones.
    /// - Parameters:
    ///   - firstLine: the notebook line of the first recorded output, or of the line
    ///     where outputs would go when none are recorded.
    /// - Returns: nil when every line matches and none is missing or extra.
    public static func compare(recorded: [String], actual: [String], tolerance: Double,
                               absoluteTolerance: Double = 0, firstLine: Int) -> OutputMismatch? {
        let matches = { (r: String, a: String) in
            lineMatches(recorded: r, actual: a, tolerance: tolerance, absoluteTolerance: absoluteTolerance)
        }
        if recorded.count == actual.count, zip(recorded, actual).allSatisfy(matches) {
            return nil
        }
        let script = editScript(recorded, actual, matches: matches)
        var firstDifference = firstLine + recorded.count
        var recordedIndex = 0
        for step in script {
            if case .keep = step { recordedIndex += 1; continue }
            firstDifference = firstLine + recordedIndex
            break
        }
        return OutputMismatch(line: firstDifference,
                              diff: unifiedDiff(script, recorded: recorded, actual: actual, firstLine: firstLine),
                              numericError: numericError(recorded: recorded, actual: actual, firstLine: firstLine))
    }

    enum Step: Equatable { case keep(Int, Int), remove(Int), insert(Int) }

    /// A shortest edit script by longest common subsequence, where lines "match" by `matches`.
    static func editScript(_ r: [String], _ a: [String], matches: (String, String) -> Bool) -> [Step] {
        let n = r.count, m = a.count
        // Quadratic table; outputs that size would be unreadable as a diff anyway.
        guard n * m <= 4_000_000 else {
            return (0..<n).map { Step.remove($0) } + (0..<m).map { Step.insert($0) }
        }
        var table = [Int](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = matches(r[i], a[j])
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, matches(r[i], a[j]),
               table[i * (m + 1) + j] == table[(i + 1) * (m + 1) + j + 1] + 1 {
                steps.append(.keep(i, j)); i += 1; j += 1
            } else if i < n, j == m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                steps.append(.remove(i)); i += 1
            } else {
                steps.append(.insert(j)); j += 1
            }
        }
        return steps
    }

    /// One hunk covering the whole cell output (cells are short), lines shown as in the file.
    static func unifiedDiff(_ steps: [Step], recorded: [String], actual: [String], firstLine: Int) -> String {
        func shown(_ text: String) -> String { text.isEmpty ? "#>" : "#> " + text }
        var body: [String] = []
        for step in steps {
            switch step {
            case .keep(let i, _): body.append(" " + shown(recorded[i]))
            case .remove(let i): body.append("-" + shown(recorded[i]))
            case .insert(let j): body.append("+" + shown(actual[j]))
            }
        }
        // As in diff -u, an empty side names the line before the gap.
        func range(_ count: Int) -> String { "\(count == 0 ? firstLine - 1 : firstLine),\(count)" }
        let header = "@@ -\(range(recorded.count)) +\(range(actual.count)) @@"
        return ([header] + body).joined(separator: "\n")
    }

    /// Pairs the numbers of recorded and replayed output when both have the same
    /// number count, and finds the largest absolute and relative error.
    static func numericError(recorded: [String], actual: [String], firstLine: Int) -> NumericError? {
        let r = locatedNumbers(recorded, firstLine: firstLine)
        let a = locatedNumbers(actual, firstLine: firstLine)
        guard !r.isEmpty, r.count == a.count else { return nil }
        let largest = r.reduce(0.0) { $1.value.isFinite ? max($0, abs($1.value)) : $0 }
        var best: NumericError? = nil
        for (x, y) in zip(r, a) where x.value != y.value {
            let absolute = abs(y.value - x.value)
            let relative = x.value == 0 ? Double.infinity : absolute / abs(x.value)
            var current = best ?? NumericError(maxAbsolute: -1, absoluteAt: "", maxRelative: -1, relativeAt: "",
                                               largestRecorded: largest)
            if absolute > current.maxAbsolute || absolute.isNaN {
                current.maxAbsolute = absolute
                current.absoluteAt = x.place
            }
            if relative > current.maxRelative || relative.isNaN {
                current.maxRelative = relative
                current.relativeAt = x.place
                current.relativeRecorded = x.value
            }
            best = current
        }
        return best
    }

    /// Every number in the lines with its tensor index (from the brackets around it) and line.
    static func locatedNumbers(_ lines: [String], firstLine: Int) -> [(value: Double, place: String)] {
        var path: [Int] = []
        var found: [(Double, String)] = []
        for (offset, line) in lines.enumerated() {
            for token in tokens(line) {
                switch token {
                case .text(let text):
                    for c in text {
                        switch c {
                        case "[": path.append(0)
                        case "]": if !path.isEmpty { path.removeLast() }
                        case ",": if !path.isEmpty { path[path.count - 1] += 1 }
                        default: break
                        }
                    }
                case .number(let value, _):
                    let index = path.isEmpty ? "" : "index [" + path.map(String.init).joined(separator: ", ") + "], "
                    found.append((value, index + "line \(firstLine + offset)"))
                }
            }
        }
        return found
    }
}

extension NumericError {
    /// `largest absolute error 0.5 at index [1, 1], line 8; largest relative error ...`.
    public var description: String {
        "largest absolute error \(OutputMatch.short(maxAbsolute)) at \(absoluteAt); "
            + "largest relative error \(OutputMatch.short(maxRelative)) at \(relativeAt)"
    }

    /// Absolute errors up to this fraction of the output's scale (at least 1) are what
    /// a few roundings become after cancellation or an ill-conditioned solve: a
    /// condition number of 1e7 turns 1e-16 into 1e-9.
    static let roundingScale = 1e-9

    /// Whether every number moved by no more than rounding in absolute terms while some
    /// moved far relative to its own small size: the mark of a rounding-sensitive cell
    /// replayed on another CPU's BLAS kernels, rather than of a wrong result.
    public func isProbablyRounding(tolerance: Double) -> Bool {
        maxAbsolute.isFinite && maxRelative > tolerance
            && maxAbsolute <= NumericError.roundingScale * max(1, largestRecorded)
    }

    /// The report's explanation of a failure that `isProbablyRounding` accepts, with the
    /// `atol` that would pass it (ten times the error, to a power of ten).
    public var roundingNote: String {
        let suggested = pow(10, (log10(maxAbsolute * 10)).rounded(.up))
        return "probably rounding: no number moved by more than \(OutputMatch.short(maxAbsolute)), "
            + "rounding error for values of size \(OutputMatch.short(max(1, largestRecorded))), "
            + "but \(OutputMatch.short(maxRelative)) relative to the recorded \(OutputMatch.short(relativeRecorded)). "
            + "Another CPU's BLAS kernels round differently; a result of cancellation or of an ill-conditioned "
            + "matrix shows it. If this cell is such a case, give it '#+ atol=\(OutputMatch.short(suggested))' "
            + "and a prose line saying why (docs/notebook-format.md, Rounding-sensitive cells)."
    }
}

extension OutputMatch {
    /// A number in at most 4 significant digits, for reports.
    static func short(_ x: Double) -> String {
        printfFormat(x, "%.4g")
    }
}
