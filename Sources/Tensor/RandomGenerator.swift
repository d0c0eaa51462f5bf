import Glibc

/// The one random number generator of Gradbook: xoshiro256** seeded through splitmix64.
///
/// Platform independent: integer arithmetic only, so the same seed gives the
/// same bits on every machine and every version (see `docs/random.md` and the
/// known-answer tests). Samplers:
/// - `nextDouble()`: the top 53 bits of one output times 2⁻⁵³, in `[0, 1)`.
/// - `nextNormal()`: Box–Muller on two uniforms `u1, u2`:
///   `sqrt(-2 log(1 - u1)) · cos(2π u2)`, then `… · sin(2π u2)` on the next call
///   (the pair is cached; `seed(_:)` clears the cache).
/// - `nextInt(below:)`: Lemire's multiply-shift with rejection, unbiased.
///
/// Not thread safe: use one generator per thread. There is no process-wide
/// generator: each interpreter owns one, and every sampler takes its generator.
public final class RandomGenerator {
    private var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
    private var spareNormal: Double?

    /// A generator whose state is filled from `seed` by splitmix64.
    public init(seed: UInt64) { self.seed(seed) }

    /// A generator seeded with the bit pattern of `seed` (negative seeds are allowed).
    public convenience init(seed: Int) { self.init(seed: UInt64(bitPattern: Int64(seed))) }

    /// Restarts the sequence: the four state words are four splitmix64 outputs from `value`.
    public func seed(_ value: UInt64) {
        var x = value
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
        spareNormal = nil
    }

    /// Restarts the sequence from the bit pattern of `value`.
    public func seed(_ value: Int) { seed(UInt64(bitPattern: Int64(value))) }

    /// The next 64 random bits (xoshiro256**).
    @inline(__always)
    public func next() -> UInt64 {
        let x = s1 &* 5
        let result = (x << 7 | x >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in `[0, 1)` from the top 53 bits of `next()`.
    @inline(__always)
    public func nextDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal value (Box–Muller, two uniforms per pair of values).
    public func nextNormal() -> Double {
        if let z = spareNormal { spareNormal = nil; return z }
        let u1 = nextDouble(), u2 = nextDouble()
        // 1 - u1 lies in (0, 1], so the log is finite.
        let r = (-2 * Glibc.log(1 - u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * Glibc.sin(theta)
        return r * Glibc.cos(theta)
    }

    /// A uniform integer in `0..<bound` (Lemire's method: unbiased, usually one draw).
    /// `bound` must be positive; 0 is returned for a non-positive bound.
    public func nextInt(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        let range = UInt64(bound)
        var m = next().multipliedFullWidth(by: range)
        if m.low < range {
            let threshold = (0 &- range) % range
            while m.low < threshold { m = next().multipliedFullWidth(by: range) }
        }
        return Int(m.high)
    }

    /// A random ordering of `0..<n` by Fisher–Yates: for `i` from `n-1` down to 1,
    /// swap position `i` with `nextInt(below: i + 1)`.
    public func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<Swift.max(n, 0))
        var i = n - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            p.swapAt(i, j)
            i -= 1
        }
        return p
    }
}

extension Tensor {
    /// Uniform values in `[0, 1)`, filled row-major from `generator`.
    /// - Throws: `invalidShape` or `allocationTooLarge` for a bad shape.
    public static func rand(_ shape: [Int], using generator: RandomGenerator) throws -> Tensor {
        try Tensor(shape: shape) { p in
            for i in 0..<p.count { p[i] = generator.nextDouble() }
        }
    }

    /// Standard normal values (Box–Muller), filled row-major from `generator`.
    /// - Throws: `invalidShape` or `allocationTooLarge` for a bad shape.
    public static func randn(_ shape: [Int], using generator: RandomGenerator) throws -> Tensor {
        try Tensor(shape: shape) { p in
            for i in 0..<p.count { p[i] = generator.nextNormal() }
        }
    }

    /// 1 with probability `p`, else 0 (one uniform `u` per element: 1 when `u < p`).
    /// - Throws: `invalidArgument` for `p` outside `[0, 1]`, or a bad shape.
    public static func bernoulli(_ shape: [Int], p: Double, using generator: RandomGenerator) throws -> Tensor {
        guard p >= 0, p <= 1 else {
            throw TensorError.invalidArgument("bernoulli needs 0 <= p <= 1, got \(p)")
        }
        return try Tensor(shape: shape) { out in
            for i in 0..<out.count { out[i] = generator.nextDouble() < p ? 1 : 0 }
        }
    }

    /// A random ordering of `0..<n` as a 1-D tensor (see `RandomGenerator.permutation`).
    /// - Throws: `invalidArgument` for a negative `n`.
    public static func permutation(_ n: Int, using generator: RandomGenerator) throws -> Tensor {
        guard n >= 0 else { throw TensorError.invalidArgument("permutation needs n >= 0, got \(n)") }
        guard n <= Tensor.allocationLimit else {
            throw TensorError.allocationTooLarge(elements: n, limit: Tensor.allocationLimit)
        }
        return Tensor(generator.permutation(n).map(Double.init))
    }
}
