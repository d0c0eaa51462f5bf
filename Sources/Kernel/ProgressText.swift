import Lang
import Support

/// How a long builtin's progress reads in a notebook front end.
enum ProgressText {
    static let width = 30

    /// The prompt's bar: `[=====>    ] 30/100  epoch 3  12.5/s`.
    static func plain(_ p: Progress, elapsed: Double) -> String {
        ProgressLine.render(done: p.done, total: p.total, message: p.message, elapsed: elapsed, width: width)
    }

    /// An HTML `<progress>` element with the counts and message beside it.
    static func html(_ p: Progress) -> String {
        "<progress value=\"\(max(p.done, 0))\" max=\"\(max(p.total, 1))\" style=\"width: 20em\"></progress> "
            + "<code>\(p.done)/\(p.total)</code> \(escapeXML(p.message))"
    }
}
