"""The terminal suite's sessions (Tests/terminal/session_replay_test.sh), run through
the kernel: the lines a person typed or pasted become cells (a block is gathered
until the kernel's is_complete says it is whole, as the prompt's `..>` does), a
bracketed paste is one cell, Ctrl-C is the stop button, Ctrl-D drops an unfinished
block. Each session ends with `:save`, and the notebook must replay with no
failure, as the terminal's does; given the terminal suite's saves (TERMINAL_SAVES,
from its KEEP_SAVES), it must be the same notebook."""

import os
import re
import tempfile
import time

import pytest

from conftest import run_gradbook
from kernel_driver import collect_iopub, request, run_cell, shell_reply

SCRIPT = os.path.join(os.path.dirname(__file__), "..", "terminal", "session_replay_test.sh")


def load_sessions():
    """NAME -> list of (kind, text) steps, parsed from the shell script's `session` calls."""
    with open(SCRIPT) as f:
        source = f.read()
    sessions = {}
    for name, body in re.findall(r'^session (\w+) "(.*?)"$', source, flags=re.S | re.M):
        steps = []
        for line in body.split("\n"):
            if not line:
                continue
            kind, _, text = line.partition(" ")
            # Undo the shell's double-quote escapes.
            steps.append((kind, text.replace('\\"', '"').replace("\\\\", "\\")))
        sessions[name] = steps
    return sessions


SESSIONS = load_sessions()


def test_the_script_defines_the_sessions():
    assert len(SESSIONS) >= 38, sorted(SESSIONS)


def is_complete(kc, code):
    return request(kc, "is_complete", code)["content"]["status"] != "incomplete"


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_terminal_session_through_the_kernel_saves_a_notebook_that_replays(km_kc, name):
    km, kc = km_kc
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, name + ".gbook")
        pending = []
        running = None
        interrupted = 0

        def run(code, wait=True):
            nonlocal running
            if wait:
                run_cell(kc, code, timeout=60)
            else:
                running = kc.execute(code)

        for kind, text in SESSIONS[name]:
            text = text.replace("$WORK", work)
            if kind in ("L", "T", "P"):
                # A plain paste reaches the prompt as typed lines; a blank line
                # with nothing pending is no entry.
                for line in text.split("\\n") if kind == "P" else [text]:
                    if not pending and not line.strip():
                        continue
                    pending.append(line)
                    code = "\n".join(pending)
                    if is_complete(kc, code):
                        pending = []
                        run(code, wait=(kind != "T"))
            elif kind == "B":
                # A bracketed paste is one entry.
                run(text.replace("\\n", "\n"))
            elif kind == "C":
                if running is not None:
                    time.sleep(0.8)
                    km.interrupt_kernel()
                    shell_reply(kc, running, timeout=30)
                    collect_iopub(kc, running, timeout=10)
                    running = None
                    interrupted += 1
                pending = []
            elif kind == "D":
                pending = []
            elif kind == "E":
                with open(os.path.join(work, text), "w") as f:
                    f.write("precious = 1\n")
            elif kind == "S":
                path = os.path.join(work, text)
            # W, R, N and 1 look at the terminal's screen: nothing to run.
        if pending:
            run("\n".join(pending))
        saved = run_cell(kc, ":save " + path)
        assert saved.reply["content"]["status"] == "ok", saved.describe()
        with open(path) as f:
            text = f.read()
        # A stopped cell is kept out of the replay, as a skipped cell.
        assert text.count("#+ skip") == interrupted, text
        done = run_gradbook("run", path, timeout=300)
        assert done.returncode == 0 and " 0 failed" in done.stdout, done.stdout + done.stderr + "\n" + text
        # With the terminal suite's saves at hand (its KEEP_SAVES), the notebook is the
        # one the terminal saved, but for what a stop left (a partial loop's values).
        terminal = os.path.join(os.environ.get("TERMINAL_SAVES", ""), name + ".gbook")
        if os.environ.get("TERMINAL_SAVES") and os.path.exists(terminal) and not interrupted:
            with open(terminal) as f:
                assert text == f.read(), text
