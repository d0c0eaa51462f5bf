import Testing
import Glibc
import Console
import REPL

/// Runs the built `gradbook` executable with piped input and arguments, returning
/// its exit status, standard output and standard error.
func runGradbook(_ arguments: [String], input: String = "", environment: [String: String] = [:]) throws
    -> (status: Int32, stdout: String, stderr: String) {
    let directory = try temporaryDirectory("proc")
    let inputPath = directory + "/in", outPath = directory + "/out", errPath = directory + "/err"
    try FileSystem.writeAtomically(inputPath, input)
    let quoted = ([try gradbookBinary()] + arguments).map { "'" + $0.replacing("'", with: "'\\''") + "'" }
    let env = environment.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
    let command = "env \(env) " + quoted.joined(separator: " ") + " <'\(inputPath)' >'\(outPath)' 2>'\(errPath)'"
    let raw = system(command)
    // system() returns a wait status; the exit code is its second byte.
    let status = (raw >> 8) & 0xff
    return (status, try FileSystem.read(outPath), try FileSystem.read(errPath))
}

/// The `gradbook` built beside this test bundle (the same build folder).
func gradbookBinary() throws -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard n > 0 else { throw FileError(path: "/proc/self/exe", reason: "unreadable") }
    var path = String(cString: buffer)
    // The test runner lives in .build/<config>/ (xctest bundle or swiftpm-testing-helper).
    while !path.isEmpty && path != "/" {
        path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if FileSystem.exists(path + "/gradbook") { return path + "/gradbook" }
    }
    throw FileError(path: "gradbook", reason: "not built beside the tests (swift build first)")
}

@Suite struct ScriptMode {
    @Test func aScriptThatRunsExitsZeroAndEchoes() throws {
        let directory = try temporaryDirectory("script")
        let path = directory + "/ok.gb"
        try FileSystem.writeAtomically(path, "x = 3\ny = x^2;\ny + 1\n")
        let result = try runGradbook([path])
        #expect(result.status == 0)
        // x echoes 3; y is silenced by ';'; y + 1 is 9 + 1.
        #expect(result.stdout == "3\n10\n")
        #expect(result.stderr == "")
    }

    @Test func anErrorPrintsFileLineColumnAndExitsOne() throws {
        let directory = try temporaryDirectory("script")
        let path = directory + "/bad.gb"
        try FileSystem.writeAtomically(path, "a = 1\nb = [1, 2] + [1, 2, 3]\n")
        let result = try runGradbook([path])
        #expect(result.status == 1)
        // The first line ran and echoed before the second failed.
        #expect(result.stdout == "1\n")
        // The failing expression starts in column 5 of line 2.
        #expect(result.stderr.contains("\(path):2:5"))
        #expect(result.stderr.contains("error:"))
    }

    @Test func aMissingFileExitsOne() throws {
        let result = try runGradbook(["/nonexistent/script.gb"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/nonexistent/script.gb"))
    }

    @Test func pipedInputRunsWithoutPromptsOrColour() throws {
        let result = try runGradbook([], input: "x = 3\nx * 2\n")
        #expect(result.status == 0)
        #expect(result.stdout == "3\n6\n")
        #expect(!result.stdout.contains("gb>"))
    }

    @Test func pipedErrorHasNoColourAndExitsOne() throws {
        let result = try runGradbook([], input: "1 +\n", environment: ["TERM": "xterm"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}["))
        #expect(result.stderr.contains("<stdin>:"))
    }
}
