import Glibc

/// What bounds the tensor storage allocated on a thread: today a limit on the
/// elements of one allocation.
///
/// Tensor sits below the language and knows no session, so a budget is set per
/// thread: an interpreter makes its own budget current on the thread that runs its
/// chunks. Threads with no budget set use `process`.
///
/// Counting the live bytes of a session here (charging each storage, crediting it
/// when freed) cost 8–15% of small-tensor arithmetic in a first try (a retain and
/// two atomic adds per storage); a live-memory limit needs a cheaper way.
///
///     let budget = MemoryBudget(elementLimit: 1_000)
///     try budget.whileCurrent { _ = try Tensor.zeros([10_000]) }   // throws allocationTooLarge
public final class MemoryBudget: Sendable {
    /// The default limit, 2^30 elements (8 GiB): past it an operation throws
    /// instead of exhausting memory.
    public static let defaultElementLimit = 1 << 30

    /// The budget of threads that set none (library users, front-end threads).
    public static let process = MemoryBudget()

    /// The largest number of elements one allocation may hold.
    public let elementLimit: Int

    /// A budget whose allocations may hold up to `elementLimit` elements each.
    public init(elementLimit: Int = MemoryBudget.defaultElementLimit) {
        self.elementLimit = elementLimit
    }

    /// The budget of the calling thread.
    public static var current: MemoryBudget {
        guard let key = currentKey, let raw = pthread_getspecific(key) else { return process }
        return Unmanaged<MemoryBudget>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with this budget current on the calling thread, then restores
    /// the one before (budgets nest).
    public func whileCurrent<R>(_ body: () throws -> R) rethrows -> R {
        guard let key = MemoryBudget.currentKey else { return try body() }
        let previous = pthread_getspecific(key)
        // Unretained: `self` is alive for the whole call, and the slot is restored before it returns.
        pthread_setspecific(key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(key, previous) }
        return try body()
    }

    /// The thread-specific slot; nil if the system had no key left (then every
    /// thread uses `process`).
    private static let currentKey: pthread_key_t? = {
        var key = pthread_key_t()
        return pthread_key_create(&key, nil) == 0 ? key : nil
    }()
}
