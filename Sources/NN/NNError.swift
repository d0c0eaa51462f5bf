/// What can go wrong in the NN module beyond a tensor error. Carries no source
/// span: the language layer adds the span of the call that failed.
public enum NNError: Error, Equatable, CustomStringConvertible {
    /// An argument outside its domain, already phrased for the user.
    case invalidArgument(String)
    /// A file that cannot be read or written, or is not in the expected format.
    case file(path: String, message: String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case let .invalidArgument(message): return message
        case let .file(path, message): return "\(path): \(message)"
        }
    }
}
