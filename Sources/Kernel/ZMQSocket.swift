import CZMQ
import Glibc

/// One ZeroMQ context for the kernel's sockets.
final class ZMQContext {
    let handle: UnsafeMutableRawPointer

    init() throws {
        guard let h = zmq_ctx_new() else { throw ZMQSocket.lastError("zmq_ctx_new") }
        handle = h
    }

    /// Makes blocking calls on every socket return ETERM, so threads can wind down.
    func shutdown() { zmq_ctx_shutdown(handle) }

    /// Waits until every socket is closed, then frees the context.
    func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// A ZeroMQ socket sending and receiving multipart messages of byte frames.
/// ZeroMQ sockets are not thread-safe: each is used by one thread at a time
/// (the iopub socket is shared under `Publisher`'s lock).
final class ZMQSocket {
    private(set) var handle: UnsafeMutableRawPointer?

    init(_ context: ZMQContext, type: Int32) throws {
        guard let h = zmq_socket(context.handle, type) else { throw ZMQSocket.lastError("zmq_socket") }
        handle = h
        // Queued replies get a second to leave when the kernel shuts down, then are dropped.
        var linger: Int32 = 1000
        zmq_setsockopt(h, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
    }

    deinit { close() }

    func close() {
        if let h = handle { zmq_close(h) }
        handle = nil
    }

    func bind(_ endpoint: String) throws {
        guard let h = handle else { throw KernelError.zeroMQ(call: "zmq_bind", reason: "socket closed") }
        if zmq_bind(h, endpoint) != 0 { throw ZMQSocket.lastError("zmq_bind \(endpoint)") }
    }

    /// Sends the frames as one multipart message; false when the socket is closed or the context is ending.
    @discardableResult
    func send(_ frames: [[UInt8]]) -> Bool {
        guard let h = handle else { return false }
        for (i, frame) in frames.enumerated() {
            let flags = i + 1 < frames.count ? ZMQ_SNDMORE : 0
            while true {
                let sent = frame.withUnsafeBytes { zmq_send(h, $0.baseAddress, $0.count, flags) }
                if sent >= 0 { break }
                // A signal (an interrupt from Jupyter) may cut a blocking call short: retry.
                if zmq_errno() == EINTR { continue }
                return false
            }
        }
        return true
    }

    /// Receives one whole multipart message; nil when the context is ending or the socket closed.
    func receive() -> [[UInt8]]? {
        guard let h = handle else { return nil }
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        while true {
            zmq_msg_init(&message)
            var count: Int32
            repeat { count = zmq_msg_recv(&message, h, 0) } while count < 0 && zmq_errno() == EINTR
            if count < 0 {
                zmq_msg_close(&message)
                return nil
            }
            let size = zmq_msg_size(&message)
            if size > 0, let data = zmq_msg_data(&message) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            let more = zmq_msg_more(&message) != 0
            zmq_msg_close(&message)
            if !more { return frames }
        }
    }

    /// Whether a message is waiting, after up to `milliseconds` (0: just look).
    func poll(milliseconds: Int) -> Bool {
        guard let h = handle else { return false }
        var item = zmq_pollitem_t(socket: h, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = zmq_poll(&item, 1, milliseconds)
        return ready > 0 && (item.revents & Int16(ZMQ_POLLIN)) != 0
    }

    static func lastError(_ call: String) -> KernelError {
        .zeroMQ(call: call, reason: String(cString: zmq_strerror(zmq_errno())))
    }
}
