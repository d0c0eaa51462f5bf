import Console
import Glibc
import Lang
import Plots
import Support

/// What one running cell shows, sent to iopub as it happens. An echo is held
/// back until the next output: the cell's last echo becomes the
/// `execute_result`, earlier ones `display_data`.
final class CellOutputs: ConsoleDisplay {
    private let publisher: Publisher?
    private let parent: JSONValue
    private var pendingEcho: Echo?
    private var streamBuffer = ""
    private var lastStreamFlush = 0.0
    private var progressID: String?
    private var lastProgress = 0.0
    private var progressStart = 0.0
    /// The error the cell ended with, for the `error` message and the reply.
    private(set) var lastFailure: ErrorReport?

    /// `publisher` nil: a silent execution, which shows nothing.
    init(publisher: Publisher?, parent: JSONValue) {
        self.publisher = publisher
        self.parent = parent
    }

    func show(_ output: Output) {
        guard let publisher else { return }
        flushEcho()
        switch output {
        case .text(let text):
            // A loop that prints thousands of lines sends a few batched messages, not one per line.
            streamBuffer += text + "\n"
            let now = monotonicSeconds()
            if streamBuffer.utf8.count > 65_536 || now - lastStreamFlush > 0.05 { flushStream(at: now) }
        case .plot(let plot):
            flushStream()
            let data: JSONValue = ["image/svg+xml": .string(SVGPlot.render(plot)), "text/plain": .string(plot.summary)]
            publisher.publish("display_data", ["data": data, "metadata": [:], "transient": [:]], parent: parent)
        }
    }

    /// A meta-command's answer, as printed text.
    func note(_ text: String) { show(.text(text)) }

    /// `:vars` as text and as an HTML table.
    func variables(_ table: VariableTable) {
        display(["text/plain": .string(table.text), "text/html": .string(CellOutputs.html(table))])
    }

    /// Keeps the error; `execute` sends it once the cell is over.
    func failure(_ report: ErrorReport) { lastFailure = report }

    /// `:vars` as an HTML table.
    static func html(_ table: VariableTable) -> String {
        var html = "<table><thead><tr><th>name</th><th>type</th><th>shape</th></tr></thead><tbody>"
        for row in table.rows {
            html += "<tr><td><code>\(escapeXML(row.name))</code></td><td>\(escapeXML(row.type))</td>"
                + "<td>\(escapeXML(row.shape ?? ""))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    /// Shows a MIME bundle (a table of variables, say) as `display_data`.
    func display(_ data: JSONValue) {
        guard let publisher else { return }
        flushEcho()
        publisher.publish("display_data", ["data": data, "metadata": [:], "transient": [:]], parent: parent)
    }

    func echo(_ echo: Echo) {
        flushEcho()
        pendingEcho = echo
    }

    /// Sends the printed text not yet sent.
    func flushStream(at now: Double = monotonicSeconds()) {
        lastStreamFlush = now
        guard !streamBuffer.isEmpty, let publisher else { return }
        publisher.publish("stream", ["name": "stdout", "text": .string(streamBuffer)], parent: parent)
        streamBuffer = ""
    }

    /// Sends a held echo as `display_data` (another output follows it, or the cell failed).
    func flushEcho() {
        flushStream()
        guard let echo = pendingEcho, let publisher else { return }
        pendingEcho = nil
        publisher.publish("display_data", ["data": CellOutputs.bundle(echo), "metadata": [:], "transient": [:]],
                          parent: parent)
    }

    /// Sends a held echo as the cell's `execute_result`.
    func finishWithResult(executionCount: Int) {
        flushStream()
        guard let echo = pendingEcho, let publisher else { return }
        pendingEcho = nil
        publisher.publish("execute_result", ["data": CellOutputs.bundle(echo), "metadata": [:],
                                             "execution_count": .number(Double(executionCount))], parent: parent)
    }

    /// A progress bar as one display, updated in place at most ten times a second.
    func progress(_ p: Progress) {
        guard let publisher else { return }
        flushStream()
        let now = monotonicSeconds()
        let last = p.done >= p.total
        if progressID == nil { progressStart = now }
        if progressID != nil && !last && now - lastProgress < 0.1 { return }
        lastProgress = now
        let data: JSONValue = ["text/plain": .string(ProgressText.plain(p, elapsed: now - progressStart)), "text/html": .string(ProgressText.html(p))]
        // Tagged so a notebook converted back to .gbook leaves the bar out, as the prompt's record does.
        let metadata: JSONValue = ["gradbook": ["progress": true]]
        if let id = progressID {
            publisher.publish("update_display_data",
                              ["data": data, "metadata": metadata, "transient": ["display_id": .string(id)]], parent: parent)
        } else {
            let id = "progress-\(Int(now * 1e6))"
            progressID = id
            publisher.publish("display_data",
                              ["data": data, "metadata": metadata, "transient": ["display_id": .string(id)]], parent: parent)
        }
    }

    /// The MIME bundle of an echo: the prompt's text, and a table for a vector or matrix.
    static func bundle(_ echo: Echo) -> JSONValue {
        var data: [String: JSONValue] = ["text/plain": .string(echo.text)]
        if let tensor = echo.tensor, let html = TensorHTML.table(tensor) { data["text/html"] = .string(html) }
        if let math = echo.symbolic { data["text/latex"] = .string("$$" + math.latex + "$$") }
        return .object(data)
    }
}
