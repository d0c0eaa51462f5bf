import Support

/// Runs evaluation on a thread with a large stack: compiled closures recurse
/// natively (hundreds of bytes per interpreted call), and the 8 MB main stack
/// overflowed at depth 16k–29k in the prototypes. Untouched pages of the
/// reserved stack cost nothing.
enum EvaluationThread {
    /// Bytes reserved for the evaluation thread's stack.
    static let stackSize = 512 << 20

    /// Runs `body` on a fresh big-stack thread and waits for it; runs it
    /// inline if the thread cannot be created.
    static func run(_ body: @escaping () -> Void) {
        SystemThread.run(stackSize: stackSize, body)
    }
}
