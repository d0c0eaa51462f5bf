import FoundationEssentials
import Glibc
import Support

/// One Jupyter message: the routing identities and the four JSON parts.
public struct Message: Sendable {
    /// ZeroMQ routing frames before the delimiter (who to answer on a ROUTER socket).
    public var identities: [[UInt8]]
    /// `msg_id`, `msg_type`, `session`, `username`, `date`, `version`.
    public var header: JSONValue
    /// The header of the request this message answers; `{}` for none.
    public var parentHeader: JSONValue
    /// Free-form metadata.
    public var metadata: JSONValue
    /// The body, by message type.
    public var content: JSONValue

    static let delimiter: [UInt8] = Array("<IDS|MSG>".utf8)

    /// `header.msg_type`.
    public var type: String { header["msg_type"]?.stringValue ?? "" }

    /// A message with the given parts.
    public init(identities: [[UInt8]] = [], header: JSONValue, parentHeader: JSONValue = [:],
                metadata: JSONValue = [:], content: JSONValue) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
    }

    /// Decodes wire frames, checking the signature.
    /// - Throws: `KernelError.malformedMessage` or `.badSignature`.
    public init(frames: [[UInt8]], signer: MessageSigner) throws {
        guard let split = frames.firstIndex(of: Message.delimiter) else {
            throw KernelError.malformedMessage("no <IDS|MSG> delimiter")
        }
        guard frames.count >= split + 6 else { throw KernelError.malformedMessage("fewer than four JSON frames") }
        let parts = Array(frames[(split + 2)..<(split + 6)])
        guard signer.verify(frames[split + 1], parts) else { throw KernelError.badSignature }
        func decode(_ bytes: [UInt8], _ name: String) throws -> JSONValue {
            do { return try JSONValue.parse(bytes) } catch { throw KernelError.malformedMessage("\(name): \(error)") }
        }
        identities = Array(frames[..<split])
        header = try decode(parts[0], "header")
        parentHeader = try decode(parts[1], "parent_header")
        metadata = try decode(parts[2], "metadata")
        content = try decode(parts[3], "content")
        // A header or content that is not an object, or a header without a string id and
        // type, would be echoed as a parent header that clients cannot read: drop it here.
        for (value, name) in [(header, "header"), (parentHeader, "parent_header"), (metadata, "metadata"),
                              (content, "content")] where value.objectValue == nil {
            throw KernelError.malformedMessage("\(name) is not a JSON object")
        }
        guard header["msg_id"]?.stringValue != nil, header["msg_type"]?.stringValue != nil else {
            throw KernelError.malformedMessage("header has no string msg_id and msg_type")
        }
    }

    /// The wire frames: identities, delimiter, signature and the four JSON parts.
    public func frames(signer: MessageSigner) -> [[UInt8]] {
        let parts = [header.serialized(), parentHeader.serialized(), metadata.serialized(), content.serialized()]
        return identities + [Message.delimiter, Array(signer.signature(parts).utf8)] + parts
    }
}

/// Makes headers for the messages this kernel sends.
struct HeaderFactory {
    /// This kernel's session id, the same on every message it sends.
    let session = UUID().uuidString.lowercased()

    func header(type: String) -> JSONValue {
        [
            "msg_id": .string(UUID().uuidString.lowercased()),
            "msg_type": .string(type),
            "session": .string(session),
            "username": "gradbook",
            "date": .string(WallClock.iso8601()),
            "version": "5.3",
        ]
    }
}
