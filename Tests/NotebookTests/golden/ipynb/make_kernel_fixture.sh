#!/usr/bin/env bash
# Writes kernel-run.executed.ipynb: kernel-run.gbook converted to .ipynb, then run by
# Jupyter itself (nbconvert --execute) on the gradbook kernel, as a person would in
# JupyterLab. IpynbTests converts it back and replays it, so what the kernel sent
# must read back as what the prompt records. Run once, from this folder:
#   ./make_kernel_fixture.sh path/to/gradbook path/to/venv-with-nbconvert
set -eu
BIN=$(realpath "$1"); VENV=$2
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export JUPYTER_PATH="$WORK/share/jupyter" JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime"
export JUPYTER_CONFIG_DIR="$WORK/config" JUPYTER_PLATFORM_DIRS=1
"$BIN" kernel install --prefix "$WORK"
"$BIN" convert kernel-run.gbook -o "$WORK/kernel-run.ipynb"
"$VENV/bin/jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=gradbook \
    --output-dir . --output kernel-run.executed "$WORK/kernel-run.ipynb"
