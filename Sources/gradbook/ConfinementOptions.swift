import ArgumentParser
import Lang
import Support

/// `--allow-files DIR` and `--trust`: what a replayed notebook's file builtins may
/// touch beyond its own folder (`run`, `export`), or, at the prompt, what confines it.
struct ConfinementOptions: ParsableArguments {
    @Option(name: .customLong("allow-files"), help: ArgumentHelp(
        "Also let file builtins touch DIR and below (repeatable); replay always allows the notebook's folder, "
            + "the prompt and kernel then allow the current folder.", valueName: "DIR"))
    var allowedFolders: [String] = []

    @Flag(name: .long, help: "Let file builtins touch any file you can (replay is confined otherwise).")
    var trust = false

    /// A replayed notebook's access: its folder and the allowed ones, or all with `--trust`;
    /// relative paths start in its folder either way, wherever it is replayed from.
    func replay(_ notebook: String) -> FileAccess {
        let folder = PathResolution.folder(of: notebook)
        return trust ? .trusting(folder) : .confined(to: folder, allowing: allowedFolders)
    }

    /// The prompt's access: unconfined unless `--allow-files` is given, which confines
    /// it to the current folder and those.
    var interactive: FileAccess {
        trust || allowedFolders.isEmpty ? .unconfined : .requested(allowing: allowedFolders)
    }

    /// A kernel's access: as the prompt's, with refusals that point at the kernelspec,
    /// whose command line is where the flags came from.
    var kernel: FileAccess {
        trust || allowedFolders.isEmpty ? .unconfined : .requested(allowing: allowedFolders, by: .kernelspec)
    }
}
