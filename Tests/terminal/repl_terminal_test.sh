#!/usr/bin/env bash
# Drives the gradbook REPL in a real terminal (tmux) and checks what a person
# would see: history across restarts, Tab completion, multi-line entries with the
# continuation prompt, Ctrl-C at the prompt and inside a long loop, and the offer
# to restore a session that was killed. Every wait is bounded.
#
# Usage: Tests/terminal/repl_terminal_test.sh [path/to/gradbook]
# Prints "N passed, N failed" and exits non-zero when a check fails.
set -u

PREFIX=gbterm
. "$(dirname "$0")/tmux_helpers.sh"

pass() { PASSED=$((PASSED + 1)); echo "ok   $1"; }
fail() {
    FAILED=$((FAILED + 1)); echo "FAIL $1"
    echo "---- screen ----"; screen | sed 's/^/    /'; echo "----------------"
}
# count TEXT: how many screen lines contain TEXT.
count() { screen | grep -cF -- "$1"; }
start() { launch; wait_prompt 15; }
clear_screen() { tm clear-history -t gb; send C-l; sleep 0.1; }

# 1. Multi-line input: an open `function` block continues with `..> `.
if start; then pass "the REPL starts and shows gb>"; else fail "the REPL starts and shows gb>"; fi
type_line "function twice(x)"
if wait_for "..>" 5; then pass "an open block gives the continuation prompt"; else fail "an open block gives the continuation prompt"; fi
type_line "    return 2 * x"
type_line "end"
wait_prompt 5
type_line "twice(21)"
if wait_for "42" 5 && wait_prompt 5; then pass "a multi-line function runs"; else fail "a multi-line function runs"; fi

# An open bracket continues too.
clear_screen
type_line "v = [1,"
wait_for "..>" 5
type_line " 2, 3]"
type_line "sum(v)"
if wait_for "6" 5 && wait_prompt 5; then pass "an open bracket continues the entry"; else fail "an open bracket continues the entry"; fi

# 2. Ctrl-C at the prompt abandons the line, even inside a continued entry.
clear_screen
send -l -- "this is abandoned"
send C-c
wait_prompt 5
type_line "if true"
wait_for "..>" 5
send C-c
if wait_prompt 5; then
    type_line "300 + 33"
    if wait_for "333" 5 && wait_prompt 5 && [ "$(count 'abandoned')" -le 1 ]; then
        pass "Ctrl-C at the prompt clears the line and the open block"
    else fail "Ctrl-C at the prompt clears the line and the open block"; fi
else fail "Ctrl-C at the prompt clears the line and the open block"; fi

# 3. Ctrl-C stops a long loop and keeps the variables.
clear_screen
type_line "kept = 7;"
wait_prompt 5
type_line "i = 0; while true i = i + 1; end"
sleep 1
send C-c
if wait_prompt 10; then
    type_line "kept + min(i, 1)"
    if wait_for "8" 5; then pass "Ctrl-C stops a while-true loop, variables intact"; else fail "Ctrl-C stops a while-true loop, variables intact"; fi
else fail "Ctrl-C stops a while-true loop, variables intact"; fi

# 4. Tab completion of a builtin name.
clear_screen
send -l -- "linspa"
send Tab
if wait_for "linspace" 5; then pass "Tab completes a builtin"; else fail "Tab completes a builtin"; fi
send C-u
send Enter
wait_prompt 5

# ... and of an attribute after `model.`, when the layers exist.
clear_screen
type_line "model = Dense(2, 3);"
wait_prompt 5
if screen | grep -q "error:"; then
    echo "skip Tab completes model. attributes (Dense is not available)"
else
    send -l -- "model."
    send Tab
    sleep 0.2
    send Tab
    if wait_for "model.b" 5; then pass "Tab completes model. attributes"; else fail "Tab completes model. attributes"; fi
    send C-u
    send Enter
fi

# 5. History survives a restart, multi-line entries as one item.
clear_screen
type_line "marker_value = 4321"
wait_for "4321" 5
wait_prompt 5
type_line ":quit"
wait_for "[gradbook exited]" 5
if start; then
    send Up
    if wait_for "marker_value = 4321" 5; then pass "Up recalls the last entry of the previous session"; else fail "Up recalls the last entry of the previous session"; fi
    send C-u
    send Enter
    wait_prompt 5
    clear_screen
    # Back through the history to the multi-line function: it comes back whole.
    for _ in $(seq 1 40); do
        send Up
        sleep 0.05
        if screen | grep -qF "function twice(x)"; then break; fi
    done
    if wait_for "function twice(x)" 2 && screen | grep -qF "return 2 * x"; then
        pass "a multi-line entry comes back whole after a restart"
    else fail "a multi-line entry comes back whole after a restart"; fi
    send C-c
    wait_prompt 5
else
    fail "the REPL restarts"
fi

# 6. A killed session is offered for restore.
clear_screen
type_line "restored_value = 99;"
wait_prompt 5
pid=$(tm list-panes -t gb -F '#{pane_pid}' 2>/dev/null)
# The pane runs `sh -c`; its child is gradbook.
gb_pid=""
[ -n "$pid" ] && gb_pid=$(pgrep -P "$pid" | head -n 1)
if [ -n "$gb_pid" ]; then kill -9 "$gb_pid"; fi
wait_for "[gradbook exited]" 5
launch
if wait_for "[y/n]" 10; then
    type_line "y"
    wait_prompt 10
    type_line "restored_value + 1"
    if wait_for "100" 5; then pass "a killed session is restored on request"; else fail "a killed session is restored on request"; fi
else
    fail "a killed session is offered for restore"
fi
type_line ":quit"
wait_for "[gradbook exited]" 5

# 7. Confinement a person asks for at the prompt: said at start, and a path outside
# is refused with the folders allowed and how to change them (not replay's wording).
mkdir -p "$WORK/allowed"
GB_ARGS="--allow-files $WORK/allowed"
clear_screen
if start; then
    if wait_for "File builtins are confined to" 2 && screen | grep -qF "$WORK/allowed and below (--allow-files)"; then
        pass "the prompt says it is confined"
    else fail "the prompt says it is confined"; fi
    type_line "save_csv(\"$WORK/allowed/in.csv\", [1, 2]); sum(load_csv(\"$WORK/allowed/in.csv\"))"
    if wait_for "3" 5 && [ -f "$WORK/allowed/in.csv" ]; then pass "an allowed folder is written"; else fail "an allowed folder is written"; fi
    type_line "save_csv(\"$WORK/out.csv\", [1, 2])"
    if wait_for "is outside the folders this session may touch" 5 && wait_for "to lift the confinement" 2 \
        && [ ! -f "$WORK/out.csv" ]; then
        pass "a path outside is refused, saying how to change it"
    else fail "a path outside is refused, saying how to change it"; fi
    type_line ":quit"
    wait_for "[gradbook exited]" 5
else
    fail "the REPL starts with --allow-files"
fi
GB_ARGS=""

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
