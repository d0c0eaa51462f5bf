/// The stable sorting order of lanes of doubles by radix sort on their bits: one-byte
/// passes over (key, position) pairs, linear in the length, where a comparison sort
/// through an index array spent its time on indirect loads and ties (1e6 elements
/// took 0.2 s). Long lanes are split on their top varying byte first, so the
/// remaining passes run on buckets that fit in cache.
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

    /// Stable insertion sort of `n` pairs in place.
    private static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, _ slots: UnsafeMutablePointer<UInt32>, _ n: Int) {
        if n < 2 { return }
        for i in 1..<n {
            let k = keys[i], s = slots[i]
            var j = i
            while j > 0 && keys[j - 1] > k {
                keys[j] = keys[j - 1]; slots[j] = slots[j - 1]
                j -= 1
            }
            keys[j] = k; slots[j] = s
        }
    }

    private func insertionSort(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        RadixOrder.insertionSort(keys, slots, n)
        return slots
    }

    /// Lanes up to this length sort with byte passes over the whole lane; longer ones
    /// are first split on the sixteen most significant bits that vary. A pass scatters
    /// into 256 places: over a lane of megabytes every write misses the cache and the
    /// TLB (30 ns per element and pass on the bench machine), while buckets of a few
    /// thousand pairs stay in cache.
    static let cacheResident = 1 << 15

    private func radixSort(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        if n <= RadixOrder.cacheResident {
            return RadixOrder.bytePasses(keys, slots, spareKeys, spareSlots, n, below: 8, counts: counts) ? slots : spareSlots
        }
        var differing: UInt64 = 0
        let first = keys[0]
        for i in 0..<n { differing |= keys[i] ^ first }
        if differing == 0 { return slots } // every key equal: the order of positions
        let width = 64 - differing.leadingZeroBitCount
        let shift = Swift.max(0, width - 16)
        // Split on those bits into the spare buffers (stable), then sort each bucket on
        // the bytes below them, leaving the result in `slots`.
        let buckets = 1 << 16
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: buckets + 1)
        let next = UnsafeMutablePointer<Int>.allocate(capacity: buckets)
        defer { starts.deallocate(); next.deallocate() }
        next.initialize(repeating: 0, count: buckets)
        let s = UInt64(shift)
        for i in 0..<n { next[Int((keys[i] >> s) & 0xFFFF)] &+= 1 }
        starts[0] = 0
        for digit in 0..<buckets { starts[digit + 1] = starts[digit] + next[digit]; next[digit] = starts[digit] }
        for i in 0..<n {
            let k = keys[i]
            let digit = Int((k >> s) & 0xFFFF)
            let at = next[digit]
            next[digit] = at &+ 1
            spareKeys[at] = k; spareSlots[at] = slots[i]
        }
        let below = (shift + 7) / 8
        for digit in 0..<buckets {
            let start = starts[digit], m = starts[digit + 1] - start
            if m == 0 { continue }
            let bucketKeys = spareKeys + start, bucketSlots = spareSlots + start
            if m <= RadixOrder.insertionLimit {
                RadixOrder.insertionSort(bucketKeys, bucketSlots, m)
                (slots + start).update(from: bucketSlots, count: m)
            } else if RadixOrder.bytePasses(bucketKeys, bucketSlots, keys + start, slots + start, m, below: below, counts: counts) {
                (slots + start).update(from: bucketSlots, count: m)
            }
        }
        return slots
    }

    /// Sorts `n` pairs by their bytes below `below` with least-significant-first passes,
    /// ping-ponging between the two buffers and skipping bytes every key shares. True
    /// when the result ends in the first pair of buffers.
    private static func bytePasses(_ keys: UnsafeMutablePointer<UInt64>, _ slots: UnsafeMutablePointer<UInt32>,
                                   _ spareKeys: UnsafeMutablePointer<UInt64>, _ spareSlots: UnsafeMutablePointer<UInt32>,
                                   _ n: Int, below: Int, counts: UnsafeMutablePointer<Int>) -> Bool {
        counts.initialize(repeating: 0, count: below * 256)
        for i in 0..<n {
            let k = keys[i]
            for byte in 0..<below { counts[byte * 256 + Int((k >> UInt64(byte * 8)) & 0xFF)] &+= 1 }
        }
        var fromKeys = keys, toKeys = spareKeys, fromSlots = slots, toSlots = spareSlots
        var inFirst = true
        for byte in 0..<below {
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
                count[digit] = at &+ 1
                toKeys[at] = k; toSlots[at] = fromSlots[i]
            }
            swap(&fromKeys, &toKeys); swap(&fromSlots, &toSlots)
            inFirst.toggle()
        }
        return inFirst
    }
}
