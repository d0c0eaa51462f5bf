/// An error from the Symbolic layer: a message without a source span; the language
/// binding adds the span of the call that failed.
public struct SymbolicError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
