"""Joins tensor-bench and numpy_bench.py lines into a Markdown table with ratios and targets.

Each side keeps its best value over the rounds of bench/run."""
import math
import sys

TARGETS = {"add": 0.8, "mul": 0.8, "sum": 0.8, "rowadd": 0.8, "exp": 1.5, "tanh": 1.5, "sigmoid": 1.5,
           # Issue 19: NumPy's elementwise functions and axis reductions at or above NumPy.
           "log1p": 1.0, "arctan": 1.0, "arctan2": 1.0, "floor": 1.0,
           "sumaxis0": 1.0, "sumaxis1": 1.0, "maxaxis0": 1.0, "cumsum0": 1.0, "cumsum1": 1.0,
           # einsum at least as fast as numpy.einsum with its default settings.
           "einsum_matmul": 1.0, "einsum_bmm": 1.0, "einsum_trace": 1.0, "einsum_outer": 1.0,
           "einsum_transpose": 1.0, "einsum_sum": 1.0, "einsum_dot": 1.0,
           # Issue 18: a minibatch gather X[idx], 256 rows of a 10000×64 matrix.
           "gather": 1.0}
NAMES = {"matmul": "matmul", "add": "a + b", "mul": "a * b", "exp": "exp", "tanh": "tanh",
         "sigmoid": "sigmoid", "sum": "sum", "rowadd": "row-vector broadcast add",
         "log1p": "log1p", "arctan": "arctan", "arctan2": "arctan2(a, b)", "floor": "floor",
         "sumaxis0": "sum(axis=0)", "sumaxis1": "sum(axis=1)", "maxaxis0": "max(axis=0)",
         "cumsum0": "cumsum(axis=0)", "cumsum1": "cumsum(axis=1)", "gather": "X[idx] (256 of 10000×64)",
         "einsum_matmul": "einsum ij,jk->ik", "einsum_bmm": "einsum bij,bjk->bik (b=n)", "einsum_trace": "einsum ii",
         "einsum_outer": "einsum i,j->ij", "einsum_transpose": "einsum ij->ji", "einsum_sum": "einsum ij->i",
         "einsum_dot": "einsum i,i", "sort": "sort (stable)", "argsort": "argsort (stable)",
         "searchsorted": "searchsorted (n queries)", "qr": "qr (n×n)", "cholesky": "cholesky (n×n)", "eig": "eig (n×n)"}


def target(name, size):
    if name == "matmul":
        return 0.9 if size >= 512 else 0.5
    return TARGETS.get(name, 0.5)


values, header = {}, ""
order = []
for line in open(sys.argv[1]):
    side, *rest = line.split()
    if rest and rest[0] == "#":
        header = " ".join(rest[1:])
        continue
    name, size, value, unit = rest
    key = (name, int(size))
    if key not in order:
        order.append(key)
    best = values.get((side,) + key, (0.0, unit))[0]
    values[(side,) + key] = (max(best, float(value)), unit)

print(f"compared with: {header}")
print()
print("| operation | n | unit | Gradbook | NumPy | ratio | target | met |")
print("|---|---:|---|---:|---:|---:|---:|:---:|")
for name, size in order:
    g, unit = values.get(("gradbook", name, size), (float("nan"), ""))
    n, _ = values.get(("numpy", name, size), (float("nan"), ""))
    ratio = g / n if n else float("nan")
    goal = target(name, size)
    met = "yes" if ratio >= goal else "no"
    # Truncated, not rounded, so a ratio shown as the target always meets it.
    shown = math.floor(ratio * 100) / 100 if ratio == ratio else ratio
    print(f"| {NAMES[name]} | {size:,} | {unit} | {g:,.1f} | {n:,.1f} | {shown:.2f}x | {goal}x | {met} |")
