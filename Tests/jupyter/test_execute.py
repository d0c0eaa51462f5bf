"""execute_request and kernel_info_request against the real kernel: outputs,
their message types and order, errors, and execution counts.

Expected texts come from gradbook itself outside the kernel (the piped-script
front end, or a notebook recorded with `run --update`), so the kernel must show
what the prompt and the notebook show.
"""

import os
import tempfile
import xml.etree.ElementTree as ET

from conftest import run_gradbook
from kernel_driver import request, run_cell, shell_reply, strip_ansi


def piped_output(script):
    """What `printf SCRIPT | BIN` prints: the REPL's own rendering of echoes."""
    done = run_gradbook(stdin=script)
    assert done.returncode == 0, f"BIN failed on {script!r}: {done.stderr}"
    return done.stdout


def recorded_output(cell):
    """The `#>` lines `BIN run --update` records for one cell, joined by newlines."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cell.gbook")
        with open(path, "w") as f:
            f.write(cell + "\n#> placeholder\n")
        done = run_gradbook("run", "--update", path)
        assert done.returncode == 0, f"run --update failed: {done.stdout}{done.stderr}"
        with open(path) as f:
            lines = [line[3:] if line.startswith("#> ") else line[2:]
                     for line in f.read().splitlines() if line.startswith("#>")]
    return "\n".join(lines)


def test_kernel_info_reply_describes_gradbook(kc):
    reply = request(kc, "kernel_info")
    c = reply["content"]
    assert reply["msg_type"] == "kernel_info_reply"
    assert c.get("status", "ok") == "ok"
    major, minor = (int(p) for p in c["protocol_version"].split(".")[:2])
    assert (major, minor) >= (5, 3), c["protocol_version"]
    assert c["implementation"] == "gradbook"
    info = c["language_info"]
    assert info["name"] == "gradbook"
    assert info["file_extension"] == ".gbook"
    assert info["mimetype"] == "text/x-gradbook"
    assert c["help_links"], "help_links is empty"
    for link in c["help_links"]:
        assert link.get("text") and link.get("url"), f"help link without text or url: {link}"
    assert isinstance(c["banner"], str) and c["banner"].strip(), "empty banner"


def test_last_echo_is_execute_result(kc):
    run = run_cell(kc, "x = 3; x^2")
    assert run.status == "ok", run.describe()
    result = run.result()
    assert result["data"]["text/plain"] == "9"
    assert result["execution_count"] == run.content["execution_count"]


def test_iopub_order_busy_input_outputs_idle(kc):
    code = "print(\"a\"); 6 * 7"
    run = run_cell(kc, code)
    types = [m["msg_type"] for m in run.iopub]
    states = [m["content"]["execution_state"] for m in run.of_type("status")]
    assert types[0] == "status" and states[0] == "busy", run.describe()
    assert types[1] == "execute_input", run.describe()
    assert run.iopub[1]["content"]["code"] == code
    assert run.iopub[1]["content"]["execution_count"] == run.content["execution_count"]
    assert types[-1] == "status" and states[-1] == "idle", run.describe()
    assert types[2:-1] == ["stream", "execute_result"], run.describe()
    assert run.result()["data"]["text/plain"] == "42"


def test_earlier_echoes_are_display_data(kc):
    run = run_cell(kc, "1 + 1\n2 * 5")
    assert run.status == "ok", run.describe()
    shown = run.of_type("display_data", "execute_result")
    assert [m["msg_type"] for m in shown] == ["display_data", "execute_result"], run.describe()
    assert shown[0]["content"]["data"]["text/plain"] == "2"
    assert shown[1]["content"]["data"]["text/plain"] == "10"


def test_silenced_statement_shows_nothing(kc):
    run = run_cell(kc, "z = 5;")
    assert run.status == "ok", run.describe()
    assert run.outputs == [], run.describe()
    assert run_cell(kc, "z").result()["data"]["text/plain"] == "5"


def test_tensor_result_matches_repl_text_and_has_html_table(kc):
    literal = "[[1.5, -2], [3, 40]]"
    expected = piped_output(f"A = {literal};\nA\n").rstrip("\n")
    run = run_cell(kc, f"A = {literal}\nA")
    assert run.status == "ok", run.describe()
    earlier = run.of_type("display_data")
    assert len(earlier) == 1, run.describe()
    assert earlier[0]["content"]["data"]["text/plain"] == expected
    data = run.result()["data"]
    assert data["text/plain"] == expected
    html = data.get("text/html", "")
    assert "<table" in html, f"no <table in text/html: {html[:200]!r}"
    for cell_text in ("1.5", "-2", "3", "40"):
        assert cell_text in html, f"{cell_text} missing from the table: {html!r}"
    assert html.count("<tr") >= 2, f"expected a row per matrix row: {html!r}"


def test_vector_result_has_html_table_too(kc):
    expected = piped_output("[0.25, -8, 1e3]\n").rstrip("\n")
    data = run_cell(kc, "[0.25, -8, 1e3]").result()["data"]
    assert data["text/plain"] == expected
    assert "<table" in data.get("text/html", ""), data


def test_symbolic_result_has_latex(kc):
    expected = piped_output('x = symbol("x");\nx^3/6 + x/2\n').rstrip("\n")
    data = run_cell(kc, 'x = symbol("x");\nx^3/6 + x/2').result()["data"]
    assert data["text/plain"] == expected
    assert data.get("text/latex") == "$$\\frac{x^{3}}{6} + \\frac{x}{2}$$", data


def test_print_goes_to_stdout_stream(kc):
    run = run_cell(kc, 'print("hi")')
    assert run.status == "ok", run.describe()
    assert run.stdout() == "hi\n", run.describe()


def test_plot_is_svg_display_data_with_summary(kc):
    cell = "plot(sin, 0, 6.28)"
    run = run_cell(kc, cell)
    assert run.status == "ok", run.describe()
    plots = [m for m in run.of_type("display_data")
             if "image/svg+xml" in m["content"]["data"]]
    assert len(plots) == 1, run.describe()
    data = plots[0]["content"]["data"]
    svg = data["image/svg+xml"]
    assert svg.lstrip().startswith(("<svg", "<?xml")), svg[:100]
    root = ET.fromstring(svg.encode())
    assert root.tag.endswith("svg"), root.tag
    assert data["text/plain"] == recorded_output(cell)


def test_singular_inverse_is_an_error_with_diagnostic(kc):
    run = run_cell(kc, "inv([[1, 2], [2, 4]])")
    assert run.status == "error", run.describe()
    errors = run.of_type("error")
    assert len(errors) == 1, run.describe()
    for content in (run.content, errors[0]["content"]):
        assert "singular" in content["evalue"], content
        text = strip_ansi("\n".join(content["traceback"]))
        assert "singular" in text, text
        assert f"error: {content['evalue']}" in text, text
        assert "-->" in text, text
    assert errors[0]["content"]["ename"] == run.content["ename"]


def test_undefined_name_is_name_error(kc):
    run = run_cell(kc, "y + 1")
    assert run.status == "error", run.describe()
    assert run.content["ename"] == "NameError", run.content
    assert "'y'" in run.content["evalue"], run.content


def test_error_in_an_earlier_cells_function_has_a_traceback(kc):
    assert run_cell(kc, "function scaled(v)\n    w = v * 2\n    return w @ [1, 2, 3]\nend").status == "ok"
    define = run_cell(kc, "function outer(v)\n    return scaled(v) + 1\nend")
    assert define.status == "ok", define.describe()
    run = run_cell(kc, "outer([1, 2])")
    assert run.status == "error", run.describe()
    errors = run.of_type("error")
    assert len(errors) == 1, run.describe()
    for content in (run.content, errors[0]["content"]):
        lines = [strip_ansi(line) for line in content["traceback"]]
        text = "\n".join(lines)
        assert lines[0] == "error: shape mismatch in @: (2,) and (3,)", text
        # The span is drawn in the cell that defined `scaled`, at its third line.
        assert "3 |     return w @ [1, 2, 3]" in lines, text
        start = lines.index("Traceback (most recent call last):")
        frames = [line for line in lines[start + 1:] if line.startswith("  File ")]
        assert len(frames) == 3, text
        assert frames[0].endswith(", line 1, in <module>"), text
        assert frames[1].endswith(", line 2, in outer"), text
        assert frames[2].endswith(", line 3, in scaled"), text
        # Innermost last, each with the line it was running.
        assert lines[-1] == "    return w @ [1, 2, 3]", text


def test_shape_mismatch_is_shape_error(kc):
    run = run_cell(kc, "[1, 2] @ [[1, 2, 3]]")
    assert run.status == "error", run.describe()
    assert run.content["ename"] == "ShapeError", run.content
    # The message recorded in notebooks/language-tour.gbook for the same cell.
    assert run.content["evalue"] == "shape mismatch in @: (2,) and (1, 3)"


def test_syntax_error_is_syntax_error(kc):
    run = run_cell(kc, "x = )")
    assert run.status == "error", run.describe()
    assert run.content["ename"] == "SyntaxError", run.content
    text = strip_ansi("\n".join(run.content["traceback"]))
    assert "x = )" in text, f"the diagnostic should quote the line: {text}"


def test_session_survives_an_error(kc):
    assert run_cell(kc, "keep = 7;").status == "ok"
    assert run_cell(kc, "undefined_thing(1)").status == "error"
    run = run_cell(kc, "keep * 6")
    assert run.status == "ok", run.describe()
    assert run.result()["data"]["text/plain"] == "42"


def test_execution_count_counts_non_silent_requests(kc):
    first = run_cell(kc, "1").content["execution_count"]
    second = run_cell(kc, "2").content["execution_count"]
    assert second == first + 1
    silent = run_cell(kc, "3", silent=True)
    assert silent.status == "ok", silent.describe()
    assert silent.of_type("execute_result", "execute_input") == [], silent.describe()
    failed = run_cell(kc, "nope_undefined").content["execution_count"]
    assert failed == second + 1, "a failed cell still takes a count; a silent one does not"
    assert run_cell(kc, "4").content["execution_count"] == second + 2


def test_an_error_aborts_the_cells_queued_behind_it(kc):
    # The first cell runs long enough (a few tenths of a second) that the next
    # two requests are queued when it fails, as with "Run all" in a front end.
    first = kc.execute("s = 0; for i in range(5000000) s = s + i; end; inv([[1, 2], [2, 4]])")
    queued = [kc.execute("queued_a = 1"), kc.execute("queued_b = 1")]
    assert shell_reply(kc, first, 60)["content"]["status"] == "error"
    for msg_id in queued:
        assert shell_reply(kc, msg_id, 30)["content"]["status"] == "aborted"
    run = run_cell(kc, "[s, i]")
    assert run.status == "ok", run.describe()
    # Statements before the failing one ran: the sum of 0..4999999 is 12499997500000.
    assert run.result()["data"]["text/plain"] == piped_output("[12499997500000, 4999999]\n").rstrip("\n")
    assert run_cell(kc, "queued_a").content["ename"] == "NameError"


def test_output_before_an_error_is_kept_in_order(kc):
    run = run_cell(kc, 'print("before"); inv([[1, 2], [2, 4]])')
    assert run.status == "error", run.describe()
    assert [m["msg_type"] for m in run.outputs] == ["stream", "error"], run.describe()
    assert run.stdout() == "before\n"
