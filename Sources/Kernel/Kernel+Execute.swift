import Lang
import Support

extension Kernel {
    /// Runs a cell: `execute_input`, then printed text as `stream`, plots as
    /// `display_data`, the last echoed value as `execute_result`, or the
    /// diagnostic as `error`; then the `execute_reply`.
    func execute(_ request: Message, on socket: ZMQSocket) {
        let content = request.content
        let code = content["code"]?.stringValue ?? ""
        let silent = content["silent"]?.boolValue ?? false
        let storeHistory = silent ? false : (content["store_history"]?.boolValue ?? true)
        let stopOnError = content["stop_on_error"]?.boolValue ?? true
        if storeHistory { executionCount += 1 }
        let count = executionCount
        let parent = request.header
        if !silent {
            publisher.publish("execute_input", ["code": .string(code), "execution_count": .number(Double(count))],
                              parent: parent)
        }

        let cell = CellOutputs(publisher: silent ? nil : publisher, parent: parent)
        let origin = "In[\(count)]"
        var source = code
        var diagnostic: Diagnostic?
        if let name = Kernel.helpQuery(code) {
            cell.show(.text(interpreter.help(for: name) ?? "no help for '\(name)'"))
        } else if let command = CellCommand(cell: code) {
            switch command {
            case .help:
                cell.show(.text(CellCommand.helpText))
            case .vars:
                let rows = interpreter.variables
                cell.display(["text/plain": .string(CellCommand.variablesText(rows)),
                              "text/html": .string(CellCommand.variablesHTML(rows))])
            case .reset:
                interpreter.reset()
                cell.show(.text("session reset: every variable forgotten"))
            case .time(let expression):
                source = expression
                let start = monotonicSeconds()
                diagnostic = run(expression, origin: origin, into: cell)
                if diagnostic == nil {
                    cell.show(.text("time: " + DurationFormat.string(seconds: monotonicSeconds() - start)))
                }
            case .unknown(let name):
                cell.show(.text("unknown command ':\(name)'; :help lists the commands"))
            }
        } else {
            diagnostic = run(code, origin: origin, into: cell)
        }

        if let diagnostic {
            cell.flushEcho()
            let rendered = diagnostic.render(source: source, origin: origin, color: true)
            let traceback = JSONValue.array(rendered.split(separator: "\n", omittingEmptySubsequences: false)
                                                .map { .string(String($0)) })
            let error: [String: JSONValue] = [
                "ename": .string(Kernel.errorName(diagnostic.kind)),
                "evalue": .string(diagnostic.message),
                "traceback": traceback,
            ]
            if !silent { publisher.publish("error", .object(error), parent: parent) }
            var answer = error
            answer["status"] = "error"
            answer["execution_count"] = .number(Double(count))
            // Only requests queued before the error reply leaves were sent without
            // seeing it (a "run all"); a request sent after it must run.
            let queued = stopOnError ? takeQueuedRequests(on: socket) : []
            reply(request, "execute_reply", .object(answer), on: socket)
            abort(queued, on: socket)
            return
        }
        cell.finishWithResult(executionCount: count)
        reply(request, "execute_reply", ["status": "ok", "execution_count": .number(Double(count)),
                                         "payload": [], "user_expressions": [:]], on: socket)
    }

    /// Runs code in the session, its outputs going to `cell`.
    private func run(_ code: String, origin: String, into cell: CellOutputs) -> Diagnostic? {
        interpreter.outputHandler = { cell.show($0) }
        interpreter.echoHandler = { cell.echo($0) }
        interpreter.progressHandler = { cell.progress($0) }
        defer {
            interpreter.outputHandler = { _ in }
            interpreter.echoHandler = nil
            interpreter.progressHandler = nil
        }
        return interpreter.run(code, origin: origin)
    }

    /// The messages waiting on the shell socket right now.
    private func takeQueuedRequests(on socket: ZMQSocket) -> [[[UInt8]]] {
        var queued: [[[UInt8]]] = []
        while socket.poll(milliseconds: 0), let frames = socket.receive() { queued.append(frames) }
        return queued
    }

    /// After a failed cell, the cells queued behind it are answered `aborted`
    /// rather than run, as a notebook's "run all" expects; other requests are served.
    private func abort(_ queued: [[[UInt8]]], on socket: ZMQSocket) {
        for frames in queued {
            guard let request = try? Message(frames: frames, signer: signer), request.type == "execute_request" else {
                handle(frames, on: socket, channel: .shell)
                continue
            }
            publisher.status("busy", parent: request.header)
            reply(request, "execute_reply", ["status": "aborted", "execution_count": .number(Double(executionCount))],
                  on: socket)
            publisher.status("idle", parent: request.header)
        }
    }

    /// `?name` or `name?`: the name to show help for, as IPython does.
    static func helpQuery(_ code: String) -> String? {
        var text = Substring(code.trimmingWhitespace)
        if text.hasPrefix("?") { text.removeFirst() } else if text.hasSuffix("?") { text.removeLast() } else { return nil }
        guard !text.isEmpty, text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        return String(text)
    }

    /// `NameError`, `ShapeError`…: a diagnostic kind in the names Python users know.
    static func errorName(_ kind: Diagnostic.Kind) -> String {
        let raw = kind.rawValue
        return raw.prefix(1).uppercased() + raw.dropFirst() + "Error"
    }
}
