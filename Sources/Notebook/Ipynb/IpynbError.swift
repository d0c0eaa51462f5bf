/// An `.ipynb` file that cannot be converted, naming the file and what is wrong in it.
public struct IpynbError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or other origin) the notebook came from.
    public var origin: String
    /// What is wrong, e.g. `cell 3 has no "source"`.
    public var message: String

    /// Makes an error about `origin`.
    public init(origin: String, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `origin: message`, as in `notebook.ipynb: cell 3 has no "source"`.
    public var description: String { "\(origin): \(message)" }
}
