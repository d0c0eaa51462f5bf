import Notebook
import Lang

/// How a long builtin's progress reads in a notebook front end.
enum ProgressText {
    static let width = 30

    /// `[███████░░░░░░░░]  40/100  epoch 4 loss 0.0123`.
    static func plain(_ p: Progress) -> String {
        let total = max(p.total, 1)
        let filled = min(width, width * max(p.done, 0) / total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return "[\(bar)] \(p.done)/\(p.total)  \(p.message)"
    }

    /// An HTML `<progress>` element with the counts and message beside it.
    static func html(_ p: Progress) -> String {
        "<progress value=\"\(max(p.done, 0))\" max=\"\(max(p.total, 1))\" style=\"width: 20em\"></progress> "
            + "<code>\(p.done)/\(p.total)</code> \(escapeXML(p.message))"
    }
}
