#!/usr/bin/env bash
# JupyterLab with the Gradbook kernel, driven in headless Chromium through Selenium.
# Chromium and its driver are Debian's (`chromium`, `chromium-driver`, installed with
# apt-get when missing); JupyterLab and Selenium come from PyPI, pinned in
# requirements.txt here and installed on top of the gateway tests' venv
# (.build/gateway-venv), which already holds jupyter_server.
#
# When Chromium cannot be installed the test is skipped and says why: it never
# passes silently. Screenshots go to .build/test-output/browser (BROWSER_OUTPUT).
#
# Usage: Tests/browser/run.sh [path/to/gradbook]   (default .build/release/gradbook)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:-$REPO/.build/release/gradbook}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then echo "no gradbook binary at $BIN (make build first)"; echo "0 passed, 1 failed"; exit 1; fi
VENV=${GATEWAY_VENV:-$REPO/.build/gateway-venv}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    if ! reason=$($SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver 2>&1 >/dev/null); then
        echo "browser test SKIPPED: cannot install Debian's chromium and chromium-driver:"
        printf '%s\n' "$reason" | tail -n 3 | sed 's/^/    /'
        exit 0
    fi
fi

# shellcheck source=/dev/null
. "$REPO/Tests/jupyter/venv.sh"
ensure_venv "$VENV" "$REPO/Tests/gateway/requirements.txt" || { echo "0 passed, 1 failed"; exit 1; }
ensure_venv "$VENV" "$HERE/requirements.txt" || { echo "0 passed, 1 failed"; exit 1; }

WORK=$(mktemp -d /tmp/gradbook-browser-XXXXXX)
cleanup() {
    # Kernels this run started name its folder in their command line (their connection file).
    for dir in /proc/[0-9]*; do
        if tr '\0' ' ' 2>/dev/null <"$dir/cmdline" | grep -q -- "$WORK/runtime"; then kill -9 "${dir#/proc/}" 2>/dev/null || true; fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
export GRADBOOK_BIN="$BIN" BROWSER_WORK="$WORK" BROWSER_OUTPUT="${BROWSER_OUTPUT:-$REPO/.build/test-output/browser}"
export CHROMIUM=$(command -v chromium) CHROMEDRIVER=$(command -v chromedriver)
export JUPYTER_PATH="$WORK/share/jupyter"
export JUPYTER_DATA_DIR="$WORK/data" JUPYTER_RUNTIME_DIR="$WORK/runtime" JUPYTER_CONFIG_DIR="$WORK/config"
export JUPYTER_PLATFORM_DIRS=1 PYTHONDONTWRITEBYTECODE=1 HOME="$WORK/home"
# Selenium must not look for a driver on the network: the one above is used.
export SE_OFFLINE=true
mkdir -p "$WORK/runtime" "$HOME"
"$BIN" kernel install --prefix "$WORK" >/dev/null

cd "$REPO"
"$VENV/bin/python" -m pytest -p no:cacheprovider -q -rfE "$HERE"
echo "screenshots: $BROWSER_OUTPUT"
