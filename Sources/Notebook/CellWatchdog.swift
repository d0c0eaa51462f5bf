#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang
import Support

/// A timer thread that stops a cell running past its time limit, through the
/// interruption token of the interpreter it watches (the one Ctrl-C requests), so the
/// interpreter ends the cell cleanly (a loop or a builtin notices at its next poll).
///
/// One thread serves a whole notebook, armed and disarmed per cell: a thread per cell
/// cost about 150 µs, which doubled the replay time of short cells. Arming rarely
/// wakes the thread, since each new deadline is later than the one it sleeps toward.
/// Only that interpreter stops: others running in the process meanwhile go on.
final class CellWatchdog {
    private let token: InterruptToken
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// When the armed cell must be stopped (monotonic seconds); nil when disarmed.
    private var deadline: Double?
    /// The time the thread sleeps toward; a new deadline before it must wake it.
    private var sleepingUntil = Double.infinity
    private var fired = false
    private var closing = false
    private var thread: SystemThread?

    /// Starts the thread, disarmed, to request `token` when a limit passes. Without a
    /// thread (pthread_create failed) cells have no limit rather than no replay.
    init(stopping token: InterruptToken) {
        self.token = token
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        // The monotonic clock, so a wall-clock change neither fires nor delays a limit.
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
        thread = SystemThread.start { [self] in watch() }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts timing a cell: after `seconds` it is asked to stop.
    func arm(seconds: Double) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        let due = monotonicSeconds() + seconds
        deadline = due
        fired = false
        if due < sleepingUntil { pthread_cond_signal(condition) }
    }

    /// Stops timing; true when the limit was reached before the cell ended. After it
    /// returns the thread asks for no more interrupts.
    func disarm() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        deadline = nil
        let result = fired
        fired = false
        return result
    }

    /// Ends the thread and waits for it.
    func close() {
        pthread_mutex_lock(mutex)
        closing = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
        thread?.join()
        thread = nil
    }

    private func watch() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !closing {
            guard let due = deadline else {
                sleepingUntil = .infinity
                pthread_cond_wait(condition, mutex)
                continue
            }
            if monotonicSeconds() >= due {
                fired = true
                token.request()
                // The interpreter clears the token when a chunk starts, which can come after
                // a very short limit: keep asking until the cell is disarmed.
                deadline = monotonicSeconds() + 0.02
                continue
            }
            sleepingUntil = due
            var until = monotonicTimespec(due)
            pthread_cond_timedwait(condition, mutex, &until)
        }
    }
}
