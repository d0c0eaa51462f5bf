#!/bin/sh
# Runs the Gradbook and NumPy MLP benchmarks alternately for three rounds (each
# program reports its best of five trainings) and prints the best of each side
# and their ratio. PYTHON names the Python with NumPy (default python3);
# THREADS, when set, is passed to both as OPENBLAS_NUM_THREADS.
set -e
cd "$(dirname "$0")"
swift build -c release --scratch-path .build >/dev/null
if [ -n "$THREADS" ]; then export OPENBLAS_NUM_THREADS="$THREADS"; fi
out=""
for round in 1 2 3; do
    out="$out
$(.build/release/nn-bench)
$(${PYTHON:-python3} mlp_numpy.py)"
done
echo "$out" | awk '
    $1 == "gradbook" && (g == "" || $2 < g) { g = $2; gl = $3 }
    $1 == "numpy" && (n == "" || $2 < n) { n = $2; nl = $3 }
    END {
        printf "gradbook %.3f s (final epoch loss %.4f)\n", g, gl
        printf "numpy    %.3f s (final epoch loss %.4f)\n", n, nl
        printf "ratio gradbook/numpy %.2f\n", g / n
    }'
