/// Why the kernel cannot start or a message cannot be used.
public enum KernelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The connection file is missing, unreadable or not what Jupyter writes.
    case badConnectionFile(String)
    /// A ZeroMQ call failed; `call` names it, `reason` is `zmq_strerror`.
    case zeroMQ(call: String, reason: String)
    /// A message without the `<IDS|MSG>` delimiter or one of its four JSON frames.
    case malformedMessage(String)
    /// A message whose HMAC does not match the connection key.
    case badSignature
    /// The kernelspec could not be written.
    case install(String)

    /// One line for the log or the terminal.
    public var description: String {
        switch self {
        case .badConnectionFile(let why): return "bad connection file: \(why)"
        case .zeroMQ(let call, let reason): return "\(call) failed: \(reason)"
        case .malformedMessage(let why): return "malformed message: \(why)"
        case .badSignature: return "message signature does not match the connection key"
        case .install(let why): return "cannot install the kernelspec: \(why)"
        }
    }
}
