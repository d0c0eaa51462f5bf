#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang

/// A timer thread that stops a cell running past its time limit, through the same
/// `Interrupt.request()` that Ctrl-C uses, so the interpreter ends the cell cleanly
/// (a loop or a builtin notices at its next poll).
///
/// `Interrupt` is one flag for the whole process, so a firing watchdog would also stop
/// any other interpreter running at that moment; `gradbook run` runs one at a time.
final class CellWatchdog {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let seconds: Double
    private var finished = false
    private var fired = false
    private var thread: pthread_t?

    /// Starts timing; after `seconds` the running chunk is asked to stop. Without a
    /// thread (pthread_create failed) there is no limit rather than no replay.
    init(seconds: Double) {
        self.seconds = seconds
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        // The monotonic clock, so a wall-clock change neither fires nor delays the limit.
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        var handle = pthread_t()
        let box = Unmanaged.passRetained(self)
        let status = pthread_create(&handle, nil, { context in
            guard let context else { return nil }
            Unmanaged<CellWatchdog>.fromOpaque(context).takeRetainedValue().watch()
            return nil
        }, box.toOpaque())
        if status == 0 { thread = handle } else { box.release() }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Ends timing and waits for the thread; true when the limit was reached first.
    func stop() -> Bool {
        pthread_mutex_lock(mutex)
        finished = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
        if let thread { pthread_join(thread, nil) }
        thread = nil
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return fired
    }

    private func watch() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        var deadline = CellWatchdog.monotonic(after: seconds)
        while !finished {
            if pthread_cond_timedwait(condition, mutex, &deadline) == ETIMEDOUT, !finished {
                fired = true
                Interrupt.request()
                // The interpreter clears the flag when a chunk starts, which can come after
                // a very short limit: keep asking until the cell has ended.
                deadline = CellWatchdog.monotonic(after: 0.02)
            }
        }
    }

    /// The monotonic time `seconds` from now.
    private static func monotonic(after seconds: Double) -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let whole = seconds.rounded(.down)
        var nanoseconds = Int(now.tv_nsec) + Int((seconds - whole) * 1e9)
        var secs = Int(now.tv_sec) + Int(Swift.min(whole, 1e12))
        if nanoseconds >= 1_000_000_000 { nanoseconds -= 1_000_000_000; secs += 1 }
        return timespec(tv_sec: secs, tv_nsec: nanoseconds)
    }
}
