#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX thread running one closure. Swift's concurrency pools cannot give a thread
/// a large stack, nor one that keeps answering while every other thread is busy.
public struct SystemThread {
    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private let handle: pthread_t

    /// Starts `body` on a new thread; nil when the system cannot make one (then
    /// `body` has not run). Join or detach the result exactly once.
    /// - Parameter stackSize: bytes to reserve for the stack; nil for the default.
    public static func start(stackSize: Int? = nil, _ body: @escaping () -> Void) -> SystemThread? {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if let stackSize { pthread_attr_setstacksize(&attributes, stackSize) }
        let job = Unmanaged.passRetained(Job(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, job.toOpaque())
        guard status == 0 else {
            job.release()
            return nil
        }
        return SystemThread(handle: thread)
    }

    /// Runs `body` on a fresh thread and waits for it to end; runs it on the calling
    /// thread if none can be made, so the work is done either way.
    public static func run(stackSize: Int? = nil, _ body: @escaping () -> Void) {
        guard let thread = start(stackSize: stackSize, body) else { return body() }
        thread.join()
    }

    /// Starts `body` on a thread nobody waits for; false when none can be made.
    public static func detached(_ body: @escaping () -> Void) -> Bool {
        guard let thread = start(body) else { return false }
        pthread_detach(thread.handle)
        return true
    }

    /// Waits for the thread to end.
    public func join() {
        pthread_join(handle, nil)
    }
}
