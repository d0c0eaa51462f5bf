#!/usr/bin/env bash
# Scripted sessions typed into the gradbook REPL in a real terminal (tmux): errors,
# Ctrl-C in loops and fits, resets, redefined functions, blocks typed, pasted and
# abandoned with Ctrl-D, saves over existing files. Each session ends with `:save`,
# and the saved notebook must replay with `gradbook run` with no failure: what a
# person explores at the prompt always becomes a notebook that replays.
#
# Usage: Tests/terminal/session_replay_test.sh [path/to/gradbook]
# Prints "N passed, N failed" and exits non-zero when a session fails.
set -u

BIN=${1:-${GRADBOOK:-.build/release/gradbook}}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then echo "no gradbook binary at $BIN"; echo "0 passed, 1 failed"; exit 1; fi
command -v tmux >/dev/null || { echo "tmux missing"; echo "0 passed, 1 failed"; exit 1; }

SOCKET="gbsess-$$"
WORK=$(mktemp -d /tmp/gradbook-sessions-XXXXXX)
PASSED=0
FAILED=0
tm() { tmux -L "$SOCKET" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT
screen() { tm capture-pane -p -S -200 -t gb 2>/dev/null; }
last_line() { tm capture-pane -p -t gb 2>/dev/null | sed '/^[[:space:]]*$/d' | tail -n 1; }
wait_for() {
    local text=$1 limit=${2:-10} i
    for ((i = 0; i < limit * 20; i++)); do
        screen | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    return 1
}
wait_prompt() {
    local limit=${1:-15} i
    for ((i = 0; i < limit * 20; i++)); do
        [ "$(last_line)" = "gb>" ] && return 0
        sleep 0.05
    done
    return 1
}
# wait_any [SECONDS]: true once the last line is an empty primary or continuation prompt.
wait_any() {
    local limit=${1:-15} i line
    for ((i = 0; i < limit * 20; i++)); do
        line=$(last_line)
        [ "$line" = "gb>" ] || [ "$line" = "..>" ] && return 0
        sleep 0.05
    done
    return 1
}
send() { tm send-keys -t gb "$@"; }
type_line() {
    local text=$1
    [[ $text == *";" ]] && text="${text%;}\\;"
    send -l -- "$text"; send Enter
}
launch() {
    local i
    tm kill-server >/dev/null 2>&1
    for ((i = 0; i < 40; i++)); do tm has-session -t gb 2>/dev/null || break; sleep 0.05; done
    sleep 0.2
    tm new-session -d -s gb -x 120 -y 50 \
        "env -i PATH=$PATH HOME=$WORK/home TERM=xterm NO_COLOR=1 $BIN; echo '[gradbook exited]'; sleep 30"
    wait_prompt 15
}

# session NAME STEPS: runs STEPS (one per line) in a fresh REPL, saves, replays.
#   L text   type a line and wait for the primary prompt (or a continuation prompt)
#   T text   type a line without waiting
#   P text   paste: the text's '\n' become line breaks, sent in one go
#   C        Ctrl-C (after a short pause, so a loop is running)
#   D        Ctrl-D
#   W text   wait until text is on the screen
#   E path   create the file first (a notebook this session did not write)
#   S path   the file to save to (default s.gbook in the work folder)
session() {
    local name=$1 steps=$2 kind rest file="$WORK/$1.gbook" ok=1 out
    launch || { FAILED=$((FAILED + 1)); echo "FAIL $name: no prompt"; return; }
    while IFS= read -r step; do
        [ -z "$step" ] && continue
        kind=${step%% *}; rest=${step#* }
        case $kind in
            L) type_line "$rest"; sleep 0.15; wait_any 20 ;;
            T) type_line "$rest" ;;
            # The 'x' keeps the trailing line breaks that $(...) would strip.
            P) rest=$(printf '%bx' "$rest"); send -l -- "${rest%x}"; sleep 0.3; wait_any 20 ;;
            C) sleep 0.8; send C-c; wait_prompt 20 ;;
            D) send C-d; sleep 0.2 ;;
            W) wait_for "$rest" 20 || ok=0 ;;
            E) printf 'precious = 1\n' > "$WORK/$rest" ;;
            S) file="$WORK/$rest" ;;
        esac
    done <<< "$steps"
    wait_prompt 20 || ok=0
    type_line ":save $file"
    if wait_for "saved " 20 && [ $ok = 1 ]; then
        if out=$("$BIN" run "$file" 2>&1) && grep -q " 0 failed" <<< "$out"; then
            PASSED=$((PASSED + 1)); echo "ok   $name: $(tail -n 1 <<< "$out")"
        else
            FAILED=$((FAILED + 1)); echo "FAIL $name: replay"; sed 's/^/    /' <<< "$out"
            sed 's/^/    | /' "$file"
        fi
    else
        FAILED=$((FAILED + 1)); echo "FAIL $name: session"; screen | tail -n 25 | sed 's/^/    /'
    fi
    type_line ":quit"
}

session values "L x = 3
L y = x^2 + 1
L v = [1.0, 2, 3]
L v * y"
session name_error "L a = 1
L b = a + nope
W unknown name 'nope'
L c = a + 1"
session shape_error "L A = [[1, 2], [3, 4]]
L A @ [1, 2, 3]
L A @ [1, 1]"
session assertion "L assert(1 > 2, \"one is not more than two\")
W one is not more than two
L z = 5"
session syntax_error "L x = (1 +
L 2)
L y = ]
L y = 2"
session unfinished_block_error "L for i in range(3)
L     print(i))
L q = 7"
session ctrl_c_loop "L s = 0
L for i in range(1000000000)
L     s = s + 1
T end
C
L t = 1"
session ctrl_c_while "T while true
T end
C
L u = 2"
session ctrl_c_then_use "L k = 3
T while true k = k + 0 end
C
L k * 2"
session ctrl_c_fit "L X = randn(4000, 8);
L Y = randn(4000, 1);
L m = Sequential(Dense(8, 64), ReLU(), Dense(64, 1));
T h = fit(m, X, Y, epochs=100000, batch_size=8)
C
L 1 + 1"
session ctrl_c_minimize "L f(x) = sum((x - 1)^2)
T p = minimize(f, [0.0, 0.0], SGD(lr=1e-9), steps=1000000000)
C
L f([1, 1])"
session reset "L f(x) = x + 1
L f(1)
L :reset
L y = 1
L f(2)
W unknown name 'f'"
session reset_twice "L a = 1
L :reset
L :reset
L a = 2
L a"
session reset_at_end "L a = 1
L a + 1
L :reset"
session reset_then_redefine "L g(x) = 2*x
L :reset
L g(x) = 3*x
L g(2)"
session redefine_function "L f(x) = x^2
L f(3)
L f(x) = x^3
L f(3)"
session redefine_block_function "L function h(x)
L     return x + 1
L end
L h(1)
L function h(x)
L     return x + 2
L end
L h(1)"
session closure_redefined "L c = 2
L k = x -> c * x
L k(3)
L c = 10
L k(3)"
session typed_block "L function loss(w)
L     r = w - 1
L     return sum(r^2)
L end
L loss([1, 2, 3])"
session typed_if "L x = 4
L if x > 3
L     print(\"big\")
L else
L     print(\"small\")
L end"
session pasted_block "P function sq(x)\n    return x * x\nend\n
L sq(4)"
session pasted_lines "P a = 1\nb = a + 1\nc = b * 3\n
L c"
session pasted_with_blank_lines "P for i in range(2)\n\n    print(i)\n\nend\n\n
L 5"
session ctrl_d_drops_block "L function f(x)
T     return x
D
W dropped the unfinished entry
L z = 9"
session ctrl_c_drops_block "L for i in range(3)
T     print(i)
C
L w = 1"
session save_over_foreign_file "E foreign.gbook
S foreign.gbook
L x = 1
L :save $WORK/foreign.gbook
W this session did not write it
L :save! $WORK/foreign.gbook
L x + 1"
session save_twice "L x = 1
L :save $WORK/save_twice.gbook
L x = x + 1
L x"
session prose "L #' # A heading
L x = 1
L #' A remark about x
L x + 1"
session semicolons "L a = 1; b = 2;
L a + b
L c = a * 10;"
session print_and_echo "L for i in range(3)
L     print(i * 2)
L end
L precision(3)
L pi"
session error_inside_function "L function bad(x)
L     return x @ [1, 2, 3]
L end
L bad([1, 2])
L ok = 1"
session meta_commands "L x = 1
L :vars
L :history
L ?zeros
L :time 2 + 2
L x"
session check_command "L f(x) = x + 1
L f(1)
L :check
W replays as shown
L f(2)"
session error_then_fix "L M = [[1, 2], [2, 4]]
L inv(M)
L M = [[2, 0], [0, 2]]
L inv(M)"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
