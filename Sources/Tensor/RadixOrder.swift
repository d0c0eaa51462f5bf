/// The stable sorting order of lanes of doubles by a least-significant-digit radix
/// sort on their bits: eight passes of one byte over (key, position) pairs, linear in
/// the length, where a comparison sort through an index array spent its time on
/// indirect loads and ties (1e6 elements took 0.2 s).
///
/// Each double becomes an unsigned key whose integer order is NumPy's order: numbers
/// ascending, -0 equal to 0, every nan equal and above +inf. Radix passes are stable,
/// so equal keys keep their positions' order, as `kind="stable"`.
final class RadixOrder {
    private let capacity: Int
    private let keys: UnsafeMutablePointer<UInt64>, spareKeys: UnsafeMutablePointer<UInt64>
    private let slots: UnsafeMutablePointer<UInt32>, spareSlots: UnsafeMutablePointer<UInt32>
    /// One 256-bucket count per key byte.
    private let counts: UnsafeMutablePointer<Int>

    /// Shorter lanes go through insertion sort: the passes' fixed cost would dominate.
    static let insertionLimit = 48
    /// The longest lane whose positions fit the 32-bit slots.
    static let maximumLength = Int(UInt32.max)

    /// Scratch for lanes of up to `capacity` elements (at most `maximumLength`).
    init(capacity: Int) {
        self.capacity = capacity
        let n = Swift.max(capacity, 1)
        keys = .allocate(capacity: n); spareKeys = .allocate(capacity: n)
        slots = .allocate(capacity: n); spareSlots = .allocate(capacity: n)
        counts = .allocate(capacity: 8 * 256)
    }

    deinit {
        keys.deallocate(); spareKeys.deallocate(); slots.deallocate(); spareSlots.deallocate(); counts.deallocate()
    }

    /// The key whose unsigned order is NumPy's order of doubles (nan last).
    @inline(__always)
    static func key(_ x: Double) -> UInt64 {
        if x.isNaN { return .max }
        let bits = (x + 0.0).bitPattern // + 0.0 turns -0 into 0, so the two tie
        return bits >> 63 != 0 ? ~bits : bits | (1 << 63)
    }

    /// Writes to `out[k · outStride]` (as doubles) the position of the k-th smallest of
    /// `n` elements read at `src[i · stride]`, ties in order of position; `descending`
    /// puts the largest first (nan before every number), ties still in order of position.
    func order(_ src: UnsafePointer<Double>, stride: Int, count n: Int, descending: Bool,
               into out: UnsafeMutablePointer<Double>, outStride: Int) {
        precondition(n <= capacity) // safe: callers size the scratch for their longest lane
        let flip: UInt64 = descending ? .max : 0
        for i in 0..<n {
            keys[i] = RadixOrder.key(src[i * stride]) ^ flip
            slots[i] = UInt32(truncatingIfNeeded: i)
        }
        let sorted = n <= RadixOrder.insertionLimit ? insertionSort(n) : radixSort(n)
        for k in 0..<n { out[k * outStride] = Double(sorted[k]) }
    }

    /// Stable insertion sort of the first `n` pairs in place.
    private func insertionSort(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        if n < 2 { return slots }
        for i in 1..<n {
            let k = keys[i], s = slots[i]
            var j = i
            while j > 0 && keys[j - 1] > k {
                keys[j] = keys[j - 1]; slots[j] = slots[j - 1]
                j -= 1
            }
            keys[j] = k; slots[j] = s
        }
        return slots
    }

    /// The byte-by-byte passes, skipping bytes every key shares; returns the buffer that holds the order.
    private func radixSort(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        counts.initialize(repeating: 0, count: 8 * 256)
        for i in 0..<n {
            let k = keys[i]
            for byte in 0..<8 { counts[byte * 256 + Int((k >> UInt64(byte * 8)) & 0xFF)] += 1 }
        }
        var fromKeys = keys, toKeys = spareKeys, fromSlots = slots, toSlots = spareSlots
        for byte in 0..<8 {
            let count = counts + byte * 256
            let shift = UInt64(byte * 8)
            // A byte that every key shares would move nothing.
            if count[Int((fromKeys[0] >> shift) & 0xFF)] == n { continue }
            var start = 0
            for digit in 0..<256 { let c = count[digit]; count[digit] = start; start += c }
            for i in 0..<n {
                let k = fromKeys[i]
                let digit = Int((k >> shift) & 0xFF)
                let at = count[digit]
                count[digit] = at + 1
                toKeys[at] = k; toSlots[at] = fromSlots[i]
            }
            swap(&fromKeys, &toKeys); swap(&fromSlots, &toSlots)
        }
        return fromSlots
    }
}
