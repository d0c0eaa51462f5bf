"""A session run through the kernel saves, with `:save` in a cell, a notebook that
replays: the kernel shares the prompt's Console, so errors, resets, redefinitions
and cells of several statements are written as the terminal writes them."""

import os
import tempfile

import pytest

from conftest import run_gradbook
from kernel_driver import run_cell

SESSIONS = {
    "errors": ["a = 1", "b = a + nope", "A = [[1, 2], [3, 4]]\nA @ [1, 2, 3]", "c = a + 1"],
    "reset": ["f(x) = x + 1", "f(1)", ":reset", "y = 1", "f(2)"],
    "redefined": ["f(x) = x^2", "f(3)", "f(x) = x^3", "f(3)"],
    "several_statements": ["a = 1\n# a comment\nb = a + 1\n\nprint(b * 3)\n\n", "b"],
    "error_in_earlier_function": ["function bad(x)\n    return x @ [1, 2, 3]\nend", "bad([1, 2])", "ok = 1"],
    "late_unknown_name": ["print(1)\nq = 2\nr = q + nope\ns = 3", "q"],
    "block": ["function loss(w)\n    r = w - 1\n    return sum(r^2)\nend", "loss([1, 2, 3])"],
}


@pytest.mark.parametrize("name", sorted(SESSIONS))
def test_kernel_session_saves_a_notebook_that_replays(kc, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, name + ".gbook")
        for cell in SESSIONS[name]:
            run_cell(kc, cell)
        run = run_cell(kc, ":save " + path)
        assert run.reply["content"]["status"] == "ok", run.reply
        with open(path) as f:
            text = f.read()
        done = run_gradbook("run", path)
        assert done.returncode == 0, done.stdout + text
        assert " 0 failed" in done.stdout
        if name == "reset":
            assert "#+ reset\ny = 1\n#> 1\n#+ error\nf(2)\n#> error: unknown name 'f'\n" in text
        if name == "several_statements":
            assert text == "a = 1\n#> 1\n# a comment\nb = a + 1\n#> 2\nprint(b * 3)\n#> 6\nb\n#> 2\n"


def test_saving_over_a_file_the_kernel_did_not_write_needs_save_bang(kc):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "mine.gbook")
        with open(path, "w") as f:
            f.write("precious = 1\n")
        run_cell(kc, "x = 2")
        refused = run_cell(kc, ":save " + path)
        assert refused.reply["content"]["status"] == "error"
        with open(path) as f:
            assert f.read() == "precious = 1\n"
        forced = run_cell(kc, ":save! " + path)
        assert forced.reply["content"]["status"] == "ok"
        with open(path) as f:
            assert f.read() == "x = 2\n#> 2\n"


def test_a_fit_interrupted_in_a_function_saves_a_notebook_that_replays(km_kc):
    """The stop button during a fit run by a function from an earlier cell: the cell is
    kept out of the replay (a skipped cell), the error's traceback names the function,
    and the saved notebook replays clean."""
    import time
    from kernel_driver import collect_iopub, shell_reply

    km, kc = km_kc
    assert run_cell(kc, "X = randn(4000, 8); Y = randn(4000, 1);").status == "ok"
    define = run_cell(kc, "function train(m)\n    while true\n        fit(m, X, Y, epochs=1, batch_size=8, verbose=false);\n    end\nend")
    assert define.status == "ok", define.describe()
    msg_id = kc.execute("train(Sequential(Dense(8, 64), ReLU(), Dense(64, 1)))")
    time.sleep(1.0)
    km.interrupt_kernel()
    reply = shell_reply(kc, msg_id, timeout=20)
    assert reply["content"]["status"] == "error", reply["content"]
    assert reply["content"]["ename"] == "InterruptedError", reply["content"]
    lines = reply["content"]["traceback"]
    assert any("in train" in line for line in lines), lines
    collect_iopub(kc, msg_id, timeout=10)
    assert run_cell(kc, "z = 1 + 1").status == "ok"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "interrupted.gbook")
        run = run_cell(kc, ":save " + path)
        assert run.reply["content"]["status"] == "ok", run.reply
        with open(path) as f:
            text = f.read()
        assert "#+ skip\ntrain(" in text, text
        done = run_gradbook("run", path)
        assert done.returncode == 0, done.stdout + text
        assert "3 passed, 0 failed (1 skipped)" in done.stdout, done.stdout + text
