"""SymPy's side of bench/symbolic: the same two computations, medians of 31 calls.

SymPy caches results by argument, so repeating expand on one expression would time a
cache hit: each call gets an expression over fresh symbols, built outside the timing.
"""
import time

import sympy as sp


def median(runs, make, body):
    times, last = [], None
    for i in range(runs):
        arg = make(i)
        start = time.perf_counter()
        last = body(arg)
        times.append(time.perf_counter() - start)
    times.sort()
    return times[runs // 2], last


def trinomial(i):
    x, y, z = sp.symbols("x%d y%d z%d" % (i, i, i))
    return (x + y + z) ** 10


def polynomial(i):
    x, y = sp.symbols("x%d y%d" % (i, i))
    return x, sum((k + 1) * x ** k * y ** (k % 7) for k in range(100))


expand_seconds, expanded = median(31, trinomial, sp.expand)
diff_seconds, derivative = median(31, polynomial, lambda a: sp.diff(a[1], a[0]))
print("expand_terms", len(expanded.args))
print("expand_seconds", expand_seconds)
print("diff_terms", len(derivative.args))
print("diff_seconds", diff_seconds)
