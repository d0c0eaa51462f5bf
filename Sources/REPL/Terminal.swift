@preconcurrency import Glibc
import Plots

/// Facts about the process's terminal that decide prompts, colour and progress bars.
public struct Terminal: Equatable, Sendable {
    /// Whether standard input is a terminal (readline, prompts, restore questions).
    public var inputIsTTY: Bool
    /// Whether standard output is a terminal (colour in echoed values and diagnostics).
    public var outputIsTTY: Bool
    /// Whether standard error is a terminal (the progress bar is drawn there).
    public var errorIsTTY: Bool

    /// Describes a terminal explicitly; tests use this instead of `current`.
    public init(inputIsTTY: Bool, outputIsTTY: Bool, errorIsTTY: Bool) {
        self.inputIsTTY = inputIsTTY
        self.outputIsTTY = outputIsTTY
        self.errorIsTTY = errorIsTTY
    }

    /// The terminal of this process, from `isatty` on descriptors 0, 1 and 2.
    public static var current: Terminal {
        Terminal(inputIsTTY: isatty(0) == 1, outputIsTTY: isatty(1) == 1, errorIsTTY: isatty(2) == 1)
    }
}

extension Terminal {
    /// The plot canvas width for this terminal: its columns less room for the y
    /// labels, between 30 and 200; 72, the width notebooks were drawn at, when
    /// standard output is not a terminal, so piped output does not depend on a window.
    public static func plotWidth() -> Int {
        guard isatty(1) == 1 else { return 72 }
        var size = winsize()
        var columns = 0
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0 { columns = Int(size.ws_col) }
        return plotWidth(isTTY: true, windowColumns: columns)
    }

    /// The columns of the terminal on descriptor `fd` (`$COLUMNS` when it does not
    /// say); 0 when unknown or not a terminal.
    public static func columns(of fd: Int32) -> Int {
        guard isatty(fd) == 1 else { return 0 }
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = Environment.value("COLUMNS"), let value = Int(text), value > 0 { return value }
        return 0
    }

    /// `plotWidth()` from its inputs: whether standard output is a terminal, the
    /// window's columns (0 when the terminal does not say) and `$COLUMNS` after it.
    public static func plotWidth(isTTY: Bool, windowColumns: Int,
                                 environment: (String) -> String? = Environment.value) -> Int {
        guard isTTY else { return 72 }
        var columns = windowColumns
        if columns <= 0, let text = environment("COLUMNS"), let value = Int(text) { columns = value }
        guard columns > 0 else { return 72 }
        return min(200, max(30, columns - 12))
    }

    /// `spec` drawn for this terminal: the size its call asked for (`width=`, `height=`),
    /// else the terminal's width and 18 rows.
    static func drawnPlot(_ spec: PlotSpec, color: Bool) -> String {
        TerminalPlot.render(spec, width: spec.width ?? plotWidth(), height: spec.height ?? 18, color: color)
    }
}

/// Decides whether Gradbook writes ANSI colour.
///
/// Colour is used only when the stream goes to a terminal, never when `NO_COLOR`
/// is set to a non-empty value (the no-color.org convention) and never for
/// `TERM=dumb`.
public enum ColorPolicy {
    /// Whether to colour a stream.
    /// - Parameters:
    ///   - isTTY: whether the stream is a terminal.
    ///   - environment: looks up an environment variable (defaults to the process's).
    public static func useColor(isTTY: Bool, environment: (String) -> String? = Environment.value) -> Bool {
        guard isTTY else { return false }
        if let noColor = environment("NO_COLOR"), !noColor.isEmpty { return false }
        if environment("TERM") == "dumb" { return false }
        return true
    }
}

/// Reads the process environment without Foundation (start-up time matters).
public enum Environment {
    /// The value of the variable `name`, or nil when it is unset.
    public static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}

/// Writes text to standard error, unbuffered, for diagnostics and the progress bar.
public func writeToStandardError(_ text: String) {
    fputs(text, stderr)
}

/// Flushes standard output so echoed values appear before a prompt or an error.
public func flushStandardOutput() {
    fflush(stdout)
}
