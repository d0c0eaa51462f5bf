import Console
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
        let outcome = console.submit(code, origin: "In[\(count)]", display: cell)
        if outcome == .quit {
            cell.note("the kernel keeps running: use the notebook's Kernel menu to shut it down")
        }

        if outcome == .failed, let report = cell.lastFailure {
            cell.flushEcho()
            let rendered = report.rendered(color: true)
            let traceback = JSONValue.array(rendered.split(separator: "\n", omittingEmptySubsequences: false)
                                                .map { .string(String($0)) })
            let error: [String: JSONValue] = [
                "ename": .string(report.kindName),
                "evalue": .string(report.message),
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

}
