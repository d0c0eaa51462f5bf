import Glibc
import Synchronization

/// What bounds the tensor storage allocated on a thread: the elements of one
/// allocation, and the live bytes of the storages it charged.
///
/// Tensor sits below the language and knows no session, so a budget is set per
/// thread: an interpreter makes its own budget current on the thread that runs its
/// chunks. Threads with no budget set use `process`.
///
/// Only storages of `chargedBytes` and more are counted (charged when made, credited
/// when freed): charging every storage cost 8–15% of small-tensor arithmetic (a
/// retain and two atomic adds each), while a storage under 64 KiB pays one
/// comparison. What escapes the count is small tensors, which cannot exhaust memory
/// before the interpreter's own values do.
///
///     let budget = MemoryBudget(byteLimit: 1 << 20)
///     try budget.whileCurrent { _ = try Tensor.zeros([1_000, 1_000]) }   // throws memoryLimitExceeded
public final class MemoryBudget: Sendable {
    /// The default limit, 2^30 elements (8 GiB): past it an operation throws
    /// instead of exhausting memory.
    public static let defaultElementLimit = 1 << 30

    /// The budget of threads that set none (library users, front-end threads).
    public static let process = MemoryBudget()

    /// The largest number of elements one allocation may hold.
    public let elementLimit: Int

    /// The most bytes the charged storages may hold at once.
    public let byteLimit: Int

    /// Storages this size or larger are charged to the budget.
    public static let chargedBytes = 64 << 10

    private let live = Atomic<Int>(0)

    /// The default byte limit: half of physical memory, so a runaway session fails
    /// with an error while the rest of the machine (and the OOM killer) stays calm.
    public static let defaultByteLimit: Int = {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return Int.max }
        let (bytes, overflow) = pages.multipliedReportingOverflow(by: size)
        return overflow ? Int.max : bytes / 2
    }()

    /// A budget whose allocations may hold up to `elementLimit` elements each and whose
    /// live charged storages up to `byteLimit` bytes.
    public init(elementLimit: Int = MemoryBudget.defaultElementLimit,
                byteLimit: Int = MemoryBudget.defaultByteLimit) {
        self.elementLimit = elementLimit
        self.byteLimit = byteLimit
    }

    /// The bytes of the charged storages alive now.
    public var liveBytes: Int { live.load(ordering: .relaxed) }

    /// Whether the charged storages alive now hold more than the limit: a storage that
    /// cannot refuse (an elementwise map, a copy) was charged past it. The language
    /// checks this after each operation and refuses the result, so that allocation too
    /// is an error.
    public var isOverdrawn: Bool { live.load(ordering: .relaxed) > byteLimit }

    /// The error for a result of `shape` that took the live memory past the limit
    /// (nil: a result that is not one tensor).
    public func overdraft(shape: [Int]?) -> TensorError {
        let now = live.load(ordering: .relaxed)
        guard let shape, let n = Shape.elementCount(shape) else {
            return .memoryLimitExceeded(shape: nil, bytes: 0, live: now, limit: byteLimit)
        }
        let bytes = Swift.max(n, 1) * MemoryLayout<Double>.stride
        return .memoryLimitExceeded(shape: shape, bytes: bytes, live: Swift.max(now - bytes, 0), limit: byteLimit)
    }

    /// Whether `bytes` more would pass the limit.
    func wouldExceed(_ bytes: Int) -> Bool {
        bytes >= MemoryBudget.chargedBytes && bytes > byteLimit - live.load(ordering: .relaxed)
    }

    /// Counts `bytes` as live.
    /// - Throws: `TensorError.memoryLimitExceeded` (nothing charged) when it would pass the limit.
    func charge(_ bytes: Int, shape: [Int]?) throws {
        let after = adjust(by: bytes)
        if after > byteLimit {
            adjust(by: -bytes)
            throw TensorError.memoryLimitExceeded(shape: shape, bytes: bytes, live: after - bytes, limit: byteLimit)
        }
    }

    /// Counts `bytes` as live without a check: for storages that cannot fail.
    func forceCharge(_ bytes: Int) {
        adjust(by: bytes)
    }

    /// Gives back what `charge` counted.
    func credit(_ bytes: Int) {
        adjust(by: -bytes)
    }

    /// Adds `delta` to the live bytes and keeps `overdrawnBudgets` in step: each change
    /// knows the value before and after it, so every crossing of the limit is counted once.
    @discardableResult
    private func adjust(by delta: Int) -> Int {
        let after = live.wrappingAdd(delta, ordering: .relaxed).newValue
        let before = after &- delta
        if before <= byteLimit, after > byteLimit {
            MemoryBudget.overdrawnBudgets.wrappingAdd(1, ordering: .relaxed)
        } else if before > byteLimit, after <= byteLimit {
            MemoryBudget.overdrawnBudgets.wrappingSubtract(1, ordering: .relaxed)
        }
        return after
    }

    /// How many budgets are past their limit now, so the check after each operation
    /// is one load while none is (the usual case) instead of a thread-local lookup.
    @usableFromInline static let overdrawnBudgets = Atomic<Int>(0)

    /// Whether any budget may be past its limit; false means none is.
    @inlinable public static var anyOverdrawn: Bool { overdrawnBudgets.load(ordering: .relaxed) != 0 }

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
