/// A `.gbook` notebook: the ordered lines of the file, grouped into items.
///
/// Every item keeps its raw lines, so `NotebookWriter.serialize(NotebookParser.parse(text))`
/// gives back `text` byte for byte. Code cells also expose their meaning
/// (source, options, recorded outputs) for replay and export.
public struct Notebook: Sendable, Equatable {
    /// One run of lines in the file.
    public enum Item: Sendable, Equatable {
        /// A code cell: options, a statement and its recorded outputs.
        case code(Cell)
        /// A `#'` Markdown prose line (raw, including the `#'`).
        case prose(String)
        /// A plain `#` comment line outside any cell (raw).
        case comment(String)
        /// An empty or all-whitespace line (raw).
        case blank(String)
        /// A notebook-level `#+ notebook key=value ...` line (raw) with its parsed options.
        case header(String, CellOptions)
    }

    /// How lines end in the file.
    public enum LineEnding: String, Sendable, Equatable {
        /// Unix `\n`.
        case lf = "\n"
        /// Windows `\r\n`.
        case crlf = "\r\n"
    }

    /// The items in file order.
    public var items: [Item]
    /// The line terminator used when writing.
    public var lineEnding: LineEnding
    /// Whether the last line is followed by a terminator.
    public var endsWithNewline: Bool

    /// Makes a notebook; an empty one by default, written with `\n` line ends.
    public init(items: [Item] = [], lineEnding: LineEnding = .lf, endsWithNewline: Bool = true) {
        self.items = items
        self.lineEnding = lineEnding
        self.endsWithNewline = endsWithNewline
    }

    /// The code cells in order.
    public var cells: [Cell] {
        items.compactMap { if case .code(let cell) = $0 { return cell } else { return nil } }
    }

    /// Notebook-wide defaults from the header lines (later lines override earlier ones).
    public var defaults: CellOptions {
        var merged = CellOptions()
        for case .header(_, let options) in items { merged = merged.overridden(by: options) }
        return merged
    }

    /// Appends a code cell (the REPL's transcript uses this for each entry).
    public mutating func append(_ cell: Cell) { items.append(.code(cell)) }

    /// Appends prose; `text` may span lines, each becomes a `#' ` line.
    public mutating func appendProse(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            items.append(.prose(line.isEmpty ? "#'" : "#' " + line))
        }
    }

    /// The 1-based line number of each item's first line, in item order.
    public var firstLines: [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(items.count)
        var line = 1
        for item in items {
            numbers.append(line)
            line += item.lines.count
        }
        return numbers
    }
}

extension Notebook.Item {
    /// The raw lines this item occupies in the file.
    public var lines: [String] {
        switch self {
        case .code(let cell): return cell.lines
        case .prose(let raw), .comment(let raw), .blank(let raw), .header(let raw, _): return [raw]
        }
    }
}

/// A code cell: `#+` option lines, one top-level statement, and its `#>` output lines.
public struct Cell: Sendable, Equatable {
    /// Raw `#+` lines before the statement.
    public var optionLines: [String]
    /// The statement's raw lines (a block spans several; comments and blanks inside stay).
    public var sourceLines: [String]
    /// Raw `#>` lines after the statement.
    public var outputLines: [String]
    /// Options parsed from `optionLines`.
    public var options: CellOptions

    /// Makes a cell from its raw parts.
    public init(optionLines: [String] = [], sourceLines: [String], outputLines: [String] = [],
                options: CellOptions = CellOptions()) {
        self.optionLines = optionLines
        self.sourceLines = sourceLines
        self.outputLines = outputLines
        self.options = options
    }

    /// Makes a cell from source text and output text lines (as the REPL records them).
    public init(source: String, outputs: [String], options: CellOptions = CellOptions()) {
        self.init(optionLines: options.isEmpty ? [] : [options.line],
                  sourceLines: source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
                  outputLines: [], options: options)
        self.outputs = outputs
    }

    /// The statement as one string, lines joined by `\n`.
    public var source: String { sourceLines.joined(separator: "\n") }

    /// The recorded outputs without their `#> ` prefix; setting rewrites `outputLines`.
    public var outputs: [String] {
        get { outputLines.map(Cell.outputText) }
        set {
            outputLines = newValue.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false) }
                .map { $0.isEmpty ? "#>" : "#> " + $0 }
        }
    }

    /// All raw lines of the cell in file order.
    public var lines: [String] { optionLines + sourceLines + outputLines }

    /// The text of one raw `#>` line: `#> x` (indented or not) gives `x`, `#>` the empty string.
    public static func outputText(_ raw: String) -> String {
        var rest = raw.trimmingTrailingCarriageReturn.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("#>") { rest = rest.dropFirst(2) }
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return String(rest)
    }
}

/// Options for a cell (`#+ tol=1e-6 atol=1e-12 timeout=5 skip error`) or for the
/// notebook (`#+ notebook tol=1e-6 timeout=60`).
public struct CellOptions: Sendable, Equatable {
    /// Relative tolerance for numbers, or nil to inherit (default 1e-9).
    public var tolerance: Double?
    /// Absolute tolerance for numbers, or nil to inherit (default 0). For a cell whose
    /// numbers come from cancellation or an ill-conditioned solve: their error is near
    /// rounding in absolute terms but large relative to the small result.
    public var absoluteTolerance: Double?
    /// Do not run the cell; its recorded output is kept as it is.
    public var skip: Bool
    /// The cell is expected to fail; its error message is recorded in its `#>` lines.
    public var expectError: Bool
    /// Seconds the cell may run in replay before it is stopped and fails, or nil to
    /// inherit (from the header, then `gradbook run --timeout`, then 600).
    public var timeout: Double?
    /// Start a fresh session before this cell, as `:reset` did at the prompt, so the
    /// cells after a reset replay against what was defined after it, not before.
    public var reset: Bool

    /// The tolerance used when neither cell nor notebook sets one.
    public static let defaultTolerance = 1e-9

    /// The per-cell time limit in seconds when nothing sets one: long enough for any
    /// honest cell, short enough that a cell looping forever cannot hang CI.
    public static let defaultTimeout = 600.0

    /// Makes a set of options; nothing set by default.
    public init(tolerance: Double? = nil, absoluteTolerance: Double? = nil, skip: Bool = false,
                expectError: Bool = false, timeout: Double? = nil, reset: Bool = false) {
        self.tolerance = tolerance
        self.reset = reset
        self.absoluteTolerance = absoluteTolerance
        self.skip = skip
        self.expectError = expectError
        self.timeout = timeout
    }

    /// Whether no option is set.
    public var isEmpty: Bool {
        tolerance == nil && absoluteTolerance == nil && !skip && !expectError && timeout == nil && !reset
    }

    /// These options with any set in `other` taking precedence.
    public func overridden(by other: CellOptions) -> CellOptions {
        CellOptions(tolerance: other.tolerance ?? tolerance,
                    absoluteTolerance: other.absoluteTolerance ?? absoluteTolerance,
                    skip: skip || other.skip, expectError: expectError || other.expectError,
                    timeout: other.timeout ?? timeout, reset: reset || other.reset)
    }

    /// A time limit as options and messages write it: `5`, `0.2`.
    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }

    /// The `#+` line that writes these options.
    public var line: String {
        var parts: [String] = []
        if let tolerance { parts.append("tol=\(tolerance)") }
        if let absoluteTolerance { parts.append("atol=\(absoluteTolerance)") }
        if let timeout { parts.append("timeout=\(CellOptions.secondsText(timeout))") }
        if skip { parts.append("skip") }
        if expectError { parts.append("error") }
        if reset { parts.append("reset") }
        return "#+ " + parts.joined(separator: " ")
    }
}

extension String {
    /// The string without one trailing `\r` (a CRLF file read with mixed endings).
    var trimmingTrailingCarriageReturn: Substring {
        hasSuffix("\r") ? dropLast() : Substring(self)
    }
}
