"""Shutting the kernel down: a shutdown_request is answered and the process
then leaves on its own, before KernelManager would have to kill it."""

import time

from jupyter_client import KernelManager

from kernel_driver import run_cell


def started():
    km = KernelManager(kernel_name="gradbook")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return km, kc


def wait_exit(km, seconds):
    """True once the kernel process has exited, polling up to seconds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if km.provisioner.process.poll() is not None:
            return True
        time.sleep(0.02)
    return False


def test_shutdown_request_is_answered_and_the_process_exits():
    km, kc = started()
    try:
        msg_id = kc.shutdown()
        reply = kc.control_channel.get_msg(timeout=10)
        assert reply["msg_type"] == "shutdown_reply", reply["msg_type"]
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"].get("status", "ok") == "ok", reply["content"]
        assert reply["content"]["restart"] is False, reply["content"]
        assert wait_exit(km, 3), "the kernel process is still running 3 s after shutdown_reply"
        assert km.provisioner.process.returncode == 0, km.provisioner.process.returncode
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)


def test_shutdown_kernel_returns_promptly_and_the_process_is_gone():
    km, kc = started()
    kc.stop_channels()
    process = km.provisioner.process
    start = time.monotonic()
    km.shutdown_kernel(now=False)
    elapsed = time.monotonic() - start
    # KernelManager waits shutdown_wait_time (5 s) before it kills a kernel that
    # did not leave by itself, so a prompt return means a clean exit.
    assert elapsed < 3, f"shutdown_kernel took {elapsed:.2f} s"
    assert process.poll() is not None, "the kernel process is still running"
    assert not km.is_alive()


def test_restart_gives_a_fresh_session_promptly():
    km, kc = started()
    try:
        first = run_cell(kc, "kept = 1").content["execution_count"]
        old = km.provisioner.process
        start = time.monotonic()
        km.restart_kernel(now=False)
        elapsed = time.monotonic() - start
        # As for shutdown_kernel: 5 s would mean the old kernel had to be killed.
        assert elapsed < 3, f"restart_kernel took {elapsed:.2f} s"
        assert old.poll() is not None, "the old kernel process is still running"
        kc.wait_for_ready(timeout=30)
        run = run_cell(kc, "kept")
        assert run.status == "error" and run.content["ename"] == "NameError", run.describe()
        assert run.content["execution_count"] == first, "a new session counts from the start again"
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
