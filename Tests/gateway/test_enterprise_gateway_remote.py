"""Gradbook kernels on "remote" hosts behind Enterprise Gateway: the kernelspec
deploy/enterprise-gateway/kernel.json (DistributedProcessProxy and the launcher
deploy/enterprise-gateway/launch_gradbook.py), installed as docs/deploy.md says,
with the one machine's names for the cluster's: remote_hosts=localhost, the
kernel listening on 127.0.0.1 rather than every interface, this build's binary,
and for the host's python3 the gateway's venv's, which has pycryptodomex as a
kernel host's python3 must.

For a host that resolves to this machine Enterprise Gateway starts the launcher
itself instead of through ssh; everything after that is the remote protocol: the
launcher picks the ports, reports them encrypted to the gateway's response
address, and the gateway decodes them with its own code, connects, interrupts,
restarts and shuts down through them. ssh is the one part not exercised.
"""

import asyncio
import json
import os
import shutil

import pytest

from conftest import (TOKEN, enterprise_gateway_argv, jupyter_env, leftover_check, run_async, start_server,
                      work_dir)
from gateway_client import Gateway, live_processes
from scenario import Fleet, median

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEPLOY = os.path.join(REPO, "deploy", "enterprise-gateway")
KERNELS = int(os.environ.get("EG_REMOTE_KERNELS", "3"))
NAME = "gradbook_cluster"
# docs/deploy.md's example range: the launcher must put every port inside it.
PORT_RANGE = (40000, 41000)


def record_startup(seconds):
    """Start-up to first reply through the launcher, for docs/performance.md."""
    path = os.environ.get("GATEWAY_FIGURES")
    if not path:
        return
    figures = json.load(open(path)) if os.path.exists(path) else {}
    figures["enterprise_gateway_remote"] = {"kernels": len(seconds),
                                            "startup_to_first_reply_s_median": round(median(seconds), 3)}
    with open(path, "w") as f:
        json.dump(figures, f, indent=1, sort_keys=True)


def install_cluster_kernelspec():
    """Copies the kernelspec and launcher where a host keeps them, substituting the
    names docs/deploy.md gives a real cluster with this machine's; fails if one is
    missing, so the file and this test cannot drift apart."""
    target = os.path.join(work_dir(), "share", "jupyter", "kernels", NAME)
    os.makedirs(target, exist_ok=True)
    shutil.copy(os.path.join(DEPLOY, "launch_gradbook.py"), target)
    text = open(os.path.join(DEPLOY, "kernel.json")).read()
    for old, new in (('"python3", ', f'"{os.environ["EG_PYTHON"]}", '),
                     (f"/usr/local/share/jupyter/kernels/{NAME}", target),
                     ("/usr/local/bin/gradbook", os.environ["GRADBOOK_BIN"]),
                     ('"remote_hosts": "node1,node2,node3"', '"remote_hosts": "localhost"'),
                     ('"--ip", "0.0.0.0"', '"--ip", "127.0.0.1"')):
        assert old in text, f"deploy/enterprise-gateway/kernel.json no longer holds {old!r}"
        text = text.replace(old, new)
    spec = json.loads(text)
    with open(os.path.join(target, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=1)
    return spec


def launchers():
    """pid -> command line of the launchers this run started."""
    return {pid: line for pid, line in live_processes().items()
            if "launch_gradbook.py" in line and work_dir() in line}


def parent(pid):
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[1].split()[1])
    except OSError:
        return None


def processes_naming(text):
    """pid -> command line of processes (zombies too) whose command line holds `text`."""
    return {pid: line for pid, line in live_processes(zombies=True).items() if text in line}


class RemoteFleet(Fleet):
    """A fleet whose kernels are found through their launchers: the gateway passes a
    remote launcher no Jupyter folders, so the kernel's connection file lies in the
    host's temporary folder, not under this run's."""

    def pid(self, k):
        mine = launchers()
        for pid, line in processes_naming(f"kernel-{self.ids[k]}.json").items():
            if parent(pid) in mine and " kernel -f " in line:
                return pid
        return None

    def leftovers(self):
        return {pid: line for kernel_id in self.ids for pid, line in processes_naming(kernel_id).items()
                if "launch_gradbook" in line or " kernel -f " in line}


@pytest.fixture
def remote_gateway():
    if not os.environ.get("EG_PYTHON"):
        pytest.skip("EG_PYTHON is not set: Enterprise Gateway's venv could not be made")
    install_cluster_kernelspec()
    env = jupyter_env()
    # The address the launchers report to, and where kernel logs go (default /tmp).
    env.update(EG_RESPONSE_IP="127.0.0.1", EG_KERNEL_LOG_DIR=work_dir())
    server = start_server("enterprise-gateway-remote", enterprise_gateway_argv,
                          f"--EnterpriseGatewayApp.port_range={PORT_RANGE[0]}..{PORT_RANGE[1]}", env=env)
    yield server
    server.stop()
    leftover_check("Enterprise Gateway (remote)")
    left = launchers()
    for pid in left:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
    assert not left, f"launchers outlived their kernels: {left}"


def test_kernels_started_by_the_launcher_behind_the_distributed_proxy(remote_gateway):
    async def scenario():
        gateway = Gateway(remote_gateway.port, TOKEN)
        fleet = RemoteFleet(gateway, work_dir(), kernel_name=NAME)
        try:
            await fleet.start(KERNELS)
            # Each kernel is the launcher's child, on the connection file the launcher
            # wrote, with the kernelspec's flags after `--`.
            for k in range(KERNELS):
                pid = fleet.pid(k)
                assert pid is not None, f"no kernel process for {fleet.ids[k]}"
                kernel_line = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode()
                assert kernel_line.rstrip().endswith("--max-memory 2G"), kernel_line
                connection = json.load(open(kernel_line.split(" -f ")[1].split()[0]))
                ports = [connection[f"{name}_port"] for name in ("shell", "iopub", "stdin", "control", "hb")]
                assert all(PORT_RANGE[0] <= p <= PORT_RANGE[1] for p in ports), ports
                assert connection["ip"] == "127.0.0.1" and len(connection["key"]) == 32, connection
            record_startup(fleet.startup_seconds)
            await fleet.assign_names()
            await fleet.train_all()
            await fleet.error_all()
            # Past the kernelspec's --max-memory 2G: an error in the cell, the kernel goes on.
            run = await fleet.channels[0].execute("z = zeros(20000, 20000)")
            assert run.content["status"] == "error", run.describe()
            assert "(20000, 20000) needs 3.0 GiB, past the memory limit of 2.0 GiB" in run.content["evalue"], \
                run.describe()
            await asyncio.gather(fleet.interrupt(0), fleet.restart(1), fleet.check_names(range(2, KERNELS)))
            await fleet.check_names(range(KERNELS))
            await fleet.shutdown_all()
            deadline = asyncio.get_running_loop().time() + 15
            while (launchers() or fleet.leftovers()) and asyncio.get_running_loop().time() < deadline:
                await asyncio.sleep(0.2)
            assert launchers() == {}, f"launchers outlived their kernels: {launchers()}"
            assert fleet.leftovers() == {}, f"kernels outlived their shutdown: {fleet.leftovers()}"
        finally:
            for ch in fleet.channels:
                ch.close()
            gateway.close()
    run_async(scenario(), timeout=300)
