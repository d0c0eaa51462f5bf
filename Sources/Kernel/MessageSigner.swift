import Crypto

/// Signs and checks Jupyter messages: the hex HMAC-SHA256 of the header,
/// parent header, metadata and content frames, keyed by the connection file's key.
public struct MessageSigner: Sendable {
    private let key: [UInt8]

    /// A signer for `key`; an empty key turns signing off, as the protocol allows.
    public init(key: [UInt8]) {
        self.key = key
    }

    /// The lowercase hex signature of `frames`; empty when signing is off.
    public func signature(_ frames: [[UInt8]]) -> String {
        guard !key.isEmpty else { return "" }
        var mac = HMAC<SHA256>(key: SymmetricKey(data: key))
        for frame in frames { mac.update(data: frame) }
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in mac.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `signature` is right for `frames`, compared in constant time.
    public func verify(_ signature: [UInt8], _ frames: [[UInt8]]) -> Bool {
        guard !key.isEmpty else { return true }
        let expected = Array(self.signature(frames).utf8)
        guard expected.count == signature.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(expected, signature) { difference |= a ^ b }
        return difference == 0
    }
}
