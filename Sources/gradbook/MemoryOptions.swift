import ArgumentParser

/// `--max-memory SIZE`: the most live tensor memory a session may hold.
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("max-memory"), help: ArgumentHelp(
        "Bound the session's live tensor memory (512M, 2G; powers of 1024; default: half of physical memory, "
            + "shared by run -j's workers).",
        valueName: "SIZE"), transform: MemoryOptions.bytes)
    var maxMemory: Int?

    /// `512M` is 512 × 1024², `2G` 2 × 1024³; a bare number is bytes; `K`, `T` and a
    /// trailing `B` or `iB` are accepted too.
    static func bytes(_ text: String) throws -> Int {
        var digits = Substring(text.uppercased())
        for suffix in ["IB", "B"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        var scale = 1
        if let unit = digits.last, let power = "KMGT".firstIndex(of: unit) {
            scale = 1 << (10 * ("KMGT".distance(from: "KMGT".startIndex, to: power) + 1))
            digits = digits.dropLast()
        }
        guard let value = Double(digits), value > 0, value.isFinite,
              value * Double(scale) < 9e18 else {
            throw ValidationError("--max-memory takes a size such as 512M or 2G, got '\(text)'")
        }
        return Int(value * Double(scale))
    }
}
