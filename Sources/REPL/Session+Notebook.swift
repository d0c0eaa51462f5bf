import Lang
import Notebook

extension Session {
    /// `:run FILE`: replays a notebook in a fresh session (this one is untouched)
    /// and prints the report: failures with diffs, then `N passed, N failed`.
    /// The replay shares this session's token, so Ctrl-C stops it.
    func replay(_ path: String) {
        do {
            let report = try Replay.run(file: path, interruption: interpreter.interruption)
            print(report.text)
        } catch {
            reportError("cannot run \(path): \(error)")
        }
    }

    /// `:export FILE`: the session transcript as Markdown, re-run in a fresh
    /// interpreter so plots have their data, with SVG files beside it.
    func export(to path: String) {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let base = String(path[(slash.map { path.index(after: $0) } ?? path.startIndex)...])
        let stem = base.hasSuffix(".md") ? String(base.dropLast(3)) : base
        let result = MarkdownExport.export(transcript, origin: "session", imagePrefix: stem,
                                           interruption: interpreter.interruption)
        do {
            for image in result.images { try FileSystem.writeAtomically(directory + image.name, image.svg) }
            try FileSystem.writeAtomically(path, result.markdown)
            let plots = result.images.isEmpty ? "" : " and \(result.images.count) plot files"
            print("exported \(transcript.cells.count) cells to \(path)\(plots)")
        } catch {
            reportError("cannot export: \(error)")
        }
    }
}
