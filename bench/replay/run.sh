#!/usr/bin/env bash
# Notebooks per second of `gradbook run -j N`: COPIES copies of the study notebooks
# (notebooks/*.gbook, taken in turn until there are COPIES files) replayed at each
# N of JOBS, every run checked to pass. On a machine that other work shares, the
# figure follows the cores free at the time: run it on a quiet machine, or compare
# N=1 and N=2 of the same run only.
#
# Usage: bench/replay/run.sh [path/to/gradbook]   (default .build/release/gradbook)
#   COPIES=200  JOBS="1 2"  NOTEBOOKS="notebooks/*.gbook"  (a glob or a list of files)
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
BIN=${1:-$REPO/.build/release/gradbook}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
[ -x "$BIN" ] || { echo "no gradbook binary at $BIN (make build first)"; exit 1; }
COPIES=${COPIES:-200}
JOBS=${JOBS:-1 2}
cd "$REPO"
# shellcheck disable=SC2206
sources=(${NOTEBOOKS:-notebooks/*.gbook})
[ ${#sources[@]} -gt 0 ] || { echo "no notebooks"; exit 1; }

WORK=$(mktemp -d /tmp/gradbook-replay-bench-XXXXXX)
trap 'rm -rf "$WORK"' EXIT
for ((i = 0; i < COPIES; i++)); do
    src=${sources[$((i % ${#sources[@]}))]}
    cp "$src" "$WORK/$(printf '%03d' "$i")-$(basename "$src")"
done
echo "$COPIES notebooks (${#sources[@]} distinct), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $JOBS; do
    t0=$(date +%s%N)
    if ! "$BIN" run -j "$n" --junit "$WORK/junit-$n.xml" "$WORK" >"$WORK/log-$n" 2>&1; then
        echo "-j $n: replay failed:"; tail -n 20 "$WORK/log-$n"; exit 1
    fi
    t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    awk -v n="$n" -v ms="$ms" -v c="$COPIES" -v s="$(tail -n 1 "$WORK/log-$n")" \
        'BEGIN { printf "-j %-2s %8.1f s  %6.2f notebooks/s   %s\n", n, ms / 1000, c / (ms / 1000), s }'
done
