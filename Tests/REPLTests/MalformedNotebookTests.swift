import Testing
import Glibc
import Console

/// Malformed notebooks through `gradbook run`: each must end in an error that says
/// where, on standard error, with exit status 1 and never a crash or a hang.
@Suite struct MalformedNotebooks {
    /// SplitMix64, so a failing notebook can be made again from its number.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func bytes(_ n: Int) -> [UInt8] { (0..<n).map { _ in UInt8(truncatingIfNeeded: next()) } }
    }

    static let valid = Array("#' A notebook\nx = [1, 2, 3]\n#> [1, 2, 3]\nfunction f(a)\n    return a * 2\nend\nf(x)\n#> [2, 4, 6]\n".utf8)
    static let breakers: [[UInt8]] = [
        Array("function g(a)\n    a + 1\n".utf8), Array("for i in range(3)\n".utf8), Array("y = [1, 2\n".utf8),
        Array("#+ tol=abc\nz = 1\n".utf8), Array("#+ \u{1}\u{2} = = =\n".utf8), Array("#+\n#+ error\n".utf8),
        [0x78, 0x20, 0x3D, 0x20, 0x00, 0x0A], [0xFF, 0xFE, 0xC3, 0x28, 0x0A], Array("s = \"open\n".utf8),
        Array("1 +* 2\n".utf8), Array("#> orphan output\n".utf8),
    ]

    /// A malformed notebook: random bytes, or a valid one with random bytes or a
    /// breaking line spliced in at a random place.
    static func notebook(_ rng: inout Generator) -> [UInt8] {
        switch rng.below(3) {
        case 0: return rng.bytes(1 + rng.below(3000))
        case 1:
            var text = valid
            text.insert(contentsOf: rng.bytes(1 + rng.below(40)), at: rng.below(text.count))
            return text + breakers[rng.below(breakers.count)]
        default:
            let cut = rng.below(valid.count)
            return Array(valid[..<cut]) + breakers[rng.below(breakers.count)] + Array(valid[cut...])
                + breakers[rng.below(breakers.count)]
        }
    }

    @Test func fiveHundredFuzzedNotebooksFailCleanlyWithALocation() throws {
        let directory = try temporaryDirectory("fuzz-notebooks")
        var rng = Generator(state: 2_026_1206)
        var paths: [String] = []
        for i in 0..<500 {
            let path = directory + "/n\(i).gbook"
            let bytes = MalformedNotebooks.notebook(&rng)
            guard let file = fopen(path, "wb") else { throw FileError(path: path, reason: "cannot create") }
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
            paths.append(path)
        }
        // One process for all 500 keeps the test short; each file still reports alone.
        let result = try runGradbook(["run", "--timeout", "5"] + paths)
        #expect(result.status == 1)
        let said = result.stdout + result.stderr
        for path in paths {
            // Either the file did not parse (stderr, with its line) or a cell failed (with its line).
            let located = said.contains("error: \(path): line ") || said.contains("FAIL \(path):")
            #expect(located, "\(path)")
        }
    }

    @Test(arguments: [
        ("a NUL byte", "x = 1\u{0}2\n"),
        ("an unterminated block", "function f(a)\n    a\n"),
        ("a garbage option line", "#+ ,,, ???\nx = 1\n"),
        ("a 5 MB line", "x = \"" + String(repeating: "a", count: 5_000_000) + "\n"),
        ("a 5 MB chain of operators", "x = " + String(repeating: "1+", count: 2_500_000) + "1\n"),
    ])
    func eachKindIsAnErrorOnStandardErrorWithExitOne(_ kind: String, _ text: String) throws {
        let directory = try temporaryDirectory("malformed")
        let path = directory + "/m.gbook"
        try FileSystem.writeAtomically(path, text)
        let result = try runGradbook(["run", path])
        #expect(result.status == 1, "\(kind)")
        let said = result.stdout + result.stderr
        #expect(said.contains("\(path):") && said.contains("error"), "\(kind): \(said.prefix(300))")
    }

    @Test func invalidUTF8IsAnErrorWithALine() throws {
        let directory = try temporaryDirectory("malformed")
        let path = directory + "/u.gbook"
        let file = fopen(path, "wb")
        let bytes: [UInt8] = Array("x = 1\ny = ".utf8) + [0xC3, 0x28, 0xFF, 0x0A]
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        let result = try runGradbook(["run", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(path): line 2"), "\(result.stderr)")
    }
}

extension MalformedNotebooks {
    /// Bytes that happen to lex as a name must still be refused before anything runs.
    @Test func invalidUTF8ThatWouldLexIsRefusedBeforeAnyCellRuns() throws {
        let directory = try temporaryDirectory("malformed-lexes")
        let path = directory + "/v.gbook"
        let file = fopen(path, "wb")
        let bytes: [UInt8] = Array("x = 1\n".utf8) + [0xFF, 0xFE, 0x0A]
        _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        let result = try runGradbook(["run", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(path): line 2, column 1: not UTF-8 (byte 0xFF)"), "\(result.stderr)")
        #expect(!result.stdout.contains("FAIL"))
    }
}
