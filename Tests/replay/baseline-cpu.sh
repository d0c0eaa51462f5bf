#!/usr/bin/env bash
# Runs the release binary on a CPU without AVX, AVX2 or FMA (QEMU's Nehalem model,
# through Debian's qemu-user) and replays notebooks there. A binary built for a newer
# CPU dies with an illegal instruction on such a machine; this catches it on any host.
#
#   bash Tests/replay/baseline-cpu.sh BIN [NOTEBOOK...]   (default: two small study notebooks)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: baseline-cpu.sh BIN [NOTEBOOK...]}
shift
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/newton.gbook notebooks/B-backprop-gates.gbook)

if [ "$(uname -m)" != x86_64 ]; then
    echo "baseline-cpu: not an x86-64 host; nothing to emulate"
    exit 0
fi
command -v qemu-x86_64 >/dev/null || { echo "baseline-cpu: qemu-x86_64 missing (apt-get install qemu-user)" >&2; exit 1; }

# The emulated CPU must really lack AVX2, or the test proves nothing: the binary
# says which elementwise path and which OpenBLAS kernels it took.
version=$(qemu-x86_64 -cpu Nehalem "$bin" --version)
echo "baseline-cpu: under qemu-x86_64 -cpu Nehalem: $(printf '%s' "$version" | tail -n 1)"
if [[ "$version" != *"elementwise scalar"* ]]; then
    echo "baseline-cpu: the emulated CPU still offers AVX2; cannot test a baseline CPU" >&2
    exit 1
fi

status=0
# -j 1: worker processes would be started natively, outside the emulator.
log=$(qemu-x86_64 -cpu Nehalem "$bin" run -j 1 "${notebooks[@]}" 2>&1) || status=$?
if [ "$status" -ne 0 ]; then printf '%s\n' "$log" | sed 's/^/    /'; fi
echo "baseline-cpu: replay on an emulated Nehalem (no AVX): $(printf '%s\n' "$log" | tail -n 1)"
exit "$status"
