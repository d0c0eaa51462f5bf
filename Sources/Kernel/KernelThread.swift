import Glibc

/// Starts a detached POSIX thread: the heartbeat and control channels must
/// answer while the shell thread is busy running a cell.
enum KernelThread {
    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a new thread; false when the system cannot make one.
    static func start(_ body: @escaping () -> Void) -> Bool {
        let job = Unmanaged.passRetained(Job(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, job.toOpaque())
        if status != 0 {
            job.release()
            return false
        }
        pthread_detach(thread)
        return true
    }
}
