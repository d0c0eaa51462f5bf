#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its standard input and output on
/// pipes held by this process (Foundation's `Process` would cost start-up time and
/// brings a run loop this command does not need). Standard error is shared.
final class ChildProcess {
    /// The child's process id.
    let pid: pid_t
    /// Write end of the child's standard input; -1 once closed.
    private(set) var input: Int32
    /// Read end of the child's standard output; -1 once closed.
    private(set) var output: Int32

    /// Why a child could not be started, with the system's reason.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `executable` with `arguments` (argv[0] included) and this process's environment.
    /// - Throws: `SpawnError` when a pipe or the spawn fails.
    init(executable: String, arguments: [String]) throws {
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw SpawnError(description: "pipe: " + String(cString: strerror(errno))) }
        guard pipe(&fromChild) == 0 else {
            close(toChild[0]); close(toChild[1])
            throw SpawnError(description: "pipe: " + String(cString: strerror(errno)))
        }
        // Close-on-exec on every end, so a later worker does not inherit an earlier
        // one's pipes: an inherited write end would keep a dead worker's pipe from
        // ever reading as closed. dup2 onto 0 and 1 clears the flag for the child's own.
        for fd in toChild + fromChild { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], STDOUT_FILENO)

        // The parent ignores SIGPIPE (a dead worker must not kill it); the child gets
        // the default back, so a worker whose parent died ends at its next write.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, &attributes, &argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1]); close(fromChild[0])
            throw SpawnError(description: "cannot start \(executable): " + String(cString: strerror(status)))
        }
        pid = child
        input = toChild[1]
        output = fromChild[0]
    }

    /// Writes all of `text` to the child's standard input; false when it is gone.
    func send(_ text: String) -> Bool {
        guard input >= 0 else { return false }
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Closes the child's standard input: the end-of-file that tells a worker to finish.
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Reads what is available on the child's standard output; empty at end of file or on error.
    func read() -> [UInt8] {
        guard output >= 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return count > 0 ? Array(buffer[0..<count]) : []
        }
    }

    /// Closes both pipes and waits for the child; a description of how it ended
    /// unless it exited with status 0 (`exited with status 3`, `was killed by signal 9`).
    func finish() -> String? {
        closeInput()
        if output >= 0 { close(output) }
        output = -1
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return "could not be waited for: " + String(cString: strerror(errno)) }
        }
        // The macros WIFEXITED and friends are not imported into Swift.
        let signal = status & 0x7f
        if signal == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? nil : "exited with status \(code)"
        }
        return "was killed by signal \(signal)"
    }

    /// Kills the child (SIGKILL), for a parent giving up; `finish()` reaps it.
    func kill() {
        _ = Glibc.kill(pid, SIGKILL)
    }
}
