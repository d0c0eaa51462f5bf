#!/usr/bin/env bash
# Replays every shipped notebook under each OpenBLAS kernel family this CPU can
# run, with one and with two BLAS threads. OpenBLAS picks its kernels by CPU at
# run time and each family rounds in its own order, so a rounding-sensitive cell
# that passes on the machine where it was recorded can fail on a classmate's:
# this finds it on any machine (docs/notebook-format.md, Rounding-sensitive cells).
#
#   bash Tests/replay/every-cpu.sh BIN [NOTEBOOK...]      (default: notebooks/*.gbook)
set -uo pipefail
cd "$(dirname "$0")/../.."
bin=${1:?usage: every-cpu.sh BIN [NOTEBOOK...]}
shift
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/*.gbook)

if [ "$(uname -m)" != x86_64 ]; then
    echo "every-cpu: OpenBLAS kernel families are x86-64 ones; $(uname -m) replays with its own only"
    "$bin" run "${notebooks[@]}" >/dev/null && echo "every-cpu: default kernels: passed"
    exit $?
fi

# A family needs the instructions its kernels use; forcing one the CPU lacks dies
# with SIGILL, so those are skipped and named.
flags=$(grep -m1 '^flags' /proc/cpuinfo)
has() { [[ " $flags " == *" $1 "* ]]; }
families=(Nehalem)
skipped=()
if has avx; then families+=(Sandybridge); else skipped+=(Sandybridge); fi
if has avx2 && has fma; then families+=(Haswell Zen); else skipped+=(Haswell Zen); fi
if has avx512f && has avx512vl && has avx512bw && has avx512dq; then families+=(SkylakeX); else skipped+=(SkylakeX); fi
if has avx512_bf16; then families+=(Cooperlake); else skipped+=(Cooperlake); fi

failed=0
for family in "${families[@]}"; do
    for threads in 1 2; do
        log=$(OPENBLAS_CORETYPE=$family OPENBLAS_NUM_THREADS=$threads "$bin" run "${notebooks[@]}" 2>&1)
        status=$?
        summary=$(printf '%s\n' "$log" | tail -n 1)
        if [ $status -eq 0 ]; then
            printf 'every-cpu: %-12s %d thread(s): %s\n' "$family" "$threads" "$summary"
        else
            failed=1
            printf 'every-cpu: %-12s %d thread(s): FAILED\n' "$family" "$threads"
            printf '%s\n' "$log" | grep -v ': [0-9]* passed, 0 failed' | sed 's/^/    /'
        fi
    done
done
[ ${#skipped[@]} -eq 0 ] || echo "every-cpu: this CPU cannot run the ${skipped[*]} kernels; not tried here"
exit $failed
