import Testing
import Console

@Suite struct MemoryLimit {
    @Test func aCellPastMaxMemoryFailsAndTheNextCellRuns() throws {
        let directory = try temporaryDirectory("memory")
        let path = directory + "/m.gbook"
        try FileSystem.writeAtomically(path, "a = zeros(1000, 1000);\nb = zeros(1000, 1000);\n1 + 1\n#> 2\n")
        let result = try runGradbook(["run", "--max-memory", "10M", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("a tensor of shape (1000, 1000) needs 7.6 MiB, past the memory limit of 10.0 MiB"))
        #expect(result.stdout.contains("2 passed, 1 failed"), "\(result.stdout)")
    }

    @Test func aScriptAndTheUnflaggedDefaultRefuseAHugeTensor() throws {
        let directory = try temporaryDirectory("memory")
        let path = directory + "/huge.gb"
        try FileSystem.writeAtomically(path, "z = zeros(200000, 200000);\n")
        let result = try runGradbook([path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: allocation of 40000000000 elements"))
        let limited = try runGradbook(["--max-memory", "1M", path])
        #expect(limited.stderr.contains("error:"))
    }

    @Test func sizesTakeTheUnitsOfPowersOf1024() throws {
        let directory = try temporaryDirectory("memory")
        let path = directory + "/ok.gb"
        // 1.5M is 1,572,864 bytes: a 1 MiB tensor fits, a second does not.
        try FileSystem.writeAtomically(path, "a = zeros(128, 1024);\nb = zeros(128, 1024);\n")
        let result = try runGradbook(["--max-memory", "1.5M", path])
        #expect(result.stderr.contains("past the memory limit of 1.5 MiB (1.0 MiB in use)"), "\(result.stderr)")
        for size in ["512M", "2G", "64k", "1GiB"] {
            #expect(try runGradbook(["--max-memory", size, directory + "/huge.gb"]).status != 64, "\(size)")
        }
        #expect(try runGradbook(["--max-memory", "12X", path]).stderr.contains("512M or 2G"))
    }
}
