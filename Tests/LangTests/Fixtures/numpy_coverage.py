"""Computes the NumPy reference values of the sorting, rearranging and linear
algebra builtins (issue 19, second part) and writes them as a Swift table.

Run once from the repository root when cases change:
    python3 Tests/LangTests/Fixtures/numpy_coverage.py > Tests/LangTests/NumpyCoverage.swift
Each case pairs a Gradbook expression with the NumPy expression that defines its
value. Gradbook's `0/0` is nan and `1/0` is inf; topk has no NumPy name, so its
reference is a stable descending argsort.
"""
import numpy as np

nan, inf = np.nan, np.inf
A = "[[0.5, -1.25, 2], [3, -0.75, 0.1]]"
nA = np.array([[0.5, -1.25, 2], [3, -0.75, 0.1]])
M = "[[2, 0.3, -0.5], [0.1, 1.5, 0.4], [-0.2, 0.6, 3]]"
nM = np.array([[2, 0.3, -0.5], [0.1, 1.5, 0.4], [-0.2, 0.6, 3]])
S = "[[4, 2, 0.6], [2, 3, -0.4], [0.6, -0.4, 2]]"
nS = np.array([[4, 2, 0.6], [2, 3, -0.4], [0.6, -0.4, 2]])
R = "[3, 1, 2, 1, 3, 0, 2]"
nR = np.array([3, 1, 2, 1, 3, 0, 2.0])
T = "reshape(arange(24), 2, 3, 4)"
nT = np.arange(24.0).reshape(2, 3, 4)


def topk(x, k, axis=-1, largest=True):
    x = np.asarray(x, dtype=float)
    order = np.argsort(-x if largest else x, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    return np.take_along_axis(x, idx, axis=axis), idx


CASES = [
    # sorting and searching
    ("sort(" + R + ")", lambda: np.sort(nR)),
    ("sort(" + A + ")", lambda: np.sort(nA)),
    ("sort(" + A + ", axis=0)", lambda: np.sort(nA, axis=0)),
    ("sort(" + A + ", axis=nothing)", lambda: np.sort(nA, axis=None)),
    ("sort([3, 0/0, 1, -1/0])", lambda: np.sort([3, nan, 1, -inf])),
    ("sort(zeros(0))", lambda: np.sort(np.zeros(0))),
    ("sort([4])", lambda: np.sort([4.0])),
    ("argsort(" + R + ")", lambda: np.argsort(nR, kind="stable")),
    ("argsort(" + A + ", axis=0)", lambda: np.argsort(nA, axis=0, kind="stable")),
    ("argsort([2, 0/0, 1])", lambda: np.argsort([2, nan, 1], kind="stable")),
    ("argsort(zeros(0))", lambda: np.argsort(np.zeros(0))),
    ("unique(" + R + ")", lambda: np.unique(nR)),
    ("unique(" + R + ", return_counts=true)[1]", lambda: np.unique(nR, return_counts=True)[1]),
    ("unique(" + R + ", return_index=true)[1]", lambda: np.unique(nR, return_index=True)[1]),
    ("unique(" + R + ", return_inverse=true)[1]", lambda: np.unique(nR, return_inverse=True)[1]),
    ("unique([[1, 1], [2, 1]])", lambda: np.unique([[1, 1], [2, 1]])),
    ("unique([0/0, 1, 0/0])", lambda: np.unique([nan, 1, nan])),
    ("unique(zeros(0))", lambda: np.unique(np.zeros(0))),
    ("unique([7])", lambda: np.unique([7.0])),
    ("argmin(" + R + ")", lambda: np.argmin(nR)),
    ("argmin(" + A + ", axis=1)", lambda: np.argmin(nA, axis=1)),
    ("argmin(" + A + ", axis=-2, keepdims=true)", lambda: np.argmin(nA, axis=-2, keepdims=True)),
    ("argmin([1, 0/0, 0/0])", lambda: np.argmin([1, nan, nan])),
    ("argmin([5])", lambda: np.argmin([5.0])),
    ("topk(" + R + ", 3)[0]", lambda: topk(nR, 3)[0]),
    ("topk(" + R + ", 3)[1]", lambda: topk(nR, 3)[1]),
    ("topk(" + A + ", 2, axis=0, largest=false)[0]", lambda: topk(nA, 2, axis=0, largest=False)[0]),
    ("topk(" + R + ", 0)[0]", lambda: topk(nR, 0)[0]),
    ("searchsorted([1, 2, 2, 3], [2, 5, 0, 2.5])", lambda: np.searchsorted([1, 2, 2, 3], [2, 5, 0, 2.5])),
    ("searchsorted([1, 2, 2, 3], [[2], [1]], side=\"right\")", lambda: np.searchsorted([1, 2, 2, 3], [[2], [1]], side="right")),
    ("searchsorted(zeros(0), [1, 2])", lambda: np.searchsorted(np.zeros(0), [1, 2])),
    ("searchsorted([1, 2, 0/0], 0/0)", lambda: np.searchsorted([1, 2, nan], nan)),
    # rearranging
    ("squeeze(zeros(1, 3, 1) + 2)", lambda: np.squeeze(np.zeros((1, 3, 1)) + 2)),
    ("squeeze(zeros(1, 3, 1), axis=-1)", lambda: np.squeeze(np.zeros((1, 3, 1)), axis=-1)),
    ("squeeze([[5]])", lambda: np.squeeze([[5.0]])),
    ("expand_dims(" + A + ", -1)", lambda: np.expand_dims(nA, -1)),
    ("expand_dims([1, 2], [0, 2])", lambda: np.expand_dims([1.0, 2], (0, 2))),
    ("tile([1, 2], 3)", lambda: np.tile([1.0, 2], 3)),
    ("tile(" + A + ", [2, 1, 2])", lambda: np.tile(nA, (2, 1, 2))),
    ("tile(zeros(0), 3)", lambda: np.tile(np.zeros(0), 3)),
    ("repeat(" + A + ", 2)", lambda: np.repeat(nA, 2)),
    ("repeat(" + A + ", [2, 0, 1], axis=1)", lambda: np.repeat(nA, [2, 0, 1], axis=1)),
    ("repeat(" + A + ", 2, axis=-2)", lambda: np.repeat(nA, 2, axis=-2)),
    ("repeat(7, 3)", lambda: np.repeat(7.0, 3)),
    ("split(arange(7), [2, 5, 10])[1]", lambda: np.split(np.arange(7.0), [2, 5, 10])[1]),
    ("split(arange(7), [2, 5, 10])[3]", lambda: np.split(np.arange(7.0), [2, 5, 10])[3]),
    ("split(" + A + ", 3, axis=1)[2]", lambda: np.split(nA, 3, axis=1)[2]),
    ("flip(" + A + ")", lambda: np.flip(nA)),
    ("flip(" + T + ", [0, 2])", lambda: np.flip(nT, (0, 2))),
    ("flip(zeros(0))", lambda: np.flip(np.zeros(0))),
    ("roll(" + A + ", 2)", lambda: np.roll(nA, 2)),
    ("roll(" + A + ", -1, axis=1)", lambda: np.roll(nA, -1, axis=1)),
    ("roll(" + T + ", [1, -5], axis=[0, 2])", lambda: np.roll(nT, (1, -5), axis=(0, 2))),
    ("roll(zeros(0), 3)", lambda: np.roll(np.zeros(0), 3)),
    ("meshgrid([1, 2, 3], [4, 5])[0]", lambda: np.meshgrid([1.0, 2, 3], [4.0, 5])[0]),
    ("meshgrid([1, 2, 3], [4, 5])[1]", lambda: np.meshgrid([1.0, 2, 3], [4.0, 5])[1]),
    ("meshgrid([1, 2, 3], [4, 5], indexing=\"ij\")[1]", lambda: np.meshgrid([1.0, 2, 3], [4.0, 5], indexing="ij")[1]),
    ("meshgrid([1, 2], [3], [4, 5, 6])[2]", lambda: np.meshgrid([1.0, 2], [3.0], [4.0, 5, 6])[2]),
    ("pad([1, 2, 3], [1, 2])", lambda: np.pad([1.0, 2, 3], (1, 2))),
    ("pad(" + A + ", 1, constant_values=9)", lambda: np.pad(nA, 1, constant_values=9)),
    ("pad(" + A + ", [[0, 1], [2, 0]], mode=\"edge\")", lambda: np.pad(nA, ((0, 1), (2, 0)), mode="edge")),
    ("pad([1, 2, 3], [5, 4], mode=\"reflect\")", lambda: np.pad([1.0, 2, 3], (5, 4), mode="reflect")),
    ("pad([1, 2, 3], [4, 7], mode=\"symmetric\")", lambda: np.pad([1.0, 2, 3], (4, 7), mode="symmetric")),
    ("pad([1, 2, 3], [4, 8], mode=\"wrap\")", lambda: np.pad([1.0, 2, 3], (4, 8), mode="wrap")),
    ("pad([5], 2, mode=\"reflect\")", lambda: np.pad([5.0], 2, mode="reflect")),
    ("pad(zeros(0), 2)", lambda: np.pad(np.zeros(0), 2)),
    # linear algebra
    ("diag([1, 2, 3])", lambda: np.diag([1.0, 2, 3])),
    ("diag([1, 2], -1)", lambda: np.diag([1.0, 2], -1)),
    ("diag(" + A + ", 1)", lambda: np.diag(nA, 1)),
    ("diag(" + A + ", -1)", lambda: np.diag(nA, -1)),
    ("diag(" + A + ", 5)", lambda: np.diag(nA, 5)),
    ("diag(zeros(0))", lambda: np.diag(np.zeros(0))),
    ("trace(" + M + ")", lambda: np.trace(nM)),
    ("trace(" + A + ", offset=1)", lambda: np.trace(nA, offset=1)),
    ("trace(" + T + ", axis1=0, axis2=2)", lambda: np.trace(nT, axis1=0, axis2=2)),
    ("trace(zeros(0, 0))", lambda: np.trace(np.zeros((0, 0)))),
    ("kron(" + A + ", [[1, 10]])", lambda: np.kron(nA, [[1, 10]])),
    ("kron([1, 2], [[1], [3]])", lambda: np.kron([1.0, 2], [[1], [3]])),
    ("einsum(\"ij,jk->ik\", " + A + ", " + M + ")", lambda: np.einsum("ij,jk->ik", nA, nM)),
    ("einsum(\"ij,kj\", " + A + ", " + A + ")", lambda: np.einsum("ij,kj", nA, nA)),
    ("einsum(\"ii\", " + M + ")", lambda: np.einsum("ii", nM)),
    ("einsum(\"ii->i\", " + M + ")", lambda: np.einsum("ii->i", nM)),
    ("einsum(\"ij->ji\", " + A + ")", lambda: np.einsum("ij->ji", nA)),
    ("einsum(\"ij->j\", " + A + ")", lambda: np.einsum("ij->j", nA)),
    ("einsum(\"i,j->ij\", [1, 2], [3, 4, 5])", lambda: np.einsum("i,j->ij", [1.0, 2], [3.0, 4, 5])),
    ("einsum(\"bij,bkj->bik\", " + T + ", " + T + " - 5)", lambda: np.einsum("bij,bkj->bik", nT, nT - 5)),
    ("einsum(\"...ij,...kj->...ik\", " + T + ", " + T + ")", lambda: np.einsum("...ij,...kj->...ik", nT, nT)),
    ("einsum(\"ij,jk,kl->il\", " + A + ", " + M + ", transpose(" + A + "))", lambda: np.einsum("ij,jk,kl->il", nA, nM, nA.T)),
    ("einsum(\"i,i\", [1, 2, 3], [4, 5, 6])", lambda: np.einsum("i,i", [1.0, 2, 3], [4.0, 5, 6])),
    ("einsum(\"ij,ij->i\", " + A + ", " + A + ")", lambda: np.einsum("ij,ij->i", nA, nA)),
    ("einsum(\"ij,jk->ik\", zeros(2, 0), zeros(0, 3))", lambda: np.einsum("ij,jk->ik", np.zeros((2, 0)), np.zeros((0, 3)))),
    ("tensordot(" + T + ", " + T + ", [[0, 1], [0, 1]])", lambda: np.tensordot(nT, nT, ((0, 1), (0, 1)))),
    ("tensordot(" + A + ", " + M + ", 1)", lambda: np.tensordot(nA, nM, 1)),
    ("tensordot([1, 2], [3, 4], 0)", lambda: np.tensordot([1.0, 2], [3.0, 4], 0)),
    ("qr(" + M + ")[0]", lambda: np.linalg.qr(nM)[0]),
    ("qr(" + M + ")[1]", lambda: np.linalg.qr(nM)[1]),
    ("qr(transpose(" + A + "))[0]", lambda: np.linalg.qr(nA.T)[0]),
    ("qr(" + A + ", mode=\"r\")", lambda: np.linalg.qr(nA, mode="r")),
    ("qr([[2]])[1]", lambda: np.linalg.qr([[2.0]])[1]),
    ("cholesky(" + S + ")", lambda: np.linalg.cholesky(nS)),
    ("cholesky([[9]])", lambda: np.linalg.cholesky([[9.0]])),
    ("eig(" + M + ")[0]", lambda: np.linalg.eig(nM)[0]),
    ("eig(" + M + ")[1]", lambda: np.linalg.eig(nM)[1]),
    ("eig([[2, 1], [0, 3]])[1]", lambda: np.linalg.eig([[2.0, 1], [0, 3]])[1]),
    ("eig([[4]])[0]", lambda: np.linalg.eig([[4.0]])[0]),
    ("matrix_rank(" + M + ")", lambda: np.linalg.matrix_rank(nM)),
    ("matrix_rank([[1, 2], [2, 4]])", lambda: np.linalg.matrix_rank([[1.0, 2], [2, 4]])),
    ("matrix_rank(zeros(3, 2))", lambda: np.linalg.matrix_rank(np.zeros((3, 2)))),
    ("matrix_rank([0, 1e-20])", lambda: np.linalg.matrix_rank([0, 1e-20])),
    ("cond(" + M + ")", lambda: np.linalg.cond(nM)),
    ("cond(" + A + ")", lambda: np.linalg.cond(nA)),
    ("cond(" + M + ", 1)", lambda: np.linalg.cond(nM, 1)),
    ("cond(" + M + ", -1/0)", lambda: np.linalg.cond(nM, -inf)),
    ("cond(" + M + ", \"fro\")", lambda: np.linalg.cond(nM, "fro")),
    ("cond(" + M + ", -2)", lambda: np.linalg.cond(nM, -2)),
    ("matrix_power(" + M + ", 5)", lambda: np.linalg.matrix_power(nM, 5)),
    ("matrix_power(" + M + ", -3)", lambda: np.linalg.matrix_power(nM, -3)),
    ("matrix_power(" + M + ", 0)", lambda: np.linalg.matrix_power(nM, 0)),
    ("matrix_power([[3]], 4)", lambda: np.linalg.matrix_power([[3.0]], 4)),
    ("norm(" + A + ")", lambda: np.linalg.norm(nA)),
    ("norm(" + A + ", ord=\"fro\")", lambda: np.linalg.norm(nA, ord="fro")),
    ("norm(" + A + ", ord=\"nuc\")", lambda: np.linalg.norm(nA, ord="nuc")),
    ("norm(" + A + ", ord=1)", lambda: np.linalg.norm(nA, ord=1)),
    ("norm(" + A + ", ord=-1)", lambda: np.linalg.norm(nA, ord=-1)),
    ("norm(" + A + ", ord=2)", lambda: np.linalg.norm(nA, ord=2)),
    ("norm(" + A + ", ord=-2)", lambda: np.linalg.norm(nA, ord=-2)),
    ("norm(" + A + ", ord=1/0)", lambda: np.linalg.norm(nA, ord=inf)),
    ("norm(" + A + ", ord=-1/0)", lambda: np.linalg.norm(nA, ord=-inf)),
    ("norm(" + A + ", axis=1)", lambda: np.linalg.norm(nA, axis=1)),
    ("norm(" + A + ", ord=1, axis=0)", lambda: np.linalg.norm(nA, ord=1, axis=0)),
    ("norm(" + A + ", ord=0, axis=-1)", lambda: np.linalg.norm(nA, ord=0, axis=-1)),
    ("norm(" + A + ", ord=3, axis=1, keepdims=true)", lambda: np.linalg.norm(nA, ord=3, axis=1, keepdims=True)),
    ("norm(" + A + ", ord=0.5, axis=0)", lambda: np.linalg.norm(nA, ord=0.5, axis=0)),
    ("norm(" + A + ", keepdims=true)", lambda: np.linalg.norm(nA, keepdims=True)),
    ("norm(" + T + ", ord=1, axis=[2, 0])", lambda: np.linalg.norm(nT, ord=1, axis=(2, 0))),
    ("norm(" + T + ", ord=1/0, axis=[1, 2], keepdims=true)", lambda: np.linalg.norm(nT, ord=inf, axis=(1, 2), keepdims=True)),
    ("norm(" + T + ", ord=\"nuc\", axis=[0, 2])", lambda: np.linalg.norm(nT, ord="nuc", axis=(0, 2))),
    ("norm([3, 4], ord=1/0)", lambda: np.linalg.norm([3.0, 4], ord=inf)),
    ("norm(zeros(0))", lambda: np.linalg.norm(np.zeros(0))),
    ("norm([-2])", lambda: np.linalg.norm([-2.0])),
]


def number(x):
    if np.isnan(x):
        return ".nan"
    if np.isinf(x):
        return "Double.infinity" if x > 0 else "-Double.infinity"
    return repr(float(x))


print(f"// Generated by Tests/LangTests/Fixtures/numpy_coverage.py with NumPy {np.__version__}; do not edit.")
print("// Each case: a Gradbook expression, then the shape and row-major values NumPy gives.")
print()
print("let numpyCoverage: [NumpyCase] = [")
for source, f in CASES:
    v = np.asarray(f(), dtype=float)
    shape = ", ".join(str(d) for d in v.shape)
    values = ", ".join(number(x) for x in v.ravel())
    text = source.replace("\\", "\\\\").replace('"', '\\"')
    print(f'    NumpyCase("{text}", [{shape}], [{values}]),')
print("]")
