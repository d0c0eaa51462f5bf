"""scikit-learn's MLPClassifier on the split split.gb saved: same hidden layer (128 ReLU),
Adam, the same scaling (pixels / 16), 30 epochs of batches of 32, as mlp.gb trains."""
import sys, time, warnings
try:
    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
except ImportError as e:
    print(f"sklearn   skipped: {e} (apt-get install python3-sklearn)")
    sys.exit(0)
load = lambda name: np.loadtxt(name, delimiter=",")
Xtr, Xte = load("train_X.csv") / 16, load("test_X.csv") / 16
ytr, yte = load("train_y.csv").astype(int), load("test_y.csv").astype(int)
warnings.simplefilter("ignore", ConvergenceWarning)
t0 = time.perf_counter()
clf = MLPClassifier(hidden_layer_sizes=(128,), solver="adam", learning_rate_init=0.005, batch_size=32,
                    max_iter=30, alpha=0, random_state=0, n_iter_no_change=30)
clf.fit(Xtr, ytr)
t = time.perf_counter() - t0
print(f"sklearn   MLP(128)  accuracy {clf.score(Xte, yte):.4f}  train {t:.3f} s")
