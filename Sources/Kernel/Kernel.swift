import Console
import CZMQ
import Glibc
import Lang
import Support
import Synchronization

/// A Jupyter kernel for the Gradbook language (messaging protocol 5.3 over
/// ZeroMQ): JupyterLab, VS Code, nbclient and nbconvert run cells through it.
///
/// Threads: the caller's thread serves the shell channel and runs cells; one
/// thread echoes heartbeats; one serves the control channel, so interrupts and
/// shutdowns are answered while a cell runs.
public final class Kernel {
    /// The version shown in `kernel_info_reply` and the banner.
    public static let version = "0.1.0"

    let connection: ConnectionInfo
    let signer: MessageSigner
    let headers = HeaderFactory()
    let helpURL: String?
    /// The live session every cell runs in, with the prompt's meta-commands.
    let console: Console
    var interpreter: Interpreter { console.interpreter }
    var executionCount = 0

    private let context: ZMQContext
    private let shell, control, stdin, heartbeat: ZMQSocket
    let publisher: Publisher
    private let stopping = Atomic<Bool>(false)

    /// Binds the five channels named in `connection`.
    /// - Parameters:
    ///   - helpURL: the link front ends show under Help (the builtin reference).
    ///   - interpreter: the session's interpreter, with the memory budget and file access
    ///     the command line asked for (unconfined by default: the person's own code).
    /// - Throws: `KernelError.zeroMQ` when a port cannot be bound.
    public init(connection: ConnectionInfo, helpURL: String? = nil, interpreter: Interpreter = Interpreter()) throws {
        console = Console(interpreter: interpreter)
        self.connection = connection
        self.helpURL = helpURL
        signer = MessageSigner(key: connection.key)
        context = try ZMQContext()
        shell = try ZMQSocket(context, type: ZMQ_ROUTER)
        control = try ZMQSocket(context, type: ZMQ_ROUTER)
        stdin = try ZMQSocket(context, type: ZMQ_ROUTER)
        heartbeat = try ZMQSocket(context, type: ZMQ_REP)
        let iopub = try ZMQSocket(context, type: ZMQ_PUB)
        try shell.bind(connection.endpoint(connection.shellPort))
        try control.bind(connection.endpoint(connection.controlPort))
        try stdin.bind(connection.endpoint(connection.stdinPort))
        try heartbeat.bind(connection.endpoint(connection.heartbeatPort))
        try iopub.bind(connection.endpoint(connection.iopubPort))
        publisher = Publisher(socket: iopub, signer: signer, headers: headers)
    }

    /// Serves until a `shutdown_request`, then closes every socket.
    /// - Returns: the process exit status (0 after a clean shutdown).
    public func run() -> Int32 {
        SignalInterrupt.install(foreground: interpreter.interruption)
        let beat = heartbeat
        guard SystemThread.detached({
            while let frames = beat.receive() { beat.send(frames) }
            beat.close()
        }) else {
            Kernel.log("cannot start the heartbeat thread")
            return 1
        }
        guard SystemThread.detached({ [self] in
            serve(control, channel: .control)
            control.close()
        }) else {
            Kernel.log("cannot start the control thread")
            return 1
        }
        publisher.status("starting", parent: [:])
        serve(shell, channel: .shell)
        context.shutdown()
        shell.close()
        stdin.close()
        publisher.close()
        context.terminate()
        return 0
    }

    enum Channel { case shell, control }

    /// Receives and handles messages on `socket` until shutdown.
    private func serve(_ socket: ZMQSocket, channel: Channel) {
        let parent = getppid()
        while !stopping.load(ordering: .acquiring) {
            // A short poll lets the loop notice a shutdown requested on the other channel.
            guard socket.poll(milliseconds: 100) else {
                // A kernel whose Jupyter server was killed is reparented: end rather than linger.
                if channel == .control && parent != 1 && getppid() != parent {
                    Kernel.log("the process that started the kernel is gone; shutting down")
                    stopping.store(true, ordering: .releasing)
                    interpreter.interruption.request()
                }
                continue
            }
            guard let frames = socket.receive() else { return }
            handle(frames, on: socket, channel: channel)
        }
    }

    func handle(_ frames: [[UInt8]], on socket: ZMQSocket, channel: Channel) {
        let request: Message
        do {
            request = try Message(frames: frames, signer: signer)
        } catch {
            Kernel.log("dropped a message: \(error)")
            return
        }
        publisher.status("busy", parent: request.header)
        defer { publisher.status("idle", parent: request.header) }
        switch (request.type, channel) {
        case ("kernel_info_request", _):
            reply(request, "kernel_info_reply", kernelInfo, on: socket)
        case ("shutdown_request", _):
            let restart = request.content["restart"]?.boolValue ?? false
            reply(request, "shutdown_reply", ["status": "ok", "restart": .bool(restart)], on: socket)
            stopping.store(true, ordering: .releasing)
            interpreter.interruption.request()
        case ("interrupt_request", _):
            interpreter.interruption.request()
            reply(request, "interrupt_reply", ["status": "ok"], on: socket)
        case ("execute_request", .shell):
            execute(request, on: socket)
        case ("complete_request", .shell):
            reply(request, "complete_reply", complete(request.content), on: socket)
        case ("inspect_request", .shell):
            reply(request, "inspect_reply", inspect(request.content), on: socket)
        case ("is_complete_request", .shell):
            reply(request, "is_complete_reply", isComplete(request.content), on: socket)
        case ("comm_info_request", _):
            reply(request, "comm_info_reply", ["status": "ok", "comms": [:]], on: socket)
        case ("history_request", .shell):
            reply(request, "history_reply", ["status": "ok", "history": []], on: socket)
        case ("comm_open", _), ("comm_msg", _), ("comm_close", _):
            break  // No comm targets: widgets are not supported, and the protocol needs no answer.
        default:
            Kernel.log("ignored a \(request.type) on the \(channel) channel")
        }
    }

    /// Sends the reply of `type` to `request` on the socket it came from.
    func reply(_ request: Message, _ type: String, _ content: JSONValue, on socket: ZMQSocket) {
        let message = Message(identities: request.identities, header: headers.header(type: type),
                              parentHeader: request.header, content: content)
        socket.send(message.frames(signer: signer))
    }

    /// Whether a shutdown has been requested.
    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// One line on standard error, which Jupyter shows in its log.
    static func log(_ text: String) {
        var line = "[gradbook kernel] \(text)\n"
        line.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stderr) }
        fflush(stderr)
    }
}
