"""NumPy side of bench/run: the same cases and timing protocol as tensor-bench.

Prints one line per case, `name size value unit`; the first line is `# numpy VERSION python VERSION`.
"""
import sys
import time

import numpy as np


def median_time(body):
    keep = body()
    t0 = time.perf_counter()
    keep = body()
    once = max(time.perf_counter() - t0, 1e-7)
    reps = min(200, max(5, int(0.4 / once)))
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        keep = body()
        times.append(time.perf_counter() - start)
    del keep
    times.sort()
    return times[len(times) // 2]


def report(name, size, value, unit):
    print(f"{name} {size} {round(value, 1)} {unit}", flush=True)


def main():
    only = set(sys.argv[1:])
    wanted = lambda name: not only or name in only
    print(f"# numpy {np.__version__} python {sys.version.split()[0]} {sys.executable}")
    rng = np.random.default_rng(1)
    if wanted("matmul"):
        for n in (256, 512, 1024, 2048):
            a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
            t = median_time(lambda: a @ b)
            report("matmul", n, 2 * n**3 / t / 1e9, "GFLOP/s")
    if wanted("gather"):
        x = rng.standard_normal((10_000, 64))
        idx = rng.integers(0, 10_000, 256)
        report("gather", 256, 256 * 64 / median_time(lambda: x[idx]) / 1e6, "Melem/s")
    for n in (1_000_000, 10_000_000):
        a, b = rng.standard_normal(n), rng.standard_normal(n)
        melem = lambda t: n / t / 1e6
        if wanted("add"): report("add", n, melem(median_time(lambda: a + b)), "Melem/s")
        if wanted("mul"): report("mul", n, melem(median_time(lambda: a * b)), "Melem/s")
        if wanted("exp"): report("exp", n, melem(median_time(lambda: np.exp(a))), "Melem/s")
        if wanted("tanh"): report("tanh", n, melem(median_time(lambda: np.tanh(a))), "Melem/s")
        if wanted("sigmoid"): report("sigmoid", n, melem(median_time(lambda: 1 / (1 + np.exp(-a)))), "Melem/s")
        if wanted("sum"): report("sum", n, melem(median_time(lambda: a.sum())), "Melem/s")
        if wanted("rowadd"):
            m, row = a.reshape(n // 1000, 1000), rng.standard_normal(1000)
            report("rowadd", n, melem(median_time(lambda: m + row)), "Melem/s")
        if wanted("log1p"): report("log1p", n, melem(median_time(lambda: np.log1p(a))), "Melem/s")
        if wanted("arctan"): report("arctan", n, melem(median_time(lambda: np.arctan(a))), "Melem/s")
        if wanted("arctan2"): report("arctan2", n, melem(median_time(lambda: np.arctan2(a, b))), "Melem/s")
        if wanted("floor"): report("floor", n, melem(median_time(lambda: np.floor(a))), "Melem/s")
        m = a.reshape(n // 1000, 1000)
        if wanted("sumaxis0"): report("sumaxis0", n, melem(median_time(lambda: m.sum(axis=0))), "Melem/s")
        if wanted("sumaxis1"): report("sumaxis1", n, melem(median_time(lambda: m.sum(axis=1))), "Melem/s")
        if wanted("maxaxis0"): report("maxaxis0", n, melem(median_time(lambda: m.max(axis=0))), "Melem/s")
        if wanted("cumsum0"): report("cumsum0", n, melem(median_time(lambda: np.cumsum(m, axis=0))), "Melem/s")
        if wanted("cumsum1"): report("cumsum1", n, melem(median_time(lambda: np.cumsum(m, axis=1))), "Melem/s")

    per_second = lambda t: 1 / t
    if wanted("einsum"):
        a, b = rng.standard_normal((256, 256)), rng.standard_normal((256, 256))
        report("einsum_matmul", 256, per_second(median_time(lambda: np.einsum("ij,jk->ik", a, b))), "calls/s")
        x, y = rng.standard_normal((64, 64, 64)), rng.standard_normal((64, 64, 64))
        report("einsum_bmm", 64, per_second(median_time(lambda: np.einsum("bij,bjk->bik", x, y))), "calls/s")
        m, u, v = rng.standard_normal((1000, 1000)), rng.standard_normal(1000), rng.standard_normal(1000)
        report("einsum_trace", 1000, per_second(median_time(lambda: np.einsum("ii", m))), "calls/s")
        report("einsum_outer", 1000, per_second(median_time(lambda: np.einsum("i,j->ij", u, v))), "calls/s")
        report("einsum_transpose", 1000, per_second(median_time(lambda: np.einsum("ij->ji", m))), "calls/s")
        report("einsum_sum", 1000, per_second(median_time(lambda: np.einsum("ij->i", m))), "calls/s")
        report("einsum_dot", 1000, per_second(median_time(lambda: np.einsum("i,i", u, v))), "calls/s")
    if wanted("sort"):
        a = rng.standard_normal(1_000_000)
        report("sort", 1_000_000, per_second(median_time(lambda: np.sort(a, kind="stable"))), "calls/s")
        report("argsort", 1_000_000, per_second(median_time(lambda: np.argsort(a, kind="stable"))), "calls/s")
        s, q = np.sort(a), rng.standard_normal(100_000)
        report("searchsorted", 100_000, per_second(median_time(lambda: np.searchsorted(s, q))), "calls/s")
    if wanted("decompositions"):
        a = rng.standard_normal((256, 256))
        spd = a @ a.T + 256 * np.eye(256)
        report("qr", 256, per_second(median_time(lambda: np.linalg.qr(a))), "calls/s")
        report("cholesky", 256, per_second(median_time(lambda: np.linalg.cholesky(spd))), "calls/s")
        report("eig", 256, per_second(median_time(lambda: np.linalg.eig(spd))), "calls/s")


main()
