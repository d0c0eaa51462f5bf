"""Fixtures shared by the Jupyter tests: the gradbook binary under test and a
fresh kernel per test, started the way a front end starts it
(KernelManager by kernelspec name), so no test depends on another's state.

Tests/jupyter/run.sh sets GRADBOOK_BIN and points JUPYTER_PATH, JUPYTER_DATA_DIR,
JUPYTER_RUNTIME_DIR and JUPYTER_CONFIG_DIR at the venv and a temporary folder,
so the kernelspec found is the one installed for this binary.
"""

import os
import queue
import subprocess
import time

import pytest
import zmq
from jupyter_client import KernelManager

KERNEL_NAME = "gradbook"
READY_SECONDS = 30


def gradbook_bin():
    """Absolute path of the gradbook executable under test."""
    path = os.environ.get("GRADBOOK_BIN", "")
    assert path and os.access(path, os.X_OK), \
        f"GRADBOOK_BIN={path!r} is not an executable (run Tests/jupyter/run.sh BIN)"
    return os.path.realpath(path)


def run_gradbook(*args, stdin=None, cwd=None, timeout=120):
    """Runs BIN with args and returns the CompletedProcess (text mode)."""
    return subprocess.run([gradbook_bin(), *args], input=stdin, cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture
def bin_path():
    return gradbook_bin()


def wait_ready(km, kc, seconds):
    """What client.wait_for_ready checks (a kernel_info_reply on shell, then a
    message on iopub, so the subscription is live), without its fixed 0.2 s
    iopub flush, which would add 10 s over the suite."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and km.is_alive():
        msg_id = kc.kernel_info()
        try:
            while True:
                reply = kc.get_shell_msg(timeout=1)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            kc.get_iopub_msg(timeout=0.1)
            return
        except queue.Empty:
            continue
    raise RuntimeError("no kernel_info_reply and iopub message"
                       + ("" if km.is_alive() else "; the kernel process has exited"))


@pytest.fixture
def km_kc():
    """A started gradbook kernel and a ready blocking client; shut down afterwards."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    # jupyter_client connects before the kernel listens; ZeroMQ's default retry
    # after 100-200 ms would be most of each test's set-up.
    context = zmq.Context()
    context.setsockopt(zmq.RECONNECT_IVL, 5)
    kc = km.client(context=context)
    kc.start_channels()
    try:
        wait_ready(km, kc, READY_SECONDS)
    except RuntimeError as error:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        pytest.fail(f"kernel not ready within {READY_SECONDS} s: {error}")
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)
    context.term()


@pytest.fixture
def kc(km_kc):
    return km_kc[1]
