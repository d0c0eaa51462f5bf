import Synchronization

/// Asks one interpreter to stop the chunk it is running: Ctrl-C at the prompt,
/// Jupyter's interrupt, a replayed cell's time limit.
///
/// Each `Interpreter` owns one (`Interpreter.interruption`), so stopping one
/// session leaves every other session in the process running. The evaluator polls
/// it per loop iteration and per call, and long builtins between steps; the poll
/// is a relaxed atomic load through a reference the compiled code captured, with
/// no exclusivity check (a `let` of a final class).
///
///     let interpreter = Interpreter()
///     // on another thread, or in a signal handler:
///     interpreter.interruption.request()
public final class InterruptToken: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A token nobody has requested yet.
    public init() {}

    /// Asks the chunk running under this token to stop. Async-signal-safe and
    /// callable from any thread.
    public func request() { flag.store(true, ordering: .relaxed) }

    /// Forgets a request (the interpreter does this before each chunk).
    public func clear() { flag.store(false, ordering: .relaxed) }

    /// True once `request()` was called and not cleared.
    @inline(__always) public var isRequested: Bool { flag.load(ordering: .relaxed) }
}

/// The one token a process-wide signal (SIGINT at the terminal, Jupyter's
/// `interrupt_mode: signal`) stops: a signal handler cannot tell sessions apart,
/// so the front end that owns the terminal registers the session in the foreground.
public enum ForegroundInterrupt {
    /// Retained while registered, so the handler never reaches a freed token.
    private static let current = Atomic<Unmanaged<InterruptToken>?>(nil)

    /// Makes `token` the one signals stop (nil: none). Call it before installing a
    /// handler, so the handler never runs this global's lazy initialisation.
    public static func register(_ token: InterruptToken?) {
        let new = token.map { Unmanaged.passRetained($0) }
        current.exchange(new, ordering: .acquiringAndReleasing)?.release()
    }

    /// Requests the registered token, if any. Async-signal-safe: one atomic load,
    /// no retain, no allocation.
    public static func request() {
        current.load(ordering: .acquiring)?._withUnsafeGuaranteedRef { $0.request() }
    }

    /// Clears the registered token, if any.
    public static func clear() {
        current.load(ordering: .acquiring)?._withUnsafeGuaranteedRef { $0.clear() }
    }
}
