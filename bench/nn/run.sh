#!/bin/sh
# Runs the Gradbook and NumPy MLP benchmarks back to back and prints the ratio.
# PYTHON names the CPython with NumPy to compare against (default python3).
set -e
cd "$(dirname "$0")"
swift build -c release --scratch-path .build >/dev/null
g=$(.build/release/nn-bench)
n=$(${PYTHON:-python3} mlp_numpy.py)
echo "$g"
echo "$n"
echo "$g $n" | awk '{ printf "ratio gradbook/numpy %.2f\n", $2 / $5 }'
