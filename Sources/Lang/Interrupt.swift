import Synchronization

/// The Ctrl-C flag: the REPL's SIGINT handler calls `request()`; the evaluator
/// polls it per loop iteration and per call (a relaxed load, ~1% of a loop)
/// and stops the chunk with an `interrupted` diagnostic.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// Asks the running chunk to stop. Async-signal-safe.
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Forgets a request (the interpreter does this before each chunk).
    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// True once `request()` was called and not cleared.
    @inline(__always) public static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
