"""complete, inspect, is_complete and comm_info requests: what a front end asks
while a person types, answered from the builtin registry and the parser."""

import pytest

from kernel_driver import request, run_cell, strip_ansi


def test_complete_hessi_offers_hessian(kc):
    reply = request(kc, "complete", "hessi", 5)["content"]
    assert reply["status"] == "ok", reply
    assert "hessian" in reply["matches"], reply["matches"]
    assert all(m.startswith("hessi") for m in reply["matches"]), reply["matches"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (0, 5), reply


def test_complete_replaces_only_the_word_at_the_cursor(kc):
    code = "y = jacob"
    reply = request(kc, "complete", code, len(code))["content"]
    assert "jacobian" in reply["matches"], reply["matches"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (4, len(code)), reply


def test_complete_offers_names_defined_in_the_session(kc):
    assert run_cell(kc, "learning_rate = 0.1;").status == "ok"
    reply = request(kc, "complete", "learning_r", 10)["content"]
    assert "learning_rate" in reply["matches"], reply["matches"]


def test_inspect_hessian_shows_its_signature(kc):
    reply = request(kc, "inspect", "hessian", 7)["content"]
    assert reply["status"] == "ok", reply
    assert reply["found"] is True, reply
    text = strip_ansi(reply["data"]["text/plain"])
    # The signature as docs/reference.md (generated from the registry) gives it.
    assert "hessian(f, x" in text, text


def test_inspect_inside_a_call_shows_the_callee(kc):
    # Shift-Tab after `linspace(0, ` in JupyterLab: the cursor is on no name.
    code = "x = linspace(0, "
    reply = request(kc, "inspect", code, len(code))["content"]
    assert reply["found"] is True, reply
    assert "linspace(" in strip_ansi(reply["data"]["text/plain"])


def test_inspect_unknown_name_is_not_found(kc):
    reply = request(kc, "inspect", "no_such_builtin_xyz", 5)["content"]
    assert reply["status"] == "ok", reply
    assert reply["found"] is False, reply


@pytest.mark.parametrize("code, status", [
    ("function f(x)", "incomplete"),
    ("function f(x)\n    return x^2", "incomplete"),
    ("for i in range(3)", "incomplete"),
    ("function f(x)\n    return x^2\nend", "complete"),
    ("x = 1", "complete"),
    ("x = )", "invalid"),
])
def test_is_complete(kc, code, status):
    reply = request(kc, "is_complete", code)["content"]
    assert reply["status"] == status, f"{code!r}: {reply}"


def test_comm_info_is_empty(kc):
    reply = request(kc, "comm_info")["content"]
    assert reply.get("status", "ok") == "ok", reply
    assert reply["comms"] == {}, reply
