import Support

/// Draws the progress that long builtins (`fit`, `minimize`) report, as one line
/// on standard error that is redrawn in place: `[=====>    ] 30/100  epoch 3  12.5/s`.
public struct ProgressBar {
    /// The number of cells inside the brackets.
    public var width: Int
    private var startTime: Double?
    private var lastDrawn = -Double.infinity
    private var lineOpen = false
    private let write: (String) -> Void
    private let clock: () -> Double
    private let columns: () -> Int

    /// A bar `width` cells wide, drawn with `write` (standard error unless a test
    /// collects it), timed by `clock` (seconds) and cut to `columns()` less one
    /// character (0: no limit), since a line that wraps cannot be redrawn in place.
    public init(width: Int = 30, write: @escaping (String) -> Void = writeToStandardError,
                clock: @escaping () -> Double = monotonicSeconds, columns: @escaping () -> Int = { 0 }) {
        self.width = max(1, width)
        self.write = write
        self.clock = clock
        self.columns = columns
    }

    /// Whether a bar is drawn and its line not yet ended.
    public var isOpen: Bool { lineOpen }

    /// The text of the bar (without the leading carriage return).
    /// - Parameters:
    ///   - done: steps finished; clamped to `0...total`.
    ///   - total: all steps; a total of 0 or less draws an empty bar.
    ///   - message: the builtin's note (e.g. the current loss).
    ///   - elapsed: seconds since the first report, for the rate; rate is left out below 1 ms.
    public func render(done: Int, total: Int, message: String, elapsed: Double) -> String {
        ProgressLine.render(done: done, total: total, message: message, elapsed: elapsed, width: width)
    }

    /// Redraws the bar on standard error; ends the line when `done >= total`.
    ///
    /// Redraws at most every 50 ms (a training loop may report thousands of steps a
    /// second and the terminal would become the bottleneck); the last step always draws.
    public mutating func draw(done: Int, total: Int, message: String) {
        let now = clock()
        if startTime == nil || done <= 0 { startTime = now }
        if done < total && now - lastDrawn < 0.05 { return }
        lastDrawn = now
        let elapsed = now - (startTime ?? now)
        // "\r" returns to the line start and "\u{1B}[K" clears what a longer line left.
        var line = render(done: done, total: total, message: message, elapsed: elapsed)
        let limit = columns()
        if limit > 1, line.count >= limit { line = String(line.prefix(limit - 1)) }
        var text = "\r" + line + "\u{1B}[K"
        lineOpen = true
        if done >= total {
            text += "\n"
            startTime = nil
            lastDrawn = -Double.infinity
            lineOpen = false
        }
        write(text)
    }

    /// Ends a bar left unfinished (the run was interrupted or failed), so what
    /// follows starts on its own line; the next report starts a new bar.
    public mutating func finish() {
        if lineOpen { write("\n") }
        lineOpen = false
        startTime = nil
        lastDrawn = -Double.infinity
    }
}
