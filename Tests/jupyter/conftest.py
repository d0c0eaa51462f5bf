"""Fixtures shared by the Jupyter tests: the gradbook binary under test and a
fresh kernel per test, started the way a front end starts it
(KernelManager by kernelspec name), so no test depends on another's state.

Tests/jupyter/run.sh sets GRADBOOK_BIN and points JUPYTER_PATH, JUPYTER_DATA_DIR,
JUPYTER_RUNTIME_DIR and JUPYTER_CONFIG_DIR at the venv and a temporary folder,
so the kernelspec found is the one installed for this binary.
"""

import os
import subprocess

import pytest
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


@pytest.fixture
def km_kc():
    """A started gradbook kernel and a ready blocking client; shut down afterwards."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=READY_SECONDS)
    except RuntimeError as error:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        pytest.fail(f"kernel not ready within {READY_SECONDS} s: {error}")
    yield km, kc
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel(now=True)


@pytest.fixture
def kc(km_kc):
    return km_kc[1]
