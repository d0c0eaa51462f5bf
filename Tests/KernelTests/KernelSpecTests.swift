import Kernel
import Support
import Testing
import Glibc

@Suite struct KernelSpecTests {
    @Test func followsJupyterDataDirectoryRules() {
        // jupyter_core.paths.jupyter_data_dir(): JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter, else ~/.local/share/jupyter.
        #expect(KernelSpec.userDirectory(environment: ["JUPYTER_DATA_DIR": "/d", "HOME": "/h"]) == "/d/kernels/gradbook")
        #expect(KernelSpec.userDirectory(environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/jupyter/kernels/gradbook")
        #expect(KernelSpec.userDirectory(environment: ["HOME": "/h"]) == "/h/.local/share/jupyter/kernels/gradbook")
        #expect(KernelSpec.userDirectory(environment: [:]) == nil)
        #expect(KernelSpec.directory(prefix: "/venv") == "/venv/share/jupyter/kernels/gradbook")
    }

    @Test func writesAKernelJSONJupyterCanStart() throws {
        let directory = "/tmp/gradbook-kernelspec-test-\(UInt32.random(in: 0...UInt32.max))/kernels/gradbook"
        try KernelSpec.install(into: directory, executable: "/usr/bin/gradbook")
        let json = try JSONValue.parse(TextFile.read(directory + "/kernel.json"))
        #expect(json["argv"]?.arrayValue?.prefix(4) == ["/usr/bin/gradbook", "kernel", "-f", "{connection_file}"])
        #expect(json["language"] == "gradbook")
        #expect(json["interrupt_mode"] == "message")
        // A PNG starts with its 8-byte signature, its IHDR holds width and height, and it
        // ends with the IEND chunk, whose CRC-32 is AE426082 in every PNG (PNG spec, 5.6).
        let png = try bytes(of: directory + "/logo-64x64.png")
        #expect(png.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png[16..<24] == [0, 0, 0, 64, 0, 0, 0, 64])
        #expect(png.suffix(8) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
        let svg = try TextFile.read(directory + "/logo-svg.svg")
        #expect(svg.hasPrefix("<svg"))
    }

    @Test func flagsGivenAtInstallEndEveryKernelsCommandLine() {
        let json = KernelSpec.kernelJSON(executable: "/usr/bin/gradbook", directory: "/k",
                                         arguments: ["--allow-files", "/data", "--max-memory", "2G"])
        #expect(json["argv"]?.arrayValue == ["/usr/bin/gradbook", "kernel", "-f", "{connection_file}",
                                            "--help-url", "file:///k/reference.md",
                                            "--allow-files", "/data", "--max-memory", "2G"])
        #expect(KernelSpec.kernelJSON(executable: "/g", directory: "/k")["argv"]?.arrayValue?.count == 6)
    }

    private func bytes(of path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw KernelError.install("cannot open \(path)") }
        defer { fclose(file) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            out += chunk[0..<n]
            if n < chunk.count { return out }
        }
    }
}
