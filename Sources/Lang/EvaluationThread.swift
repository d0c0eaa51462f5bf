import Glibc

/// Runs evaluation on a thread with a large stack: compiled closures recurse
/// natively (hundreds of bytes per interpreted call), and the 8 MB main stack
/// overflowed at depth 16k–29k in the prototypes. Untouched pages of the
/// reserved stack cost nothing.
enum EvaluationThread {
    /// Bytes reserved for the evaluation thread's stack.
    static let stackSize = 512 << 20

    private final class Job {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Runs `body` on a fresh big-stack thread and waits for it; runs it
    /// inline if the thread cannot be created.
    static func run(_ body: @escaping () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        let job = Unmanaged.passRetained(Job(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
            job.body()
            return nil
        }, job.toOpaque())
        if status != 0 {
            job.takeRetainedValue().body()
            return
        }
        pthread_join(thread, nil)
    }
}
