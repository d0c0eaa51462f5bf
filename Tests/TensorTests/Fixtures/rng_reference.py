"""Independent reimplementation of Gradbook's RandomGenerator (docs/random.md).

Run once with any Python 3 to print the known answers used in RandomTests.swift:
    python3 Tests/TensorTests/Fixtures/rng_reference.py
"""
import math

M64 = (1 << 64) - 1


def splitmix64(x):
    x = (x + 0x9E3779B97F4A7C15) & M64
    z = x
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
    return x, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M64


class Xoshiro256StarStar:
    def __init__(self, seed):
        x = seed & M64
        self.s = []
        for _ in range(4):
            x, z = splitmix64(x)
            self.s.append(z)
        self.spare = None

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M64, 7) * 9) & M64
        t = (s[1] << 17) & M64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def double(self):
        return (self.next() >> 11) * 2.0 ** -53

    def normal(self):
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        u1, u2 = self.double(), self.double()
        r = math.sqrt(-2.0 * math.log(1.0 - u1))
        theta = 2.0 * math.pi * u2
        self.spare = r * math.sin(theta)
        return r * math.cos(theta)

    def int_below(self, bound):
        m = self.next() * bound
        low = m & M64
        if low < bound:
            threshold = ((1 << 64) - bound) % bound
            while low < threshold:
                m = self.next() * bound
                low = m & M64
        return m >> 64

    def permutation(self, n):
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.int_below(i + 1)
            p[i], p[j] = p[j], p[i]
        return p


if __name__ == "__main__":
    g = Xoshiro256StarStar(42)
    print("seed 42 next():", [hex(g.next()) for _ in range(4)])
    g = Xoshiro256StarStar(0)
    print("seed 0 next():", [hex(g.next()) for _ in range(2)])
    g = Xoshiro256StarStar(42)
    print("seed 42 double():", [repr(g.double()) for _ in range(4)])
    g = Xoshiro256StarStar(7)
    print("seed 7 normal():", [repr(g.normal()) for _ in range(5)])
    g = Xoshiro256StarStar(3)
    print("seed 3 permutation(10):", g.permutation(10))
    g = Xoshiro256StarStar((-1) & M64)
    print("seed -1 next():", [hex(g.next()) for _ in range(2)])
