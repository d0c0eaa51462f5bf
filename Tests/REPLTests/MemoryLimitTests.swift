import Testing
import Glibc
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
        // 200000² doubles are 3.2e11 bytes, 298.0 GiB: the message names the shape and the size.
        #expect(result.stderr.contains("error: a tensor of shape (200000, 200000) needs 298.0 GiB"), "\(result.stderr)")
        let limited = try runGradbook(["--max-memory", "1M", path])
        #expect(limited.stderr.contains("error:"))
    }

    /// 1000 × 1000 doubles are 8,000,000 bytes (7.6 MiB): eight fit in 64 MiB (67,108,864
    /// bytes), a ninth does not, however it is made. `+` refuses at allocation, `exp` and
    /// negation (whose outputs cannot refuse) when the operation returns; either way the
    /// cell fails and the next runs. Freed tensors do not count: the loop makes 100 of
    /// them, 763 MiB in all, never more than three alive.
    @Test func everyAllocationPastTheLimitFailsAtTheOperationThatMadeIt() throws {
        let directory = try temporaryDirectory("memory")
        let path = directory + "/seq.gbook"
        try FileSystem.writeAtomically(path, """
            x1 = zeros(1000, 1000);
            x2 = x1 + 1; x3 = x2 + 1; x4 = x3 + 1; x5 = x4 + 1; x6 = x5 + 1; x7 = x6 + 1; x8 = x7 + 1;
            x9 = x8 + 1;
            y = exp(x8);
            z = -x8;
            x2 = 0; x3 = 0; x4 = 0;
            for k in range(50)
                t = exp(x1) * 2
            end
            sum(t) == 2000000
            #> true

            """)
        let result = try runGradbook(["run", "--max-memory", "64M", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("5 passed, 3 failed"), "\(result.stdout)")
        let message = "a tensor of shape (1000, 1000) needs 7.6 MiB, past the memory limit of 64.0 MiB (61.0 MiB in use)"
        #expect(result.stdout.components(separatedBy: "\nerror: " + message).count - 1 == 3, "\(result.stdout)")
        // The three failures are those three cells, each at its operation; the loop and the last cell pass.
        for failing in ["3: x9 = x8 + 1;", "4: y = exp(x8);", "5: z = -x8;"] {
            #expect(result.stdout.contains("FAIL \(path):\(failing)"), "\(failing)")
        }
    }

    /// With no `--max-memory`, `run -j W`'s workers share the default limit (half of
    /// physical memory) instead of each taking all of it: a tensor a little over one
    /// worker's share (and under 8 GiB, one tensor's own limit) is refused in its worker.
    @Test func parallelWorkersShareTheDefaultLimit() throws {
        let physical = sysconf(Int32(_SC_PHYS_PAGES)) * sysconf(Int32(_SC_PAGESIZE))
        let defaultLimit = physical / 2
        let bytes = min(defaultLimit * 6 / 10, 7 << 30)
        let workers = defaultLimit / bytes + 1
        let share = defaultLimit / workers
        let rows = bytes / (1024 * 8)
        let directory = try temporaryDirectory("memory-jobs")
        try FileSystem.writeAtomically(directory + "/big.gbook", "x = zeros(\(rows), 1024);\n")
        var paths = [directory + "/big.gbook"]
        for k in 1..<workers {
            try FileSystem.writeAtomically(directory + "/small\(k).gbook", "1 + 1\n#> 2\n")
            paths.append(directory + "/small\(k).gbook")
        }
        let result = try runGradbook(["run", "-j", "\(workers)"] + paths)
        #expect(result.status == 1)
        let gib = (Double(share) / Double(1 << 30) * 10).rounded() / 10
        #expect(result.stdout.contains("a tensor of shape (\(rows), 1024) needs"), "\(result.stdout)")
        #expect(result.stdout.contains("past the memory limit of \(gib) GiB"), "\(result.stdout) (\(share) bytes)")
        #expect(result.stdout.contains("\(workers - 1) passed, 1 failed"), "\(result.stdout)")
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
