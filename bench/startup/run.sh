#!/usr/bin/env bash
# Start-up time of `gradbook` reading empty piped input (exec to exit: the
# process gets as far as reading its first line, finds none and leaves),
# against CPython starting and running `pass`, measured in the same run.
#
# Usage: bench/startup/run.sh [path/to/gradbook]   (default .build/release/gradbook)
# Uses hyperfine when present (installing it with apt-get if it can), else a timed loop.
set -eu

BIN=${1:-.build/release/gradbook}
[ -x "$BIN" ] || { echo "no gradbook binary at $BIN (make build first)"; exit 1; }
DEBIAN_PY=/usr/bin/python3
PATH_PY=$(command -v python3 || true)

if ! command -v hyperfine >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
fi

if command -v hyperfine >/dev/null; then
    JSON=$(mktemp)
    # --shell=none: no shell start-up to subtract; hyperfine gives each command
    # /dev/null as standard input, which is what `echo '' | gradbook` exercises:
    # input that is not a terminal, read to its end.
    commands=("$BIN" "$DEBIAN_PY -c pass")
    [ -n "$PATH_PY" ] && [ "$PATH_PY" != "$DEBIAN_PY" ] && commands+=("$PATH_PY -c pass")
    hyperfine --shell=none --warmup 20 --runs 200 --export-json "$JSON" "${commands[@]}" >/dev/null
    python3 - "$JSON" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[0]["median"]
# Wall time suffers when other work shares the 2 cores; CPU time (user + system)
# much less, so both are shown.
print(f"{'command':<42} {'median ms':>10} {'min ms':>8} {'cpu ms':>7}  median vs gradbook")
for r in results:
    cpu = (r['user'] + r['system']) * 1e3
    print(f"{r['command']:<42} {r['median']*1e3:>10.2f} {r['min']*1e3:>8.2f} {cpu:>7.2f}  {r['median']/base:>6.2f}x")
PY
    rm -f "$JSON"
else
    run_loop() {
        local n=200 start end
        start=$(date +%s%N)
        for ((i = 0; i < n; i++)); do "$@" </dev/null >/dev/null; done
        end=$(date +%s%N)
        echo "$(( (end - start) / n / 1000 )) us mean over $n runs: $*"
    }
    run_loop "$BIN"
    run_loop "$DEBIAN_PY" -c pass
    [ -n "$PATH_PY" ] && run_loop "$PATH_PY" -c pass
fi
