#!/usr/bin/env bash
# Scripted sessions typed into the gradbook REPL in a real terminal (tmux): errors,
# Ctrl-C in loops and fits, resets, redefined functions, blocks typed, pasted and
# abandoned with Ctrl-D, saves over existing files. Each session ends with `:save`,
# and the saved notebook must replay with `gradbook run` with no failure: what a
# person explores at the prompt always becomes a notebook that replays.
#
# Usage: Tests/terminal/session_replay_test.sh [path/to/gradbook]
# With KEEP_SAVES=DIR, each session's saved notebook is copied to DIR/NAME.gbook
# (Tests/jupyter/test_terminal_sessions.py compares the kernel's saves with them).
# Prints "N passed, N failed" and exits non-zero when a session fails.
set -u

PREFIX=gbsess GB_COLS=120 GB_ROWS=50 SCREEN_HISTORY=200
. "$(dirname "$0")/tmux_helpers.sh"

# session NAME STEPS: runs STEPS (one per line) in a fresh REPL, saves, replays.
#   L text   type a line and wait for the primary prompt (or a continuation prompt)
#   T text   type a line without waiting
#   P text   paste: the text's '\n' become line breaks, sent in one go
#   B text   bracketed paste (as a terminal pastes when readline asks): one entry, then Enter
#   C        Ctrl-C (after a short pause, so a loop is running)
#   D        Ctrl-D
#   W text   wait until text is on the screen
#   R regex  some screen line matches the extended regex (whole line: anchor it)
#   N regex  no screen line matches the extended regex
#   1 regex  exactly one screen line matches it
#   E path   create the file first (a notebook this session did not write)
#   S path   the file to save to (default s.gbook in the work folder)
session() {
    local name=$1 steps=$2 kind rest file="$WORK/$1.gbook" ok=1 out
    # Each session has its own history and journal, apart from the saved notebooks: a
    # journal left by the session before would make this one ask to restore it.
    GB_HOME=$WORK/home-$name
    mkdir -p "$GB_HOME"
    launch; wait_prompt 30 || { FAILED=$((FAILED + 1)); echo "FAIL $name: no prompt"; screen | tail -n 5 | sed 's/^/    /'; return; }
    while IFS= read -r step; do
        [ -z "$step" ] && continue
        kind=${step%% *}; rest=${step#* }
        case $kind in
            L) type_line "$rest"; sleep 0.15; wait_any 20 ;;
            T) type_line "$rest" ;;
            # The 'x' keeps the trailing line breaks that $(...) would strip.
            P) rest=$(printf '%bx' "$rest"); send -l -- "${rest%x}"; sleep 0.3; wait_any 20 ;;
            B) printf '%b' "$rest" > "$WORK/paste.txt"; tm load-buffer -b paste "$WORK/paste.txt"
               tm paste-buffer -p -d -b paste -t gb; sleep 0.3; send Enter; sleep 0.3; wait_any 20 ;;
            C) sleep 0.8; send C-c; wait_prompt 20 ;;
            D) send C-d; sleep 0.2 ;;
            W) wait_for "$rest" 20 || ok=0 ;;
            R) screen | grep -qE -- "$rest" || { ok=0; echo "    no line matches: $rest"; } ;;
            N) ! screen | grep -qE -- "$rest" || { ok=0; echo "    a line matches: $rest"; } ;;
            1) [ "$(screen | grep -cE -- "$rest")" = 1 ] || { ok=0; echo "    not one line matches: $rest"; } ;;
            E) printf 'precious = 1\n' > "$WORK/$rest" ;;
            S) file="$WORK/$rest" ;;
        esac
    done <<< "$steps"
    wait_prompt 20 || ok=0
    type_line ":save $file"
    if wait_for "saved " 20 && [ $ok = 1 ]; then
        if out=$("$BIN" run "$file" 2>&1) && grep -q " 0 failed" <<< "$out"; then
            PASSED=$((PASSED + 1)); echo "ok   $name: $(tail -n 1 <<< "$out")"
            [ -n "${KEEP_SAVES:-}" ] && mkdir -p "$KEEP_SAVES" && cp "$file" "$KEEP_SAVES/$name.gbook"
        else
            FAILED=$((FAILED + 1)); echo "FAIL $name: replay"; sed 's/^/    /' <<< "$out"
            sed 's/^/    | /' "$file"
        fi
    else
        FAILED=$((FAILED + 1)); echo "FAIL $name: session"; screen | tail -n 25 | sed 's/^/    /'
    fi
    type_line ":quit"
    wait_for "[gradbook exited]" 10
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
# Errors inside functions written in earlier entries: drawn where they were written,
# with a traceback innermost last.
session traceback_earlier_entries "L function scaled(v)
L     w = v * 2
L     return w @ [1, 2, 3]
L end
L outer(v) = scaled(v) + 1
L outer([1, 2])
W Traceback (most recent call last):
R ^ --> <repl 1>:3:12
R ^3 \|     return w @ \[1, 2, 3\]
R ^  File \"<repl 2>\", line 1, in outer
R ^  File \"<repl 1>\", line 3, in scaled
L ok = 1"
session traceback_recursion "L f(n) = f(n + 1)
L f(0)
W Previous line repeated 19999 more times
L f2(n) = n
L f2(1)"
# An unknown name in a later line of a paste: the lines before it run and print.
session paste_unknown_name_later "P a = 1\nprint(a + 41)\nb = a + nope\nc = 3\n
W unknown name 'nope'
R ^42$
L a"
session bracketed_paste_unknown_name_later "B a = 1\nprint(a + 41)\nb = a + nope\nc = 3
W unknown name 'nope'
R ^42$
R ^ --> <repl 1>:3:9
L a + 1"
session paste_unknown_keyword_later "P xs = [1, 2, 3]\nprint(sum(xs))\nplot(xs, xs, widht=30)\n
W did you mean 'width'?
R ^6$
L plot(xs, xs, width=30, height=6)"
# The bar is ended on every way out: an early stop, a converged minimize, Ctrl-C.
session progress_minimize_converges "L p = minimize(x -> sum((x - [1, 2])^2), [0.0, 0.0], Newton(), steps=100)
R ^\[1, 2\]$
N \].*\[1, 2\]"
session progress_fit_stops_early "L seed(1); m = Dense(2, 1); X = randn(16, 2); Y = zeros(16, 1);
L h = fit(m, X, Y, opt=SGD(lr=0), epochs=10, batch_size=16, val_X=X, val_Y=Y + 5, early_stopping=2);
L len(h.train)
R ^3$"
session progress_ctrl_c_fit "L X = randn(4000, 8);
L Y = randn(4000, 1);
L m = Sequential(Dense(8, 64), ReLU(), Dense(64, 1));
T h = fit(m, X, Y, epochs=100000, batch_size=8);
C
L 40 + 2
R ^42$
1 ^\[[=> ]*\] [0-9]+/"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
