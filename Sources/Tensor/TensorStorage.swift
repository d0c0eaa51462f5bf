import Glibc

/// The buffer behind one or more tensors: a 64-byte aligned block of Doubles.
///
/// Buffers of 2 MiB and more are allocated with `posix_memalign` and marked for
/// transparent huge pages, which cuts first-touch page faults on fresh outputs
/// (a 1e7-element add spends most of its time faulting otherwise).
public final class TensorStorage {
    public let base: UnsafeMutablePointer<Double>
    public let count: Int

    /// Allocates `count` uninitialised elements.
    /// - Throws: `TensorError.allocationTooLarge` past `Tensor.allocationLimit`,
    ///   or when the system refuses the memory.
    public init(uninitializedCount count: Int) throws {
        guard count >= 0 else { throw TensorError.invalidShape("negative element count \(count)") }
        guard count <= Tensor.allocationLimit else {
            throw TensorError.allocationTooLarge(elements: count, limit: Tensor.allocationLimit)
        }
        let bytes = Swift.max(count, 1) * MemoryLayout<Double>.stride
        var raw: UnsafeMutableRawPointer?
        guard posix_memalign(&raw, 64, bytes) == 0, let pointer = raw else {
            throw TensorError.allocationTooLarge(elements: count, limit: Tensor.allocationLimit)
        }
        if bytes >= 2 << 20 { _ = madvise(pointer, bytes, 14 /* MADV_HUGEPAGE */) }
        self.base = pointer.bindMemory(to: Double.self, capacity: Swift.max(count, 1))
        self.count = count
    }

    /// Allocates `count` elements set to `value`.
    public convenience init(count: Int, repeating value: Double) throws {
        try self.init(uninitializedCount: count)
        base.initialize(repeating: value, count: count)
    }

    /// A storage of `count` elements that cannot fail: for sizes the caller has
    /// already checked (outputs the size of an existing input).
    convenience init(checkedCount count: Int) {
        do { try self.init(uninitializedCount: count) } catch {
            fatalError("out of memory allocating \(count) elements") // safe: sizes of tensors that already exist
        }
    }

    deinit { free(base) }
}
