import Glibc

/// The buffer behind one or more tensors: a 64-byte aligned block of Doubles.
///
/// Large buffers come from `BufferPool`, which reuses freed ones and marks new
/// ones for transparent huge pages: first-touch page faults on fresh outputs
/// otherwise dominate a 1e7-element add.
public final class TensorStorage {
    /// First element; valid for `count` elements while the storage lives.
    public let base: UnsafeMutablePointer<Double>
    /// Number of elements allocated.
    public let count: Int
    /// The budget this storage's bytes were charged to; nil for small storages.
    private let charged: MemoryBudget?

    /// Allocates `count` uninitialised elements.
    /// - Throws: `TensorError.allocationTooLarge` past the element limit of the calling
    ///   thread's budget (`Tensor.allocationLimit`), or when the system refuses the memory.
    public convenience init(uninitializedCount count: Int) throws {
        try self.init(count: count, limit: MemoryBudget.current.elementLimit, refusing: true)
    }

    /// Allocates `count` uninitialised elements for the output of an operation on a tensor of
    /// that size: no element limit (the input passed it, perhaps under another thread's
    /// budget), but refused past the byte limit, naming `shape`. A small output looks up
    /// no budget, so elementwise arithmetic on small tensors pays nothing for the check.
    /// - Throws: `TensorError.memoryLimitExceeded`, or `allocationTooLarge` when the system refuses.
    @inline(__always)
    convenience init(outputCount count: Int, shape: [Int]) throws {
        if count < MemoryBudget.chargedBytes / MemoryLayout<Double>.stride {
            self.init(checkedCount: count)
        } else {
            try self.init(count: count, limit: .max, refusing: true, shape: shape)
        }
    }

    /// `refusing`: whether passing the byte limit throws; a storage that cannot fail
    /// is still charged, so the budget is overdrawn until it is freed (`MemoryBudget.isOverdrawn`).
    private init(count: Int, limit: Int, refusing: Bool, shape: [Int]? = nil) throws {
        guard count >= 0 else { throw TensorError.invalidShape("negative element count \(count)") }
        guard count <= limit else {
            throw TensorError.allocationTooLarge(elements: count, limit: limit, shape: shape)
        }
        let bytes = Swift.max(count, 1) * MemoryLayout<Double>.stride
        var budget: MemoryBudget? = nil
        if bytes >= MemoryBudget.chargedBytes {
            let current = MemoryBudget.current
            if refusing {
                try current.charge(bytes, shape: shape)
            } else {
                current.forceCharge(bytes)
            }
            budget = current
        }
        guard let pointer = BufferPool.allocate(bytes) else {
            budget?.credit(bytes)
            throw TensorError.allocationTooLarge(elements: count, limit: limit)
        }
        self.base = pointer.bindMemory(to: Double.self, capacity: Swift.max(count, 1))
        self.count = count
        self.charged = budget
    }

    /// Allocates `count` elements set to `value`.
    public convenience init(count: Int, repeating value: Double) throws {
        try self.init(uninitializedCount: count)
        base.initialize(repeating: value, count: count)
    }

    /// A storage of `count` elements that cannot fail: for sizes the caller has
    /// already checked (outputs the size of an existing input).
    convenience init(checkedCount count: Int) {
        // No limit check: a tensor made under another thread's larger budget may reach here.
        do { try self.init(count: count, limit: .max, refusing: false) } catch {
            fatalError("out of memory allocating \(count) elements") // safe: sizes of tensors that already exist
        }
    }

    deinit {
        charged?.credit(Swift.max(count, 1) * MemoryLayout<Double>.stride)
        BufferPool.release(UnsafeMutableRawPointer(base), bytes: Swift.max(count, 1) * MemoryLayout<Double>.stride)
    }
}
