"""Computes the NumPy reference values the language's NumPy-named builtins are
checked against, and writes them as a Swift table (NumpyReference.swift).

Run once from the repository root when cases change:
    python3 Tests/LangTests/Fixtures/numpy_reference.py > Tests/LangTests/NumpyReference.swift
Each case pairs a Gradbook expression with the NumPy (or SciPy-equivalent)
expression that defines its value; booleans are recorded as 0/1.
"""
import re

import numpy as np

def logsumexp(a, axis=None, keepdims=False):
    # scipy.special.logsumexp's definition, written out so SciPy is not needed.
    a = np.asarray(a, dtype=float)
    if a.size == 0 and axis is None:
        return np.full((1,) * a.ndim if keepdims else (), -np.inf)
    m = np.max(a, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0)
    s = np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True)) + m
    return s if keepdims else np.squeeze(s, axis=axis)

A = "[[0.5, -1.25, 2], [3, -0.75, 0.1]]"
nA = np.array([[0.5, -1.25, 2], [3, -0.75, 0.1]])
U = "[-0.9, -0.3, 0, 0.4, 0.99]"
nU = np.array([-0.9, -0.3, 0, 0.4, 0.99])
E = "zeros(0)"
nE = np.zeros(0)

CASES = [
    # group 1: elementwise
    ("floor([-1.5, -0.5, 0.5, 2.5, 3])", lambda: np.floor([-1.5, -0.5, 0.5, 2.5, 3])),
    ("ceil([-1.5, -0.5, 0.5, 2.5, 3])", lambda: np.ceil([-1.5, -0.5, 0.5, 2.5, 3])),
    ("round([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.6])", lambda: np.round([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.6])),
    ("round([3.14159, 2.71828, -1.005], 2)", lambda: np.round([3.14159, 2.71828, -1.005], 2)),
    ("round([1234.5, 1250, -1350], -2)", lambda: np.round([1234.5, 1250, -1350], -2)),
    ("trunc([-1.7, -0.2, 0.2, 1.7])", lambda: np.trunc([-1.7, -0.2, 0.2, 1.7])),
    ("floor(zeros(0))", lambda: np.floor(nE)),
    ("ceil([7.2])", lambda: np.ceil([7.2])),
    ("log1p([0, 1e-10, 1, 100])", lambda: np.log1p([0, 1e-10, 1, 100])),
    ("expm1([0, 1e-10, -1, 2])", lambda: np.expm1([0, 1e-10, -1, 2])),
    ("log2([1, 8, 0.5, 3])", lambda: np.log2([1, 8, 0.5, 3])),
    ("log10([1, 1000, 0.01, 3])", lambda: np.log10([1, 1000, 0.01, 3])),
    ("tan(" + U + ")", lambda: np.tan(nU)),
    ("arcsin(" + U + ")", lambda: np.arcsin(nU)),
    ("arccos(" + U + ")", lambda: np.arccos(nU)),
    ("arctan([-10, -1, 0, 0.5, 100])", lambda: np.arctan([-10, -1, 0, 0.5, 100])),
    ("sinh(" + A + ")", lambda: np.sinh(nA)),
    ("cosh(" + A + ")", lambda: np.cosh(nA)),
    ("sinh(zeros(0))", lambda: np.sinh(nE)),
    ("arcsin(2)", lambda: np.arcsin(2.0)),
    ("arctan2([1, 1, -1, -1, 0], [1, -1, 1, -1, -1])", lambda: np.arctan2([1, 1, -1, -1, 0], [1, -1, 1, -1, -1])),
    ("arctan2(" + A + ", [1, -2, 0.5])", lambda: np.arctan2(nA, [1, -2, 0.5])),
    ("arctan2(arange(9) - 4, arange(9) * 0.5 - 1)", lambda: np.arctan2(np.arange(9) - 4, np.arange(9) * 0.5 - 1)),
    ("maximum(" + A + ", [0, 0, 1])", lambda: np.maximum(nA, [0, 0, 1])),
    ("minimum(" + A + ", [[0], [1]])", lambda: np.minimum(nA, [[0], [1]])),
    ("maximum([1, nan], [nan, 2])", lambda: np.maximum([1, np.nan], [np.nan, 2])),
    ("minimum(zeros(0), 1)", lambda: np.minimum(nE, 1)),
    ("isnan([1, nan, inf, -inf])", lambda: np.isnan([1, np.nan, np.inf, -np.inf])),
    ("isinf([1, nan, inf, -inf])", lambda: np.isinf([1, np.nan, np.inf, -np.inf])),
    ("isfinite([1, nan, inf, -inf])", lambda: np.isfinite([1, np.nan, np.inf, -np.inf])),
    ("isnan(zeros(0))", lambda: np.isnan(nE)),
    ("isnan(nan)", lambda: np.isnan(np.nan)),
    ("logsumexp([1000, 1000])", lambda: logsumexp([1000, 1000])),
    ("logsumexp(" + A + ")", lambda: logsumexp(nA)),
    ("logsumexp(" + A + ", axis=0)", lambda: logsumexp(nA, axis=0)),
    ("logsumexp(" + A + ", axis=-1, keepdims=true)", lambda: logsumexp(nA, axis=-1, keepdims=True)),
    ("logsumexp(" + A + ", keepdims=true)", lambda: logsumexp(nA, keepdims=True)),
    ("logsumexp([-inf, -inf])", lambda: logsumexp([-np.inf, -np.inf])),
    ("logsumexp(zeros(0))", lambda: logsumexp(nE)),
    ("logsumexp([2.5])", lambda: logsumexp([2.5])),
    ("one_hot([0, 2, 1, -1], 3)", lambda: np.eye(3)[[0, 2, 1, -1]]),
    ("one_hot([[1], [0]], 2)", lambda: np.eye(2)[[[1], [0]]]),
    ("one_hot(zeros(0), 4)", lambda: np.eye(4)[np.zeros(0, dtype=int)]),
    ("isclose([1, 2, nan, inf], [1.000001, 2.1, nan, inf])", lambda: np.isclose([1, 2, np.nan, np.inf], [1.000001, 2.1, np.nan, np.inf])),
    ("isclose([1, nan], [1, nan], equal_nan=true)", lambda: np.isclose([1, np.nan], [1, np.nan], equal_nan=True)),
    ("isclose(" + A + ", [0.5, -1.25, 2.0001], rtol=0, atol=1e-3)", lambda: np.isclose(nA, [0.5, -1.25, 2.0001], rtol=0, atol=1e-3)),
    ("isclose(1e-9, 0)", lambda: np.isclose(1e-9, 0)),
    ("allclose([1, 2], [1, 2.00001])", lambda: np.allclose([1, 2], [1, 2.00001])),
    ("allclose([1, 2], [1, 2.001])", lambda: np.allclose([1, 2], [1, 2.001])),
    ("allclose(zeros(0), 1)", lambda: np.allclose(nE, 1)),
    ("all([[1, 0], [1, 1]], axis=1)", lambda: np.all([[1, 0], [1, 1]], axis=1)),
    ("all([[1, 0], [1, 1]], axis=0, keepdims=true)", lambda: np.all([[1, 0], [1, 1]], axis=0, keepdims=True)),
    ("any([[0, 0], [1, 0]], axis=-1)", lambda: np.any([[0, 0], [1, 0]], axis=-1)),
    ("all(zeros(0))", lambda: np.all(nE)),
    ("any(zeros(0))", lambda: np.any(nE)),
    ("any(zeros(0, 3), axis=0)", lambda: np.any(np.zeros((0, 3)), axis=0)),
    ("all(zeros(0, 3), axis=0)", lambda: np.all(np.zeros((0, 3)), axis=0)),
    # group 2: cumulative
    ("cumsum(" + A + ")", lambda: np.cumsum(nA)),
    ("cumsum(" + A + ", axis=0)", lambda: np.cumsum(nA, axis=0)),
    ("cumsum(" + A + ", axis=-1)", lambda: np.cumsum(nA, axis=-1)),
    ("cumsum(zeros(0))", lambda: np.cumsum(nE)),
    ("cumsum(5)", lambda: np.cumsum(5.0)),
    ("cumsum(zeros(2, 0), axis=1)", lambda: np.cumsum(np.zeros((2, 0)), axis=1)),
    ("cumprod(" + A + ")", lambda: np.cumprod(nA)),
    ("cumprod(" + A + ", axis=0)", lambda: np.cumprod(nA, axis=0)),
    ("cumprod([[1, 2, 0, 4]], axis=1)", lambda: np.cumprod([[1, 2, 0, 4]], axis=1)),
    ("cumprod([7])", lambda: np.cumprod([7.0])),
    ("diff([1, 4, 9, 16, 25])", lambda: np.diff([1, 4, 9, 16, 25.0])),
    ("diff([1, 4, 9, 16, 25], n=2)", lambda: np.diff([1, 4, 9, 16, 25.0], n=2)),
    ("diff([1, 4, 9], n=5)", lambda: np.diff([1, 4, 9.0], n=5)),
    ("diff([1, 4, 9], n=0)", lambda: np.diff([1, 4, 9.0], n=0)),
    ("diff(" + A + ", axis=0)", lambda: np.diff(nA, axis=0)),
    ("diff(" + A + ")", lambda: np.diff(nA)),
    ("diff([3])", lambda: np.diff([3.0])),
    ("diff(zeros(0))", lambda: np.diff(nE)),
]

def swift_number(x):
    x = float(x)
    if np.isnan(x): return ".nan"
    if np.isinf(x): return ".infinity" if x > 0 else "-.infinity"
    return repr(x)

print("// Generated by Tests/LangTests/Fixtures/numpy_reference.py with NumPy", np.__version__ + "; do not edit.")
print("// Each case: a Gradbook expression, then the shape and row-major values NumPy gives.")
print()
print("let numpyReference: [NumpyCase] = [")
for source, f in CASES:
    # The language has no nan/inf names yet: 0/0 and 1/0 make them.
    source = re.sub(r"\bnan\b", "0/0", re.sub(r"\binf\b", "1/0", source))
    v = np.asarray(f(), dtype=float)
    shape = ", ".join(str(d) for d in v.shape)
    values = ", ".join(swift_number(x) for x in v.ravel())
    print("    NumpyCase(\"" + source.replace('"', '\\"') + "\", [" + shape + "], [" + values + "]),")
print("]")
