"""Interrupting a running cell: by the kernelspec's interrupt_mode through
KernelManager.interrupt_kernel (what JupyterLab's stop button does), by an
interrupt_request on the control channel, and by SIGINT. Each way the cell
fails with InterruptedError within 2 s and the session keeps its variables."""

import signal
import time

from kernel_driver import collect_iopub, shell_reply, run_cell

LOOP = "i = 0; while true i = i + 1; end"
PROMPT_SECONDS = 2.0


def start_loop(kc):
    """Sends the endless loop and returns its msg_id once the kernel is running it."""
    msg_id = kc.execute(LOOP)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        msg = kc.get_iopub_msg(timeout=deadline - time.monotonic())
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_input":
            time.sleep(0.3)  # let it get deep into the loop, not only to its start
            return msg_id
    raise AssertionError("the loop cell never reached execute_input")


def check_interrupted(kc, msg_id, interrupted_at):
    reply = shell_reply(kc, msg_id, timeout=10)
    elapsed = time.monotonic() - interrupted_at
    content = reply["content"]
    assert content["status"] == "error", content
    assert content["ename"] == "InterruptedError", content
    assert elapsed < PROMPT_SECONDS, f"reply took {elapsed:.2f} s after the interrupt"
    iopub = collect_iopub(kc, msg_id, timeout=10)
    assert [m["content"]["ename"] for m in iopub if m["msg_type"] == "error"] == ["InterruptedError"]


def check_session_intact(kc):
    run = run_cell(kc, "before + 1")
    assert run.status == "ok", run.describe()
    assert run.result()["data"]["text/plain"] == "42"
    # The loop ran for a while before it was stopped, and what it set is kept.
    run = run_cell(kc, "i > 1000")
    assert run.result()["data"]["text/plain"] == "true", run.describe()


def test_interrupt_kernel_stops_a_loop(km_kc):
    km, kc = km_kc
    assert run_cell(kc, "before = 41;").status == "ok"
    msg_id = start_loop(kc)
    interrupted_at = time.monotonic()
    km.interrupt_kernel()
    check_interrupted(kc, msg_id, interrupted_at)
    check_session_intact(kc)


def test_interrupt_request_message_stops_a_loop(kc):
    assert run_cell(kc, "before = 41;").status == "ok"
    msg_id = start_loop(kc)
    interrupted_at = time.monotonic()
    message = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(message)
    reply = kc.control_channel.get_msg(timeout=10)
    assert reply["msg_type"] == "interrupt_reply", reply["msg_type"]
    assert reply["parent_header"]["msg_id"] == message["header"]["msg_id"]
    check_interrupted(kc, msg_id, interrupted_at)
    check_session_intact(kc)


def test_sigint_stops_a_loop(km_kc):
    km, kc = km_kc
    assert run_cell(kc, "before = 41;").status == "ok"
    msg_id = start_loop(kc)
    interrupted_at = time.monotonic()
    km.signal_kernel(signal.SIGINT)
    check_interrupted(kc, msg_id, interrupted_at)
    check_session_intact(kc)
    assert km.is_alive()


def test_interrupt_while_idle_is_harmless(km_kc):
    km, kc = km_kc
    assert run_cell(kc, "before = 41;").status == "ok"
    km.interrupt_kernel()
    time.sleep(0.2)
    run = run_cell(kc, "before + 1")
    assert run.status == "ok", run.describe()
    assert run.result()["data"]["text/plain"] == "42"
