"""Starts Jupyter Kernel Gateway and Enterprise Gateway on 127.0.0.1 with the
Gradbook kernelspec, and stops them afterwards whatever happened.

Tests/gateway/run.sh sets GRADBOOK_BIN, the venvs (GATEWAY_PYTHON for Kernel
Gateway, EG_PYTHON for Enterprise Gateway, which pins an older jupyter_client and
so has a venv of its own) and GATEWAY_WORK, a temporary folder holding every
Jupyter directory. Kernels' connection files live under it, so a kernel process
this suite started is one whose command line names that folder: teardown kills
any such process left and fails the test that left it.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))
from gateway_client import Gateway, GatewayError, kernel_processes  # noqa: E402

TOKEN = "gradbook-gateway-test"
READY_SECONDS = 60


def work_dir():
    path = os.environ.get("GATEWAY_WORK", "")
    assert path and os.path.isdir(path), "GATEWAY_WORK is not set (run Tests/gateway/run.sh BIN)"
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_api(port, process, log_path):
    """Polls GET /api until the server answers; bounded in time and count."""
    import urllib.request
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the gateway exited with {process.returncode}:\n{tail(log_path)}")
        try:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api",
                                             headers={"Authorization": f"token {TOKEN}"})
            with urllib.request.urlopen(request, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the gateway did not answer within {READY_SECONDS} s:\n{tail(log_path)}")


def tail(path, lines=40):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no log)"


class Server:
    """A gateway process, its port and its log."""

    def __init__(self, name, argv, port, env):
        self.name = name
        self.port = port
        self.log_path = os.path.join(work_dir(), f"{name}-{port}.log")
        self.log = open(self.log_path, "w")
        # Its own session: a signal meant for it never reaches pytest, and pytest's
        # Ctrl-C does not bypass the orderly shutdown below.
        self.process = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                        cwd=work_dir(), start_new_session=True)
        try:
            wait_for_api(port, self.process, self.log_path)
        except RuntimeError:
            self.stop()
            raise

    def stop(self):
        """SIGTERM (the gateway shuts its kernels down), then SIGKILL after 20 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        self.log.close()


def jupyter_env():
    env = dict(os.environ)
    work = work_dir()
    env.update(JUPYTER_DATA_DIR=f"{work}/data", JUPYTER_RUNTIME_DIR=f"{work}/runtime",
               JUPYTER_CONFIG_DIR=f"{work}/config", JUPYTER_PLATFORM_DIRS="1")
    return env


def kernel_gateway_argv(port, *extra):
    """Kernel Gateway's command line, the one docs/deploy.md shows."""
    return [os.environ["GATEWAY_PYTHON"], "-m", "kernel_gateway",
            "--KernelGatewayApp.ip=127.0.0.1", f"--KernelGatewayApp.port={port}",
            "--KernelGatewayApp.port_retries=0", f"--KernelGatewayApp.auth_token={TOKEN}",
            "--KernelGatewayApp.default_kernel_name=gradbook",
            "--JupyterWebsocketPersonality.list_kernels=True", *extra]


def enterprise_gateway_argv(port, *extra):
    """Enterprise Gateway's command line, the one docs/deploy.md shows."""
    return [os.environ["EG_PYTHON"], "-m", "enterprise_gateway",
            "--EnterpriseGatewayApp.ip=127.0.0.1", f"--EnterpriseGatewayApp.port={port}",
            "--EnterpriseGatewayApp.port_retries=0", f"--EnterpriseGatewayApp.auth_token={TOKEN}",
            "--EnterpriseGatewayApp.default_kernel_name=gradbook",
            "--EnterpriseGatewayApp.list_kernels=True", *extra]


def leftover_check(name):
    """Kills kernels this suite started that are still alive and says which."""
    deadline = time.monotonic() + 10
    left = kernel_processes(work_dir())
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = kernel_processes(work_dir())
    for pid in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    if left:
        raise AssertionError(f"{name} left kernel processes behind: {left}")


def start_server(name, argv_for, *extra, env=None):
    port = free_port()
    return Server(name, argv_for(port, *extra), port, env or jupyter_env())


@pytest.fixture
def kernel_gateway():
    """A Kernel Gateway serving the Gradbook kernelspec; stopped, and checked for
    leftover kernels, after the test."""
    server = start_server("kernel-gateway", kernel_gateway_argv)
    yield server
    server.stop()
    leftover_check("Kernel Gateway")


@pytest.fixture
def enterprise_gateway():
    if not os.environ.get("EG_PYTHON"):
        pytest.skip("EG_PYTHON is not set: Enterprise Gateway's venv could not be made")
    server = start_server("enterprise-gateway", enterprise_gateway_argv)
    yield server
    server.stop()
    leftover_check("Enterprise Gateway")


def run_async(coroutine, timeout=600):
    """Runs a test's coroutine with an overall bound, so a hang fails instead of stalling make test."""
    async def bounded():
        return await asyncio.wait_for(coroutine, timeout)
    return asyncio.run(bounded())


__all__ = ["Gateway", "GatewayError", "TOKEN", "run_async", "start_server", "kernel_gateway_argv",
           "enterprise_gateway_argv", "leftover_check", "work_dir"]
