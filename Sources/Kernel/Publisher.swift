import Support
import Synchronization

/// The iopub channel: outputs and busy/idle status for every front end. The
/// shell thread, the evaluation thread and the control thread all publish, so
/// sends go through one lock (a ZeroMQ socket is not thread-safe).
final class Publisher: Sendable {
    private let socket: Mutex<ZMQSocket?>
    private let signer: MessageSigner
    private let headers: HeaderFactory

    init(socket: ZMQSocket, signer: MessageSigner, headers: HeaderFactory) {
        self.socket = Mutex(socket)
        self.signer = signer
        self.headers = headers
    }

    /// Publishes a message of `type` answering `parent` (the request's header).
    func publish(_ type: String, _ content: JSONValue, parent: JSONValue) {
        let message = Message(identities: [Array("kernel.\(headers.session).\(type)".utf8)],
                              header: headers.header(type: type), parentHeader: parent, content: content)
        let frames = message.frames(signer: signer)
        socket.withLock { _ = $0?.send(frames) }
    }

    /// `status` busy or idle.
    func status(_ state: String, parent: JSONValue) {
        publish("status", ["execution_state": .string(state)], parent: parent)
    }

    /// Closes the socket; later publishes are dropped.
    func close() {
        socket.withLock { s in
            s?.close()
            s = nil
        }
    }
}
