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
        /// The message shown in the cell.
        public var description: String {
            "\"\(path)\" is outside the notebook's folder (it resolves to \(resolved)); "
                + "replay may touch only \(folder) and below: allow it with --allow-files DIR or --trust"
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
        throw Refusal(path: path, resolved: resolved, folder: base)
    }
}
