"""`gradbook kernel install --allow-files DIR --max-memory SIZE`: the flags reach
every kernel Jupyter starts from that kernelspec. A kernel started by
jupyter_client from it, in a notebook's folder, may touch that folder and DIR
only, and refuses the allocation that takes it past the limit, then runs the
next cell.
"""

import json
import os
import tempfile

import zmq
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager

from conftest import READY_SECONDS, run_gradbook, wait_ready
from kernel_driver import run_cell


def install_with_flags(prefix, allowed):
    done = run_gradbook("kernel", "install", "--prefix", prefix,
                        "--allow-files", allowed, "--max-memory", "64M")
    assert done.returncode == 0, done.stdout + done.stderr
    return os.path.join(prefix, "share", "jupyter", "kernels", "gradbook")


def test_install_writes_the_flags_into_the_kernels_command_line(bin_path):
    with tempfile.TemporaryDirectory() as root:
        os.mkdir(os.path.join(root, "data"))
        # A relative folder is made absolute at install time: kernels run elsewhere.
        done = run_gradbook("kernel", "install", "--prefix", root, "--allow-files", "data",
                            "--max-memory", "2G", cwd=root)
        assert done.returncode == 0, done.stdout + done.stderr
        spec = json.load(open(os.path.join(root, "share/jupyter/kernels/gradbook/kernel.json")))
        assert spec["argv"][:4] == [bin_path, "kernel", "-f", "{connection_file}"]
        assert spec["argv"][-4:] == ["--allow-files", os.path.join(root, "data"), "--max-memory", "2G"], spec["argv"]
        bad = run_gradbook("kernel", "install", "--prefix", root, "--max-memory", "lots")
        assert bad.returncode != 0 and "512M or 2G" in bad.stderr, bad.stderr


def test_a_kernel_from_that_kernelspec_is_confined_and_bounded():
    with tempfile.TemporaryDirectory() as root:
        notebook_folder, allowed, prefix = (os.path.join(root, name) for name in ("course", "data", "prefix"))
        os.mkdir(notebook_folder)
        os.mkdir(allowed)
        with open(os.path.join(allowed, "a.csv"), "w") as f:
            f.write("1,2\n3,4\n")
        spec_dir = install_with_flags(prefix, allowed)
        km = KernelManager(kernel_name="gradbook",
                           kernel_spec_manager=KernelSpecManager(kernel_dirs=[os.path.dirname(spec_dir)]))
        km.start_kernel(cwd=notebook_folder)
        context = zmq.Context()
        kc = km.client(context=context)
        kc.start_channels()
        try:
            wait_ready(km, kc, READY_SECONDS)
            inside = run_cell(kc, 'save_csv("out.csv", [1, 2]); sum(load_csv("out.csv"))')
            assert inside.status == "ok" and inside.result()["data"]["text/plain"] == "3", inside.describe()
            data = run_cell(kc, f'sum(load_csv("{allowed}/a.csv"))')
            assert data.status == "ok" and data.result()["data"]["text/plain"] == "10", data.describe()

            outside = run_cell(kc, 'save_csv("../escaped.csv", [1, 2])')
            assert outside.status == "error", outside.describe()
            evalue = outside.content["evalue"]
            assert '"../escaped.csv" is outside the folders this session may touch' in evalue, evalue
            assert f"{notebook_folder}, {allowed} and below" in evalue, evalue
            assert "install the kernelspec again (gradbook kernel install) with another --allow-files DIR" in evalue, \
                evalue
            assert not os.path.exists(os.path.join(root, "escaped.csv"))

            # 1000 × 1000 doubles are 8,000,000 bytes (7.6 MiB): eight fit in 64 MiB
            # (67,108,864 bytes), a ninth does not. Each after the first is made by `+`,
            # whose output cannot refuse at allocation; the operation refuses it.
            eight = run_cell(kc, "x1 = zeros(1000, 1000); x2 = x1 + 1; x3 = x2 + 1; x4 = x3 + 1; "
                                 "x5 = x4 + 1; x6 = x5 + 1; x7 = x6 + 1; x8 = x7 + 1; sum(x8)")
            assert eight.status == "ok" and eight.result()["data"]["text/plain"] == "7000000", eight.describe()
            ninth = run_cell(kc, "x9 = x8 + 1")
            assert ninth.status == "error", ninth.describe()
            assert ninth.content["evalue"] == ("a tensor of shape (1000, 1000) needs 7.6 MiB, past the memory limit "
                                               "of 64.0 MiB (61.0 MiB in use); raise it with --max-memory SIZE"), \
                ninth.content["evalue"]
            after = run_cell(kc, "1 + 1")
            assert after.status == "ok" and after.result()["data"]["text/plain"] == "2", after.describe()
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            context.term()
