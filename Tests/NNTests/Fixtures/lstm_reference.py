"""Reference values for RecurrentTests.swift: a NumPy LSTM cell and Elman RNN.

    python3 Tests/NNTests/Fixtures/lstm_reference.py

Gate order i, f, g, o as PyTorch's torch.nn.LSTM, weights applied as x @ Wx + h @ Wh + b.
Closed-form inputs the Swift tests rebuild: batch 2, 3 steps, 2 features, 3 hidden units;
x[i] = cos(0.9 i) (2×3×2), Wx[i] = 0.3 sin(0.5 i + 0.1) (2×12), Wh[i] = 0.2 cos(0.3 i) (3×12),
b[i] = 0.05 i - 0.2 (12); the RNN uses the first 3 columns of each.
"""
import numpy as np

sig = lambda z: 1 / (1 + np.exp(-z))
x = np.cos(0.9 * np.arange(12)).reshape(2, 3, 2)
Wx = 0.3 * np.sin(0.5 * np.arange(24) + 0.1).reshape(2, 12)
Wh = 0.2 * np.cos(0.3 * np.arange(36)).reshape(3, 12)
b = 0.05 * np.arange(12) - 0.2
H = 3

h = np.zeros((2, H)); c = np.zeros((2, H)); seq = []
for t in range(3):
    z = x[:, t] @ Wx + h @ Wh + b
    i, f, g, o = sig(z[:, :H]), sig(z[:, H:2*H]), np.tanh(z[:, 2*H:3*H]), sig(z[:, 3*H:])
    c = f * c + i * g
    h = o * np.tanh(c)
    seq.append(h)
print("lstm sequence (2, 3, 3)")
print(", ".join(repr(float(v)) for v in np.stack(seq, axis=1).ravel()))

h = np.zeros((2, H))
for t in range(3):
    h = np.tanh(x[:, t] @ Wx[:, :H] + h @ Wh[:, :H] + b[:H])
print("rnn last (2, 3)")
print(", ".join(repr(float(v)) for v in h.ravel()))
