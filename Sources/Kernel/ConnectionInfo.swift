import Support

/// What Jupyter's connection file says: where to bind each channel and the
/// key that signs messages.
public struct ConnectionInfo: Equatable, Sendable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address to bind (`127.0.0.1`), or the path prefix for `ipc`.
    public var ip: String
    /// Ports of the five channels.
    public var shellPort, iopubPort, stdinPort, controlPort, heartbeatPort: Int
    /// The HMAC key; empty means messages are not signed.
    public var key: [UInt8]
    /// Only `hmac-sha256` is supported.
    public var signatureScheme: String

    /// Reads a connection file's JSON.
    /// - Throws: `KernelError.badConnectionFile` naming the missing or wrong field.
    public init(json: JSONValue) throws {
        func port(_ name: String) throws -> Int {
            guard let p = json[name]?.intValue, (0...65_535).contains(p) else {
                throw KernelError.badConnectionFile("missing or invalid \"\(name)\"")
            }
            return p
        }
        transport = json["transport"]?.stringValue ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError.badConnectionFile("unsupported transport \"\(transport)\"")
        }
        ip = json["ip"]?.stringValue ?? "127.0.0.1"
        shellPort = try port("shell_port")
        iopubPort = try port("iopub_port")
        stdinPort = try port("stdin_port")
        controlPort = try port("control_port")
        heartbeatPort = try port("hb_port")
        key = Array((json["key"]?.stringValue ?? "").utf8)
        signatureScheme = json["signature_scheme"]?.stringValue ?? "hmac-sha256"
        guard signatureScheme == "hmac-sha256" else {
            throw KernelError.badConnectionFile("unsupported signature_scheme \"\(signatureScheme)\" (only hmac-sha256)")
        }
    }

    /// Reads the connection file at `path`.
    public init(file path: String) throws {
        let text: String
        do { text = try TextFile.read(path) } catch { throw KernelError.badConnectionFile("\(error)") }
        let json: JSONValue
        do { json = try JSONValue.parse(text) } catch { throw KernelError.badConnectionFile("\(path): \(error)") }
        try self.init(json: json)
    }

    /// The ZeroMQ endpoint for a port: `tcp://127.0.0.1:5555` or `ipc://path-5555`.
    public func endpoint(_ port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port)"
    }
}
