import Support
#if canImport(Glibc)
import Glibc
#endif
import Notebook

/// `gradbook run -j N`: replays notebooks in N worker processes, each the gradbook
/// binary itself in `run --worker` mode.
///
/// Processes rather than threads: an interpreter's time limit and interruption go
/// through one process-wide flag, and a notebook that crashes or exhausts memory
/// must take only its own worker down. Work is handed out one notebook at a time as
/// each worker finishes (notebooks take from milliseconds to minutes, so a fixed share
/// would leave workers idle). The protocol is lines on pipes: the parent sends a JSON
/// string (the path), the worker answers with one `NotebookResult` JSON object.
enum WorkerPool {
    /// One running worker and the notebook it is replaying.
    private final class Worker {
        let process: ChildProcess
        var current: String?
        var buffer: [UInt8] = []
        init(process: ChildProcess) { self.process = process }
    }

    /// Replays `files` in up to `jobs` workers started as `executable run --worker OPTIONS`,
    /// calling `report` with each result as it arrives. Returns false when not even one
    /// worker could be started (the caller then replays in process); every file gets
    /// exactly one result otherwise, a worker's death becoming that notebook's error.
    static func run(files: [String], jobs: Int, executable: String, options: [String],
                    report: (NotebookResult) -> Void) -> Bool {
        // A worker that dies while the parent writes to it must not kill the parent.
        signal(SIGPIPE, SIG_IGN)
        var pending = files[...]
        var workers: [Worker] = []
        // A spawn failing after the first worker (process limit, memory) leaves fewer
        // workers, never a notebook unreplayed; a worker that keeps dying on start-up is
        // replaced at most once per file, so the loop ends.
        var spawnsLeft = jobs + files.count
        func start() -> Worker? {
            guard spawnsLeft > 0 else { return nil }
            spawnsLeft -= 1
            do {
                return Worker(process: try ChildProcess(executable: executable,
                                                        arguments: [executable, "run", "--worker"] + options))
            } catch {
                fputs("warning: \(error)\n", stderr)
                return nil
            }
        }
        func dispatch(_ worker: Worker) {
            guard let file = pending.popFirst() else {
                worker.current = nil
                worker.process.closeInput()
                return
            }
            worker.current = file
            // A failed send shows up as end of file on the worker's output, where the
            // file is reported as lost with the worker's exit status.
            _ = worker.process.send(JSONValue.string(file).text() + "\n")
        }
        for _ in 0..<min(jobs, files.count) {
            guard let worker = start() else { break }
            workers.append(worker)
            dispatch(worker)
        }
        if workers.isEmpty { return false }

        while !workers.isEmpty {
            var polls = workers.map { pollfd(fd: $0.process.output, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&polls, nfds_t(polls.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                // Cannot wait on the pipes any more: stop the workers, report what is left.
                for worker in workers {
                    worker.process.kill()
                    _ = worker.process.finish()
                    if let file = worker.current { report(.lost(file: file, reason: "was stopped (poll failed)")) }
                }
                while let file = pending.popFirst() { report(.lost(file: file, reason: "was never started (poll failed)")) }
                return true
            }
            var finished: [Int] = []
            for (index, entry) in polls.enumerated() where entry.revents != 0 {
                let worker = workers[index]
                let bytes = worker.process.read()
                if bytes.isEmpty {
                    finished.append(index)
                    continue
                }
                worker.buffer += bytes
                while let newline = worker.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = Array(worker.buffer[..<newline])
                    worker.buffer.removeSubrange(...newline)
                    let file = worker.current ?? "?"
                    do {
                        report(try NotebookResult(json: try JSONValue.parse(line)))
                    } catch {
                        report(.lost(file: file, reason: "sent an unreadable result (\(error))"))
                    }
                    dispatch(worker)
                }
            }
            for index in finished.reversed() {
                let worker = workers.remove(at: index)
                let ending = worker.process.finish()
                guard let file = worker.current else { continue }
                report(.lost(file: file, reason: ending ?? "ended without a result"))
                // The rest still needs replaying: a new worker takes the dead one's place.
                if !pending.isEmpty, let replacement = start() {
                    workers.append(replacement)
                    dispatch(replacement)
                }
            }
            if workers.isEmpty {
                while let file = pending.popFirst() { report(.lost(file: file, reason: "could not be started")) }
            }
        }
        return true
    }

    /// The worker's side: reads one JSON path per line from standard input until end
    /// of file, replays each, and writes its result as one line, flushed at once so the
    /// parent can print it as it finishes.
    static func serve(replay: (String) -> NotebookResult) {
        // The results get standard output to themselves: anything else that writes
        // to it while a notebook runs goes to standard error instead of into the protocol.
        let channel = dup(STDOUT_FILENO)
        guard channel >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) >= 0, let results = fdopen(channel, "w") else {
            fputs("error: the worker cannot set up its result channel\n", stderr)
            return
        }
        while let line = readLine() {
            let result: NotebookResult
            if let file = (try? JSONValue.parse(line))?.stringValue {
                result = replay(file)
            } else {
                result = NotebookResult(file: line, text: "error: \(line): not a path", error: "not a path")
            }
            fputs(result.json.text() + "\n", results)
            fflush(results)
        }
        fclose(results)
    }

    /// Prints and flushes: a pipe makes standard output fully buffered.
    static func printFlushed(_ text: String) {
        print(text)
        fflush(stdout)
    }
}
