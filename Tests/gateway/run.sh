#!/usr/bin/env bash
# Gradbook kernels behind Jupyter Kernel Gateway and Enterprise Gateway, both from
# PyPI, on 127.0.0.1 only. Two venvs, each made once and reused while its pinned
# requirements file is unchanged (Tests/jupyter/venv.sh):
#   .build/gateway-venv  requirements.txt     Kernel Gateway, the test client, pytest
#   .build/eg-venv       requirements-eg.txt  Enterprise Gateway, which pins an older
#                                             jupyter_client than Kernel Gateway needs
# Prints the measured figures (docs/performance.md, "Kernels behind a gateway") at the end.
#
# Usage: Tests/gateway/run.sh [path/to/gradbook]   (default .build/release/gradbook)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:-$REPO/.build/release/gradbook}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then echo "no gradbook binary at $BIN (make build first)"; echo "0 passed, 1 failed"; exit 1; fi
VENV=${GATEWAY_VENV:-$REPO/.build/gateway-venv}
EG_VENV=${EG_VENV:-$REPO/.build/eg-venv}

# shellcheck source=/dev/null
. "$REPO/Tests/jupyter/venv.sh"
ensure_venv "$VENV" "$HERE/requirements.txt" || { echo "0 passed, 1 failed"; exit 1; }
EG_PYTHON=""
if ensure_venv "$EG_VENV" "$HERE/requirements-eg.txt"; then EG_PYTHON="$EG_VENV/bin/python"; fi

WORK=$(mktemp -d /tmp/gradbook-gateway-XXXXXX)
cleanup() {
    # Whatever pytest left (it should leave nothing; the tests fail if it does):
    # kernels are found by this run's folder in their command line, by pid.
    for dir in /proc/[0-9]*; do
        if tr '\0' ' ' 2>/dev/null <"$dir/cmdline" | grep -q -- "$WORK"; then kill -9 "${dir#/proc/}" 2>/dev/null || true; fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
export GRADBOOK_BIN="$BIN" GATEWAY_WORK="$WORK" GATEWAY_PYTHON="$VENV/bin/python" EG_PYTHON
export GATEWAY_FIGURES="$WORK/figures.json"
export JUPYTER_PATH="$WORK/share/jupyter"
export JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime" JUPYTER_CONFIG_DIR="$WORK/config"
export JUPYTER_PLATFORM_DIRS=1 PYTHONDONTWRITEBYTECODE=1
mkdir -p "$WORK/runtime"

# The kernelspec both gateways read, with Enterprise Gateway's process proxy named
# as docs/deploy.md shows it (Kernel Gateway ignores the metadata).
if ! "$BIN" kernel install --prefix "$WORK" >"$WORK/install.log" 2>&1; then
    echo "gradbook kernel install --prefix $WORK failed:"; cat "$WORK/install.log"
    echo "0 passed, 1 failed"; exit 1
fi
"$VENV/bin/python" - "$WORK/share/jupyter/kernels/gradbook/kernel.json" <<'EOF'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
spec["metadata"]["process_proxy"] = {
    "class_name": "enterprise_gateway.services.processproxies.processproxy.LocalProcessProxy"}
json.dump(spec, open(path, "w"), indent=1)
EOF

cd "$REPO"
status=0
"$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfEs "$HERE" || status=$?
if [ -f "$GATEWAY_FIGURES" ]; then echo "gateway figures:"; cat "$GATEWAY_FIGURES"; echo; fi
exit $status
