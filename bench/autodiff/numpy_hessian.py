"""NumPy's closed-form Hessian of the benchmark's logistic loss (same data as main.swift)."""
import time
import numpy as np

N, n, lam = 200, 100, 0.1
i = np.arange(N)[:, None]
j = np.arange(n)[None, :]
X = np.sin(0.37 * i + 1.3 * j) + 0.1 * np.cos(i * j)
y = np.where(np.sin(np.arange(N)) >= 0, 1.0, -1.0)
w = 0.05 * np.cos(np.arange(n))


def hessian():
    s = 1 / (1 + np.exp(-(y * (X @ w))))
    return X.T @ (X * (s * (1 - s))[:, None]) / N + lam * np.eye(n)


times = []
for _ in range(31):
    t = time.perf_counter()
    H = hessian()
    times.append(time.perf_counter() - t)
print("hessian_numpy_seconds", sorted(times)[15])
print("hessian_checksum", H.sum())
