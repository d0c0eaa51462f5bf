import Glibc
import Synchronization

/// Keeps a few freed large buffers for the next tensor of the same size class.
///
/// A fresh multi-megabyte buffer costs a page fault per 4 KiB (or 2 MiB) page on
/// first touch, which dominated large elementwise ops (a 1e7-element add ran at a
/// fifth of its speed). Chains of operations free and allocate buffers of the same
/// size, so reusing them skips the faults. Buffers of 1 MiB and more are pooled,
/// rounded up to a 2 MiB multiple, 2 MiB aligned and marked for transparent huge pages;
/// at most 8 buffers and 256 MiB are kept.
enum BufferPool {
    static let minimumBytes = 1 << 20
    static let hugePage = 2 << 20
    static let maximumCached = 8
    static let maximumCachedBytes = 256 << 20

    /// Free buffers as (bytes, address) pairs; addresses as integers keep the state Sendable.
    private static let free = Mutex<[(bytes: Int, address: UInt)]>([])

    /// The allocation size for a request of `bytes`.
    static func sizeClass(_ bytes: Int) -> Int {
        bytes < minimumBytes ? bytes : (bytes + hugePage - 1) / hugePage * hugePage
    }

    /// A buffer of at least `bytes`, or nil when the system refuses.
    static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer? {
        let size = sizeClass(bytes)
        if size >= minimumBytes {
            let reused: UInt? = free.withLock { list in
                guard let i = list.firstIndex(where: { $0.bytes == size }) else { return nil }
                return list.remove(at: i).address
            }
            if let reused, let p = UnsafeMutableRawPointer(bitPattern: reused) { return p }
        }
        var raw: UnsafeMutableRawPointer?
        let alignment = size >= hugePage ? hugePage : 64
        guard posix_memalign(&raw, alignment, size) == 0, let pointer = raw else { return nil }
        if size >= hugePage { _ = madvise(pointer, size, 14 /* MADV_HUGEPAGE */) }
        return pointer
    }

    /// Gives back a buffer that `allocate(bytes)` returned.
    static func release(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
        let size = sizeClass(bytes)
        if size >= minimumBytes {
            let kept = free.withLock { list -> Bool in
                let cached = list.reduce(0) { $0 + $1.bytes }
                guard list.count < maximumCached, cached + size <= maximumCachedBytes else { return false }
                list.append((size, UInt(bitPattern: pointer)))
                return true
            }
            if kept { return }
        }
        Glibc.free(pointer)
    }
}
