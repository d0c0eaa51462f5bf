#!/usr/bin/env bash
# Drives the gradbook Jupyter kernel with the real Jupyter client: installs the
# kernelspec into a virtual environment holding the pinned jupyter_client,
# nbclient, nbformat, nbconvert and pytest, then runs the tests beside this file.
#
# Usage: Tests/jupyter/run.sh [path/to/gradbook]   (default .build/release/gradbook)
# The venv is .build/jupyter-venv (JUPYTER_VENV overrides); it is created once and
# reinstalled only when requirements.txt changes. Nothing is written to $HOME:
# every Jupyter directory points into the venv or a temporary folder.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:-$REPO/.build/release/gradbook}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then echo "no gradbook binary at $BIN (make build first)"; echo "0 passed, 1 failed"; exit 1; fi
VENV=${JUPYTER_VENV:-$REPO/.build/jupyter-venv}

# shellcheck source=/dev/null
. "$HERE/venv.sh"
ensure_venv "$VENV" "$HERE/requirements.txt" || { echo "0 passed, 1 failed"; exit 1; }

WORK=$(mktemp -d /tmp/gradbook-jupyter-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GRADBOOK_BIN="$BIN"
export JUPYTER_PATH="$VENV/share/jupyter"
export JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime" JUPYTER_CONFIG_DIR="$WORK/config"
export JUPYTER_PLATFORM_DIRS=1 PYTHONDONTWRITEBYTECODE=1

if ! "$BIN" kernel install --prefix "$VENV" >"$WORK/install.log" 2>&1; then
    echo "gradbook kernel install --prefix $VENV failed:"; cat "$WORK/install.log"
    echo "0 passed, 1 failed"; exit 1
fi

cd "$REPO"
"$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfE "$HERE"
