#!/bin/sh
# Builds the Symbolic benchmark in release mode, runs it and SymPy's version in the
# same run, and prints the ratios. Usage: bench/symbolic/run.sh [python3]
set -e
cd "$(dirname "$0")"
PYTHON=${1:-python3}
swift build -c release --scratch-path .build >/dev/null 2>&1
swift_out=$(.build/release/SymbolicBench)
sympy_out=$("$PYTHON" sympy_bench.py)
echo "$swift_out"
echo "$sympy_out" | sed 's/^/sympy_/'
"$PYTHON" - "$swift_out" "$sympy_out" <<'PY'
import sys
def read(text):
    return {k: float(v) for k, v in (line.split() for line in text.splitlines())}
s, p = read(sys.argv[1]), read(sys.argv[2])
assert s["expand_terms"] == p["expand_terms"] == 66, "expand((x+y+z)^10) should have 66 terms"
assert s["diff_terms"] == p["diff_terms"] == 99, "the derivative should have 99 terms"
for name in ("expand", "diff"):
    ms = s[name + "_seconds"] * 1e3
    print("%s: symbolic %.3f ms, sympy %.3f ms, ratio symbolic/sympy %.2f%s" % (
        name, ms, p[name + "_seconds"] * 1e3, s[name + "_seconds"] / p[name + "_seconds"],
        "" if ms < 50 else "  (over the 50 ms target)"))
PY
