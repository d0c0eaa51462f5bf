import Testing
import Glibc
import Console

/// A notebook folder `<tmp>/nb` beside an outside folder `<tmp>/outside` holding
/// `secret.csv`, and a link `nb/link` pointing at the outside folder.
private func layout(_ name: String) throws -> (root: String, notebookFolder: String) {
    let root = try temporaryDirectory(name)
    try FileSystem.makeDirectories(root + "/nb")
    try FileSystem.makeDirectories(root + "/outside")
    try FileSystem.writeAtomically(root + "/outside/secret.csv", "1,2\n")
    symlink(root + "/outside", root + "/nb/link")
    return (root, root + "/nb")
}

/// Replays a one-cell notebook that runs `source` in `folder`, from another folder.
private func replay(_ source: String, in folder: String, flags: [String] = []) throws
    -> (status: Int32, output: String) {
    try FileSystem.writeAtomically(folder + "/t.gbook", source + "\n")
    let result = try runGradbook(["run"] + flags + [folder + "/t.gbook"])
    return (result.status, result.stdout + result.stderr)
}

@Suite struct Confinement {
    @Test(arguments: [
        ("..", "save_csv(\"../escaped.csv\", [1, 2])"),
        ("absolute", "load_csv(\"ROOT/outside/secret.csv\")"),
        ("symlink", "save_npy(\"link/escaped.npy\", [1, 2])"),
        ("symlink read", "load_csv(\"link/secret.csv\")"),
    ])
    func replayRefusesPathsOutsideTheNotebooksFolder(_ kind: String, _ cell: String) throws {
        let (root, folder) = try layout("confine")
        let (status, output) = try replay(cell.replacing("ROOT", with: root), in: folder)
        #expect(status == 1, "\(kind)")
        #expect(output.contains("is outside the notebook's folder"), "\(kind): \(output)")
        #expect(output.contains("--allow-files DIR or --trust"), "\(kind)")
        #expect(!FileSystem.exists(root + "/escaped.csv"))
        #expect(!FileSystem.exists(root + "/outside/escaped.npy"))
    }

    @Test func relativePathsStartInTheNotebooksFolderWhereverItIsReplayedFrom() throws {
        let (_, folder) = try layout("inside")
        let cell = "save_csv(\"sub/../out.csv\", [1, 2]); sum(load_csv(\"out.csv\"))\n#> 3"
        let (status, output) = try replay(cell, in: folder)
        #expect(status == 0, "\(output)")
        #expect(FileSystem.exists(folder + "/out.csv"))
    }

    @Test func allowFilesAndTrustWidenIt() throws {
        let (root, folder) = try layout("widen")
        let allowed = try replay("sum(load_csv(\"../outside/secret.csv\"))\n#> 3", in: folder,
                                 flags: ["--allow-files", root + "/outside"])
        #expect(allowed.status == 0, "\(allowed.output)")
        let trusted = try replay("save_csv(\"../trusted.csv\", [1, 2])", in: folder, flags: ["--trust"])
        #expect(trusted.status == 0, "\(trusted.output)")
        #expect(FileSystem.exists(root + "/trusted.csv"))
    }

    @Test func exportIsConfinedToo() throws {
        let (root, folder) = try layout("export")
        try FileSystem.writeAtomically(folder + "/e.gbook", "save_csv(\"../escaped.csv\", [1, 2])\n")
        let result = try runGradbook(["export", folder + "/e.gbook"])
        #expect(!FileSystem.exists(root + "/escaped.csv"))
        #expect(try FileSystem.read(folder + "/e.md").contains("--allow-files"), "\(result.stdout)")
    }

    @Test func aScriptGivenAllowFilesIsConfinedToTheCurrentFolderAndThose() throws {
        let (root, folder) = try layout("script-confined")
        try FileSystem.writeAtomically(folder + "/s.gb",
                                       "save_csv(\"\(folder)/ok.csv\", [1, 2]);\nsave_csv(\"\(root)/no.csv\", [1, 2])\n")
        let result = try runGradbook(["--allow-files", folder, folder + "/s.gb"])
        #expect(result.status == 1)
        // Not replay's wording: the person confined their own session and is told how to change it.
        #expect(result.stderr.contains("\"\(root)/no.csv\" is outside the folders this session may touch"), "\(result.stderr)")
        #expect(result.stderr.contains("it was started with --allow-files, which confines file builtins to "), "\(result.stderr)")
        #expect(result.stderr.contains("without --allow-files to lift the confinement"), "\(result.stderr)")
        #expect(!result.stderr.contains("notebook"), "\(result.stderr)")
        #expect(FileSystem.exists(folder + "/ok.csv"))
        #expect(!FileSystem.exists(root + "/no.csv"))
    }

    @Test func aScriptAtThePromptIsUnconfined() throws {
        let (root, folder) = try layout("script")
        try FileSystem.writeAtomically(folder + "/s.gb", "save_csv(\"\(root)/free.csv\", [1, 2])\n")
        let result = try runGradbook([folder + "/s.gb"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileSystem.exists(root + "/free.csv"))
    }
}
