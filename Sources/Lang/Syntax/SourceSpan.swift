/// A range of source text: UTF-8 byte offsets `start..<end` and the 1-based
/// line of `start`. Every token, syntax node and diagnostic carries one.
public struct SourceSpan: Equatable, Sendable {
    /// Byte offset of the first byte.
    public var start: Int
    /// Byte offset one past the last byte (`start` for an empty span at end of input).
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int

    /// A span from its offsets and line.
    public init(start: Int, end: Int, line: Int) {
        self.start = start
        self.end = end
        self.line = line
    }

    /// The span covering both `self` and `other`.
    func through(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end),
                   line: start <= other.start ? line : other.line)
    }
}
