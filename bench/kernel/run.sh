#!/usr/bin/env bash
# Jupyter kernel start-up and `1+1` round trip, gradbook against ipykernel,
# both through jupyter_client in the same run (kernel_bench.py says how), then
# the wall time of `jupyter nbconvert --execute` on a converted study notebook.
#
# Usage: bench/kernel/run.sh [path/to/gradbook]   (default .build/release/gradbook)
# Uses the venv of Tests/jupyter (.build/jupyter-venv, JUPYTER_VENV overrides) and
# adds ipykernel to it on first use.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:-$REPO/.build/release/gradbook}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
[ -x "$BIN" ] || { echo "no gradbook binary at $BIN (make build first)"; exit 1; }
VENV=${JUPYTER_VENV:-$REPO/.build/jupyter-venv}
STARTS=${STARTS:-10}
TRIPS=${TRIPS:-50}
NOTEBOOK=${NOTEBOOK:-$REPO/notebooks/G-taylor-newton.gbook}

# shellcheck source=/dev/null
. "$REPO/Tests/jupyter/venv.sh"
ensure_venv "$VENV" "$REPO/Tests/jupyter/requirements.txt"
ensure_venv "$VENV" "$HERE/requirements.txt"

WORK=$(mktemp -d /tmp/gradbook-kernel-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export JUPYTER_PATH="$VENV/share/jupyter"
export JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime" JUPYTER_CONFIG_DIR="$WORK/config"
export JUPYTER_PLATFORM_DIRS=1
"$BIN" kernel install --prefix "$VENV" >/dev/null
# ipykernel's own spec (`python3`), installed into the same prefix, so both
# kernels are found and launched alike.
"$VENV/bin/python" -m ipykernel install --prefix "$VENV" >/dev/null

echo "== kernel start-up and round trip (gradbook vs ipykernel)"
"$VENV/bin/python" "$HERE/kernel_bench.py" --starts "$STARTS" --trips "$TRIPS" gradbook python3
echo "-- the same start-up with the client retrying its connection every 2 ms (the kernels' own cost)"
"$VENV/bin/python" "$HERE/kernel_bench.py" --starts "$STARTS" --trips 0 --reconnect-ms 2 gradbook python3

echo "== nbconvert --execute of $(basename "$NOTEBOOK") on the gradbook kernel"
name=$(basename "$NOTEBOOK" .gbook)
"$BIN" convert "$NOTEBOOK" --to ipynb -o "$WORK/$name.ipynb"
t0=$(date +%s%N)
"$VENV/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=gradbook \
    --output-dir "$WORK" --output "$name.executed" "$WORK/$name.ipynb" 2>/dev/null
t1=$(date +%s%N)
"$BIN" run "$NOTEBOOK" >/dev/null
t2=$(date +%s%N)
t3=$(date +%s%N)
"$VENV/bin/jupyter" nbconvert --version >/dev/null
t4=$(date +%s%N)
echo "nbconvert --execute wall time:   $(( (t1 - t0) / 1000000 )) ms"
echo "  of which jupyter nbconvert's own start (--version): $(( (t4 - t3) / 1000000 )) ms"
echo "gradbook run (replay) wall time: $(( (t2 - t1) / 1000000 )) ms"
