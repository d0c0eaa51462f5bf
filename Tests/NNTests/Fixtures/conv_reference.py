"""Reference values for ConvolutionTests.swift, computed with NumPy loops (no SciPy).

    python3 Tests/NNTests/Fixtures/conv_reference.py

The inputs are closed forms, so the Swift tests rebuild them exactly:
x[i] = sin(0.7 i + 0.3) over a 2×2×5×5 batch (row-major i), W[i] = 0.5 cos(0.4 i)
over 3×2×3×3 kernels, b = [0.1, -0.2, 0.3].
"""
import numpy as np

def conv(x, W, b, stride, padding):
    n, c, h, w = x.shape
    co, ci, k, _ = W.shape
    xp = np.zeros((n, c, h + 2 * padding, w + 2 * padding))
    xp[:, :, padding:padding + h, padding:padding + w] = x
    oh = (h + 2 * padding - k) // stride + 1
    ow = (w + 2 * padding - k) // stride + 1
    out = np.zeros((n, co, oh, ow))
    for a in range(n):
        for o in range(co):
            for i in range(oh):
                for j in range(ow):
                    s = b[o]
                    for cc in range(c):
                        for u in range(k):
                            for v in range(k):
                                s += W[o, cc, u, v] * xp[a, cc, i * stride + u, j * stride + v]
                    out[a, o, i, j] = s
    return out

def pool(x, k, f):
    n, c, h, w = x.shape
    out = np.zeros((n, c, h // k, w // k))
    for a in range(n):
        for cc in range(c):
            for i in range(h // k):
                for j in range(w // k):
                    out[a, cc, i, j] = f(x[a, cc, i * k:(i + 1) * k, j * k:(j + 1) * k])
    return out

x = np.sin(0.7 * np.arange(100) + 0.3).reshape(2, 2, 5, 5)
W = 0.5 * np.cos(0.4 * np.arange(54)).reshape(3, 2, 3, 3)
b = np.array([0.1, -0.2, 0.3])
np.set_printoptions(precision=17, linewidth=120)
for stride, padding in [(1, 0), (2, 1)]:
    y = conv(x, W, b, stride, padding)
    print(f"conv stride={stride} padding={padding} shape={y.shape}")
    print(", ".join(repr(float(v)) for v in y.ravel()))
for name, f in [("max", np.max), ("avg", np.mean)]:
    y = pool(x, 2, f)
    print(f"{name}pool k=2 shape={y.shape}")
    print(", ".join(repr(float(v)) for v in y.ravel()))
