/// Where each number key of a dict sits, keyed by the number's bits.
///
/// Swift's `Dictionary` hashes every key with SipHash, about 150 instructions a
/// look-up, which was most of a `d[i % 1000] = i` turn. Number keys are the common
/// case, so `DictBox` keeps them in this open-addressing table instead: one multiply
/// and a shift find the first probe. Keys equal as `Double`s share one entry (`0.0`
/// and `-0.0` are stored as `0.0`); NaN, equal to nothing, never comes here (the
/// caller keeps it in its general index, where each NaN is a key of its own).
struct NumberIndex {
    /// A stored key's bits and its position in the dict's key order; `position < 0` marks a free entry.
    private struct Entry {
        var bits: UInt64
        var position: Int
    }

    /// Power-of-two sized, at most half full so probe runs stay short.
    private var entries: [Entry] = []
    private var stored = 0

    /// The bits that identify `x` (not NaN): `-0.0` folded onto `0.0`, which `==` equates.
    @inline(__always)
    private static func bits(_ x: Double) -> UInt64 { x == 0 ? 0 : x.bitPattern }

    /// The first entry to probe: whole numbers differ only in their high bits, so fold
    /// those down before the multiplicative (Fibonacci) hash picks its top bits.
    @inline(__always)
    private static func slot(_ bits: UInt64, mask: Int) -> Int {
        let mixed = (bits ^ (bits >> 32)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40) & mask
    }

    /// The position of `x` in the key order, or nil.
    func position(of x: Double) -> Int? {
        if entries.isEmpty { return nil }
        let b = Self.bits(x), mask = entries.count - 1
        return entries.withUnsafeBufferPointer { e in
            var i = Self.slot(b, mask: mask)
            while e[i].position >= 0 {
                if e[i].bits == b { return e[i].position }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// Records that `x` (not yet present) sits at `position`.
    mutating func insert(_ x: Double, at position: Int) {
        if (stored + 1) * 2 > entries.count { grow() }
        place(Self.bits(x), position)
        stored += 1
    }

    /// Forgets every key, keeping the table's size.
    mutating func removeAll() {
        for i in entries.indices { entries[i].position = -1 }
        stored = 0
    }

    private mutating func place(_ b: UInt64, _ position: Int) {
        let mask = entries.count - 1
        entries.withUnsafeMutableBufferPointer { e in
            var i = Self.slot(b, mask: mask)
            while e[i].position >= 0 { i = (i + 1) & mask }
            e[i] = Entry(bits: b, position: position)
        }
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: Entry(bits: 0, position: -1), count: max(8, old.count * 2))
        for entry in old where entry.position >= 0 { place(entry.bits, entry.position) }
    }
}
