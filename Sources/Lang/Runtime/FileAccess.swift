import Support

/// Which files a session's file builtins may open, and where relative paths start:
/// the one rule every builtin that takes a path goes through (`CallContext.path`).
///
/// Replay (`gradbook run`, `gradbook export`) confines a notebook to its own folder, so
/// a notebook from elsewhere cannot read or overwrite the user's other files; the
/// prompt and the kernel run the person's own code and are unconfined by default.
///
///     let access = FileAccess.confined(to: "/home/me/notes", allowing: ["/data"])
///     try access.resolve("../x.csv")   // throws FileAccess.Refusal
public struct FileAccess: Sendable, Equatable {
    /// The folder relative paths resolve against (a notebook's own folder in replay).
    public var base: String
    /// The canonical folders that may be touched, or nil for no confinement.
    public var roots: [String]?
    /// Whether a person asked for the confinement at the prompt or in a kernel
    /// (`--allow-files`), rather than replay imposing it; only the message differs.
    public var isRequested = false

    /// No confinement; relative paths resolve against the process's folder.
    public static var unconfined: FileAccess {
        FileAccess(base: PathResolution.currentDirectory(), roots: nil)
    }

    /// Relative paths start in `folder`; only `folder`, the `allowing` folders and what is
    /// below them may be touched (each resolved, links included).
    public static func confined(to folder: String, allowing: [String] = []) -> FileAccess {
        let cwd = PathResolution.currentDirectory()
        let base = PathResolution.canonical(folder, relativeTo: cwd)
        let extra = allowing.map { PathResolution.canonical($0, relativeTo: cwd) }
        return FileAccess(base: base, roots: [base] + extra)
    }

    /// What a person confines their own session to with `--allow-files` at the prompt or
    /// in a kernel: the current folder, the `allowing` folders and what is below them.
    public static func requested(allowing: [String]) -> FileAccess {
        var access = confined(to: PathResolution.currentDirectory(), allowing: allowing)
        access.isRequested = true
        return access
    }

    /// Unconfined, but relative paths still start in `folder` (`--trust` on replay).
    public static func trusting(_ folder: String) -> FileAccess {
        FileAccess(base: PathResolution.canonical(folder, relativeTo: PathResolution.currentDirectory()), roots: nil)
    }

    /// A path that a confined session may not touch, with what would allow it.
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        /// The path as the notebook wrote it.
        public var path: String
        /// Where it leads, resolved.
        public var resolved: String
        /// The folder the session is confined to.
        public var folder: String
        /// The other folders it may touch.
        public var allowed: [String] = []
        /// Whether the person confined their own session (`--allow-files` at the prompt).
        public var isRequested = false
        /// The message shown in the cell.
        public var description: String {
            let folders = ([folder] + allowed).joined(separator: ", ")
            if isRequested {
                return "\"\(path)\" is outside the folders this session may touch (it resolves to \(resolved)): "
                    + "it was started with --allow-files, which confines file builtins to \(folders) and below; "
                    + "start it again with another --allow-files DIR, or without --allow-files to lift the confinement"
            }
            let also = allowed.isEmpty ? "" : " (and \(allowed.joined(separator: ", ")))"
            return "\"\(path)\" is outside the notebook's folder (it resolves to \(resolved)); "
                + "replay may touch only \(folder) and below\(also): allow it with --allow-files DIR or --trust"
        }
    }

    /// The path to open for `path`: absolute, with `..` and links resolved.
    /// - Throws: `Refusal` when the session is confined and the path leads outside.
    public func resolve(_ path: String) throws -> String {
        guard let roots else {
            // Unconfined in the process's folder: open what was written, so messages name it.
            if path.hasPrefix("/") || base == PathResolution.currentDirectory() { return path }
            return PathResolution.canonical(path, relativeTo: base)
        }
        let resolved = PathResolution.canonical(path, relativeTo: base)
        if roots.contains(where: { PathResolution.isInside(resolved, $0) }) { return resolved }
        throw Refusal(path: path, resolved: resolved, folder: base, allowed: Array(roots.dropFirst()),
                      isRequested: isRequested)
    }
}
