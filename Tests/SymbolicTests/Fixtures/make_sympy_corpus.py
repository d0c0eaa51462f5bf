"""Writes sympy_corpus.jsonl: random expressions and what SymPy says about them.

Origin of every expected value in SymbolicTests/SymPyCorpusTests.swift. Run once with
    python3 Tests/SymbolicTests/Fixtures/make_sympy_corpus.py
(SymPy 1.14, fixed seed 22); the test parses each recorded text with Expr.parse.

Each line is a JSON object:
  expr      the expression (SymPy's str, `**` for powers)
  dx, dy    first derivatives in x and y; dxx the second derivative in x
  expand    sympy.expand(expr)
  series    [c0, c1, c2, c3]: coefficients of x^k in sympy.series(expr, x, 0, 4), or
            absent when the expression has no Taylor series in x at 0
  pole      true when SymPy's series at x = 0 has negative powers (a pole)
  simplify  sympy.simplify(expr)
  kind      polynomial | rational | transcendental | identity
"""
import json
import random
import signal

import sympy as sp

random.seed(22)
x, y, z = sp.symbols("x y z")
SYMS = [x, y, z]


def rational():
    return random.choice([sp.Integer(random.randint(-5, 5) or 1), sp.Rational(random.randint(-5, 5) or 1, random.randint(2, 6))])


def leaf():
    return random.choice(SYMS + SYMS + [rational()])


def polynomial(depth):
    if depth == 0:
        return leaf()
    op = random.random()
    a, b = polynomial(depth - 1), polynomial(depth - 1)
    if op < 0.35:
        return a + b
    if op < 0.7:
        return a * b
    if op < 0.85:
        return a - b
    return (a + b) ** random.randint(2, 4)


def positive(depth):
    """An expression positive for real symbols: safe inside log and sqrt."""
    p = polynomial(depth)
    return p ** 2 + random.randint(1, 3)


def transcendental(depth):
    if depth == 0:
        return leaf()
    r = random.random()
    if r < 0.2:
        return transcendental(depth - 1) + transcendental(depth - 1)
    if r < 0.4:
        return transcendental(depth - 1) * transcendental(depth - 1)
    f = random.choice(["exp", "log", "sin", "cos", "tanh", "sqrt"])
    if f in ("log", "sqrt"):
        return getattr(sp, f)(positive(1))
    return getattr(sp, f)(polynomial(1))


def rational_function(depth):
    num = polynomial(depth)
    den = polynomial(depth - 1) + random.choice([1, 2, 3])
    if random.random() < 0.5:
        common = random.choice([x + 1, x - 2, y + 3, x + y])
        return sp.Mul(sp.expand(num * common), sp.Pow(sp.expand(den * common), -1))
    return num / den


def identity():
    a = random.choice([x, y, 2 * x, x + y, x * y])
    c = random.choice([x, y, x ** 2, 3 * y, x - y])
    k = random.randint(1, 4)
    forms = [
        sp.sin(a) ** 2 + sp.cos(a) ** 2 + c,
        k * sp.sin(a) ** 2 + k * sp.cos(a) ** 2,
        sp.exp(sp.log(c + 5)) + c,
        sp.expand((x ** 2 - k ** 2)) / (x - k),
        sp.expand((x + k) * (y + 1)) / (y + 1),
        sp.expand((x + y) ** 2) / (x + y),
        c ** 2 * c ** 3 / c ** 4,
        sp.expand((x - k) ** 2 * (x + 1)) / sp.expand((x - k) * (x + 2)),
        (x ** 3 - 1) / (x - 1),
        sp.sin(c) ** 4 - sp.cos(c) ** 4 + sp.cos(c) ** 2,
    ]
    return random.choice(forms)


def text(e):
    return str(e)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)


def record(e, kind):
    if e.has(sp.zoo, sp.nan, sp.oo) or e.is_number:
        return None
    out = {"kind": kind, "expr": text(e)}
    out["dx"] = text(sp.diff(e, x))
    out["dy"] = text(sp.diff(e, y))
    out["dxx"] = text(sp.diff(e, x, 2))
    out["expand"] = text(sp.expand(e))
    # Generous, so that a loaded machine does not change the corpus (a timeout drops the series).
    signal.alarm(300)
    try:
        s = sp.series(e, x, 0, 4).removeO()
        if s.has(sp.log) and not e.has(sp.log):
            raise Timeout()
        poly = sp.expand(s)
        if any(t.as_coeff_exponent(x)[1] < 0 for t in sp.Add.make_args(poly)):
            out["pole"] = True
        else:
            coefficients = [poly.coeff(x, k) if k else poly.subs(x, 0) for k in range(4)]
            # SymPy writes some coefficients with cosh/sinh, which the language lacks.
            simplified = [sp.simplify(c) for c in coefficients]
            out["series"] = [text(c.rewrite(sp.exp) if c.has(sp.cosh, sp.sinh) else c) for c in simplified]
        out["simplify"] = text(sp.simplify(e))
    except Timeout:
        out.pop("series", None)
        if "simplify" not in out:
            out["simplify"] = text(e)
    finally:
        signal.alarm(0)
    return out


def main():
    makers = [("polynomial", 80, lambda: polynomial(3)),
              ("rational", 60, lambda: rational_function(2)),
              ("transcendental", 60, lambda: transcendental(2)),
              ("identity", 30, identity)]
    rows = []
    seen = set()
    for kind, count, make in makers:
        made = 0
        while made < count:
            e = make()
            r = record(e, kind)
            if r is None or r["expr"] in seen:
                continue
            seen.add(r["expr"])
            rows.append(r)
            made += 1
    with open(__file__.replace("make_sympy_corpus.py", "sympy_corpus.jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    print(len(rows), "expressions")


if __name__ == "__main__":
    main()
