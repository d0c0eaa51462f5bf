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
    /// Who confined the session; only the message of a refusal differs.
    public var confiner = Confiner.replay

    /// Who confined a session, which decides how a refusal says to widen it.
    public enum Confiner: Sendable, Equatable {
        /// Replay (`run`, `export`), by default.
        case replay
        /// A person, with `gradbook --allow-files DIR` at the prompt or on a script.
        case prompt
        /// A kernelspec whose command line has `--allow-files` (`kernel install --allow-files`).
        case kernelspec
    }

    /// Whether a person or a kernelspec asked for the confinement, rather than replay.
    public var isRequested: Bool { roots != nil && confiner != .replay }

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

    /// What `--allow-files` confines a prompt, script or kernel to: the current folder,
    /// the `allowing` folders and what is below them.
    public static func requested(allowing: [String], by confiner: Confiner = .prompt) -> FileAccess {
        var access = confined(to: PathResolution.currentDirectory(), allowing: allowing)
        access.confiner = confiner
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
        /// Who confined the session.
        public var confiner = Confiner.replay
        /// The message shown in the cell.
        public var description: String {
            let folders = ([folder] + allowed).joined(separator: ", ")
            let outside = "\"\(path)\" is outside the folders this session may touch (it resolves to \(resolved)): "
            switch confiner {
            case .prompt:
                return outside + "it was started with --allow-files, which confines file builtins to \(folders) "
                    + "and below; start it again with another --allow-files DIR, or without --allow-files to lift the confinement"
            case .kernelspec:
                return outside + "its kernelspec starts it with --allow-files, which confines file builtins to "
                    + "\(folders) and below; install the kernelspec again (gradbook kernel install) with another "
                    + "--allow-files DIR, or without --allow-files to lift the confinement"
            case .replay:
                break
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
                      confiner: confiner)
    }
}
