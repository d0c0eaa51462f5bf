"""`gradbook kernel install`: the kernelspec Jupyter itself finds, checked with
Jupyter's own tools (`jupyter kernelspec list`, KernelSpecManager)."""

import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import pytest
from jupyter_client.kernelspec import KernelSpecManager

from conftest import gradbook_bin

JUPYTER = os.path.join(os.path.dirname(sys.executable), "jupyter")


def kernelspecs(env=None):
    """`jupyter kernelspec list --json` as a dict name -> resource_dir."""
    done = subprocess.run([JUPYTER, "kernelspec", "list", "--json"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return {name: spec["resource_dir"] for name, spec in json.loads(done.stdout)["kernelspecs"].items()}


def png_size(path):
    """(width, height) from a PNG's IHDR chunk, after checking the signature."""
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert head[12:16] == b"IHDR", f"{path} has no IHDR first"
    return struct.unpack(">II", head[16:24])


def test_kernelspec_list_shows_gradbook_in_the_venv():
    specs = kernelspecs()
    assert "gradbook" in specs, f"jupyter kernelspec list: {sorted(specs)}"
    expected = os.path.join(sys.prefix, "share", "jupyter", "kernels", "gradbook")
    assert os.path.realpath(specs["gradbook"]) == os.path.realpath(expected)


def test_kernel_json_runs_this_binary(bin_path):
    spec = KernelSpecManager().get_kernel_spec("gradbook")
    # Options of the kernel's own may follow; Jupyter only fills in the connection file.
    assert spec.argv[:4] == [bin_path, "kernel", "-f", "{connection_file}"], spec.argv
    assert os.path.isabs(spec.argv[0])
    assert spec.display_name == "Gradbook"
    assert spec.language == "gradbook"
    assert spec.interrupt_mode in ("signal", "message"), spec.interrupt_mode
    assert isinstance(spec.metadata, dict)


def test_logos_are_installed_at_their_sizes():
    resource_dir = KernelSpecManager().get_kernel_spec("gradbook").resource_dir
    assert png_size(os.path.join(resource_dir, "logo-64x64.png")) == (64, 64)
    assert png_size(os.path.join(resource_dir, "logo-32x32.png")) == (32, 32)
    root = ET.parse(os.path.join(resource_dir, "logo-svg.svg")).getroot()
    assert root.tag.endswith("svg"), root.tag


def user_install(env_changes):
    """Installs with --user under a fresh HOME and returns (home, env) for checking."""
    home = tempfile.mkdtemp()
    env = {k: v for k, v in os.environ.items()
           if k not in ("JUPYTER_PATH", "JUPYTER_DATA_DIR", "XDG_DATA_HOME")}
    # jupyter_core lists a venv's own kernels before the user's unless told otherwise;
    # the venv here holds a gradbook kernelspec too, which would hide the user's.
    env.update(HOME=home, JUPYTER_PREFER_ENV_PATH="0")
    env.update({k: v.format(home=home) for k, v in env_changes.items()})
    done = subprocess.run([gradbook_bin(), "kernel", "install", "--user"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return home, env


@pytest.mark.parametrize("env_changes, data_dir", [
    ({}, "{home}/.local/share/jupyter"),
    ({"XDG_DATA_HOME": "{home}/xdg"}, "{home}/xdg/jupyter"),
    ({"JUPYTER_DATA_DIR": "{home}/jdata"}, "{home}/jdata"),
])
def test_user_install_goes_where_jupyter_looks(env_changes, data_dir):
    home, env = user_install(env_changes)
    try:
        expected = os.path.join(data_dir.format(home=home), "kernels", "gradbook")
        assert os.path.isfile(os.path.join(expected, "kernel.json")), \
            [os.path.join(d, f) for d, _, files in os.walk(home) for f in files]
        specs = kernelspecs(env)
        assert os.path.realpath(specs.get("gradbook", "")) == os.path.realpath(expected), specs
    finally:
        shutil.rmtree(home, ignore_errors=True)
