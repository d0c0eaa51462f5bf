# Shared by the terminal suites (sourced, not run): find the binary, start gradbook
# in a private tmux server, type into it and wait for what a person would see.
# Every wait is bounded. The sourcing script sets PREFIX (socket and folder name)
# and may set GB_COLS, GB_ROWS, GB_HOME and SCREEN_HISTORY before sourcing, and
# GB_ARGS (arguments for gradbook) before any launch.

BIN=${1:-${GRADBOOK:-.build/release/gradbook}}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
if [ ! -x "$BIN" ]; then echo "no gradbook binary at $BIN"; echo "0 passed, 1 failed"; exit 1; fi
if ! command -v tmux >/dev/null; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -qq tmux >/dev/null 2>&1 || { echo "tmux missing"; echo "0 passed, 1 failed"; exit 1; }
fi

SOCKET="$PREFIX-$$"
WORK=$(mktemp -d "/tmp/gradbook-$PREFIX-XXXXXX")
GB_COLS=${GB_COLS:-110}
GB_ROWS=${GB_ROWS:-45}
GB_HOME=${GB_HOME:-$WORK}
# Lines of scrollback that `screen` includes ("" for the visible pane only).
SCREEN_HISTORY=${SCREEN_HISTORY:-}
PASSED=0
FAILED=0
tm() { tmux -L "$SOCKET" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT

# screen: what the pane shows (with SCREEN_HISTORY lines of scrollback).
screen() {
    if [ -n "$SCREEN_HISTORY" ]; then tm capture-pane -p -S "-$SCREEN_HISTORY" -t gb 2>/dev/null
    else tm capture-pane -p -t gb 2>/dev/null; fi
}
# The last non-empty line of the visible pane (where the cursor's prompt is).
last_line() { tm capture-pane -p -t gb 2>/dev/null | sed '/^[[:space:]]*$/d' | tail -n 1; }

# wait_for TEXT [SECONDS]: true once TEXT is on the screen.
wait_for() {
    local text=$1 limit=${2:-10} i
    for ((i = 0; i < limit * 20; i++)); do
        screen | grep -qF -- "$text" && return 0
        sleep 0.05
    done
    return 1
}
# wait_prompt [SECONDS]: true once the last line is an empty primary prompt.
wait_prompt() {
    local limit=${1:-10} i
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

# launch: a fresh tmux server running gradbook in a clean environment.
launch() {
    local i
    tm kill-server >/dev/null 2>&1
    # The old server takes a moment to go; starting too soon races with its exit.
    for ((i = 0; i < 40; i++)); do tm has-session -t gb 2>/dev/null || break; sleep 0.05; done
    sleep 0.2
    tm new-session -d -s gb -x "$GB_COLS" -y "$GB_ROWS" \
        "env -i PATH=$PATH HOME=$GB_HOME TERM=xterm NO_COLOR=1 $BIN ${GB_ARGS:-}; echo '[gradbook exited]'; sleep 30"
}
send() { tm send-keys -t gb "$@"; }
# tmux reads an argument's final ';' as its own command separator; '\;' types it.
type_line() {
    local text=$1
    [[ $text == *";" ]] && text="${text%;}\\;"
    send -l -- "$text"; send Enter
}
