"""SymPy's side of bench/symbolic: the same two computations, medians of 31 calls."""
import time

import sympy as sp


def median(runs, body):
    times, last = [], None
    for _ in range(runs):
        start = time.perf_counter()
        last = body()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[runs // 2], last


x, y, z = sp.symbols("x y z")
trinomial = (x + y + z) ** 10
expand_seconds, expanded = median(31, lambda: sp.expand(trinomial))
polynomial = sum((k + 1) * x ** k * y ** (k % 7) for k in range(100))
diff_seconds, derivative = median(31, lambda: sp.diff(polynomial, x))
print("expand_terms", len(expanded.args))
print("expand_seconds", expand_seconds)
print("diff_terms", len(derivative.args))
print("diff_seconds", diff_seconds)
