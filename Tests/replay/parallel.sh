#!/usr/bin/env bash
# `gradbook run -j N` and `--junit FILE`: worker processes report one line per
# notebook as each finishes, the summary and exit status are those of a serial run,
# the JUnit report parses and counts what happened, --update works through workers,
# and a worker killed mid-notebook costs that notebook only.
#
#   bash Tests/replay/parallel.sh BIN
set -uo pipefail
bin=${1:?usage: parallel.sh BIN}
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
work=$(mktemp -d /tmp/gradbook-parallel-XXXXXX)
runner=""
cleanup() {
    [ -n "$runner" ] && kill "$runner" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
passed=0 failed=0
check() {  # check NAME CONDITION-STATUS [DETAIL]
    if [ "$2" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL parallel: $1"; [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/    /'; fi
}

mkdir "$work/set"
printf 'x = 2\n#> 2\nx ^ 10\n#> 1024\n' >"$work/set/a-pass.gbook"
printf 'y = 3\n#> 4\n' >"$work/set/b-fail.gbook"
printf '#+ timeout=soon\nz = 1\n' >"$work/set/c-bad.gbook"
printf '#+ skip\nw = 1\n#> 1\n' >"$work/set/d-skip.gbook"
for i in 1 2 3 4; do printf 's = 0; for i in range(%d) s += i end; s\n#> %d\n' $((i * 1000)) $(( (i * 1000) * (i * 1000 - 1) / 2 )) >"$work/set/e-loop$i.gbook"; done

# Serial and parallel runs agree on every count and on the exit status.
serial=$("$bin" run -j 1 "$work/set" 2>&1); serial_status=$?
out=$("$bin" run -j 3 --junit "$work/report.xml" "$work/set" 2>&1); status=$?
check "exit status 1 on a failure (serial $serial_status, parallel $status)" $([ $status -eq 1 ] && [ $serial_status -eq 1 ]; echo $?) "$out"
check "same summary as a serial run" $([ "$(tail -n 1 <<<"$out")" = "$(tail -n 1 <<<"$serial")" ]; echo $?) "$serial
---
$out"
check "summary counts" $([ "$(tail -n 1 <<<"$out")" = "6 passed, 1 failed (1 skipped)" ]; echo $?) "$out"
lines=$(grep -cE '^(/tmp/[^ ]+: [0-9]+ passed|error: /tmp/)' <<<"$out")
check "one line per notebook ($lines of 8)" $([ "$lines" -eq 8 ]; echo $?) "$out"
check "the diff of the failed cell is shown" $(grep -q "^FAIL $work/set/b-fail.gbook:1: y = 3" <<<"$out"; echo $?) "$out"
junit=$(python3 - "$work/report.xml" <<'EOF'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find("testsuite")
cases = suite.findall("testcase")
print(root.tag, suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped"), len(cases),
      " ".join(c.get("name").rsplit("/", 1)[1] for c in cases),
      int(cases[1].find("failure") is not None and "y = 3" in cases[1].find("failure").text),
      int(cases[2].find("error") is not None))
EOF
)
check "the JUnit report parses and counts each outcome" \
    $([ "$junit" = "testsuites 8 1 1 1 8 a-pass.gbook b-fail.gbook c-bad.gbook d-skip.gbook e-loop1.gbook e-loop2.gbook e-loop3.gbook e-loop4.gbook 1 1" ]; echo $?) "$junit"

# All passing: exit 0, and the worker count may exceed the notebooks.
rm "$work/set/b-fail.gbook" "$work/set/c-bad.gbook"
out=$("$bin" run -j 16 "$work/set" 2>&1); status=$?
check "exit 0 when everything passes" $([ $status -eq 0 ] && [ "$(tail -n 1 <<<"$out")" = "6 passed, 0 failed (1 skipped)" ]; echo $?) "$out"

# --update through workers re-records in place.
printf 'v = 5\n#> 6\nv + 1\n#> 0\n' >"$work/set/f-stale.gbook"
out=$("$bin" run -j 2 --update "$work/set" 2>&1); status=$?
check "--update in workers exits 0 and re-records" $([ $status -eq 0 ] && grep -q "f-stale.gbook: re-recorded 2 cells" <<<"$out"; echo $?) "$out"
check "the re-recorded file replays" $("$bin" run -j 2 "$work/set/f-stale.gbook" >/dev/null 2>&1; echo $?)

# A worker killed mid-notebook: that notebook is an error naming the signal, the
# others all pass, and the run ends (a new worker takes the rest).
printf '#+ timeout=120\nwhile true end\n' >"$work/set/0-hang.gbook"
: >"$work/killed.out"
"$bin" run -j 2 "$work/set" >"$work/killed.out" 2>&1 &
runner=$!
deadline=$((SECONDS + 60))
# Wait until every other notebook has reported, so only the hanging one is in flight.
until [ "$(grep -c ' passed, ' "$work/killed.out")" -ge 7 ] || [ $SECONDS -ge $deadline ]; do sleep 0.1; done
killed=""
for stat in /proc/[0-9]*/stat; do
    read -r pid _ _ ppid _ <"$stat" 2>/dev/null || continue
    if [ "$ppid" = "$runner" ]; then kill -9 "$pid" && killed="$killed $pid"; fi
done
wait "$runner"; status=$?
runner=""
out=$(cat "$work/killed.out")
check "a killed worker is reported, the run ends with status 1 (killed:$killed)" \
    $([ -n "$killed" ] && [ $status -eq 1 ] && grep -q "^error: $work/set/0-hang.gbook: the worker replaying it was killed by signal 9" <<<"$out"; echo $?) "$out"
check "the other notebooks still pass" $([ "$(tail -n 1 <<<"$out")" = "8 passed, 0 failed (1 skipped)" ]; echo $?) "$out"

# Bad option values are refused before any work.
out=$("$bin" run -j 0 "$work/set" 2>&1); status=$?
check "-j 0 is refused" $([ $status -ne 0 ] && grep -q "at least 1" <<<"$out"; echo $?) "$out"

echo "parallel: $passed passed, $failed failed"
[ $failed -eq 0 ]
