#!/bin/sh
# Builds the Hessian benchmark in release mode, runs it and NumPy's closed form in
# the same run, and prints the ratio. Usage: bench/autodiff/run.sh [python3]
set -e
cd "$(dirname "$0")"
PYTHON=${1:-python3}
swift build -c release --scratch-path .build >/dev/null 2>&1
# One BLAS thread for both sides: a fair comparison on a shared 2-core machine.
export OPENBLAS_NUM_THREADS=1
swift_out=$(.build/release/HessianBench)
numpy_out=$("$PYTHON" numpy_hessian.py)
echo "$swift_out"
echo "$numpy_out" | sed 's/^hessian_checksum/numpy_checksum/'
"$PYTHON" - "$swift_out" "$numpy_out" <<'PY'
import sys
def read(text):
    return {k: float(v) for k, v in (line.split() for line in text.splitlines())}
s, p = read(sys.argv[1]), read(sys.argv[2])
assert s["hessian_max_abs_difference"] < 1e-12, "autodiff Hessian differs from the closed form"
assert abs(s["hessian_checksum"] - p["hessian_checksum"]) < 1e-9 * max(1, abs(p["hessian_checksum"])), "Swift and NumPy data differ"
print("ratio autodiff/numpy: %.2f" % (s["hessian_autodiff_seconds"] / p["hessian_numpy_seconds"]))
PY
