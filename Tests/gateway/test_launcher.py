"""The Enterprise Gateway launcher's parts on their own (the whole protocol is
tested against the gateway in test_enterprise_gateway_remote.py): its envelope
decoded by Enterprise Gateway's own code, bad arguments and a missing Cryptodome
refused with a message, an unreachable gateway, a lost port, and the
communication port's signals and shutdown.

The launcher runs with this venv's Python, which has pycryptodomex (pinned as in
requirements-eg.txt) as a kernel host's python3 must."""

import base64
import json
import os
import subprocess
import sys

import pytest
from Cryptodome.PublicKey import RSA

DEPLOY = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "deploy", "enterprise-gateway")
sys.path.insert(0, DEPLOY)
import launch_gradbook as launcher  # noqa: E402


def gateway_key_pair():
    """A key pair made as Enterprise Gateway's ResponseManager makes its own (RSA 1024),
    and the public key as the gateway passes it: PEM without header, footer, newlines."""
    private = RSA.generate(1024)
    pem = private.publickey().export_key("PEM").decode()
    public = "".join(line for line in pem.splitlines() if not line.startswith("-----"))
    return private, public


# EG's decoder, run in its own venv: ResponseManager._decode_payload on a stand-in for
# the manager that holds only what the method reads (its private key, a log, no kernels).
DECODE_WITH_ENTERPRISE_GATEWAY = """
import json, logging, sys, types
from Cryptodome.PublicKey import RSA
from enterprise_gateway.services.processproxies.processproxy import ResponseManager
manager = types.SimpleNamespace(_private_key=RSA.import_key(open(sys.argv[1]).read()),
                                log=logging.getLogger("eg"), _response_registry={})
print(json.dumps([ResponseManager._decode_payload(manager, line.strip()) for line in sys.stdin]))
"""


def test_enterprise_gateways_own_code_decodes_the_envelope(tmp_path):
    if not os.environ.get("EG_PYTHON"):
        pytest.skip("EG_PYTHON is not set: Enterprise Gateway's venv could not be made")
    private, public = gateway_key_pair()
    (tmp_path / "private.pem").write_bytes(private.export_key("PEM"))
    key = launcher.gateway_key(public)
    # Connection information whose JSON is 15, 16 and 17 bytes and a whole report, so that
    # the PKCS#7 padding is tried short of a block, as a whole block, and past one.
    infos = [{"k": "a" * 6}, {"k": "a" * 7}, {"k": "a" * 8},
             {"shell_port": 40001, "iopub_port": 40002, "stdin_port": 40003, "control_port": 40004,
              "hb_port": 40005, "ip": "0.0.0.0", "key": "0" * 32, "transport": "tcp",
              "signature_scheme": "hmac-sha256", "kernel_name": "gradbook", "pid": 4242, "pgid": 4242,
              "comm_port": 40006, "kernel_id": "e2a6d8f1-0000-4000-8000-000000000000"}]
    assert [len(json.dumps(info)) for info in infos[:3]] == [15, 16, 17]
    payloads = [launcher.envelope(info, key) for info in infos]
    for payload in payloads:
        assert json.loads(base64.b64decode(payload))["version"] == 1
    # A fresh AES key each time: the same information never travels as the same bytes.
    assert launcher.envelope(infos[0], key) != payloads[0]
    done = subprocess.run([os.environ["EG_PYTHON"], "-c", DECODE_WITH_ENTERPRISE_GATEWAY,
                           str(tmp_path / "private.pem")],
                          input="\n".join(p.decode() for p in payloads), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == infos


def test_a_launcher_without_cryptodome_says_what_to_install(tmp_path):
    # A Cryptodome that cannot be imported, ahead of the real one on the path.
    (tmp_path / "Cryptodome").mkdir()
    (tmp_path / "Cryptodome" / "__init__.py").write_text("raise ImportError('not installed here')\n")
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    done = subprocess.run([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), "--kernel-id", "k",
                           "--response-address", "127.0.0.1:1", "--public-key", gateway_key_pair()[1]],
                          capture_output=True, text=True, timeout=30, env=env)
    assert done.returncode == 1
    assert "cannot import Cryptodome" in done.stderr, done.stderr
    assert "pip install pycryptodomex" in done.stderr and "python3-pycryptodome" in done.stderr, done.stderr


@pytest.mark.parametrize("argv, message", [
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x", "--port-range", "5..10"],
     "holds fewer than"),
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x", "--port-range", "a..b"],
     "LOWER..UPPER"),
    (["--kernel-id", "k", "--public-key", "x"], "--response-address"),
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x",
      "--spark-context-initialization-mode", "lazy"], "only none"),
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x"],
     "--public-key is not an RSA public key"),
    # Base64 of a DER sequence holding one integer: well formed, but no key.
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "MAMCAQU="],
     "--public-key is not an RSA public key"),
])
def test_bad_arguments_are_refused_with_a_message(argv, message):
    done = subprocess.run([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), *argv],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert message in done.stderr, done.stderr


def test_an_unreachable_gateway_ends_the_launcher_and_its_kernel(tmp_path):
    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]   # nothing listens once the socket closes
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), "--kernel-id", "k1",
                           "--response-address", f"127.0.0.1:{closed_port}",
                           "--public-key", gateway_key_pair()[1],
                           "--gradbook", os.environ["GRADBOOK_BIN"], "--ip", "127.0.0.1"],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1
    assert f"cannot report to the gateway at 127.0.0.1:{closed_port}" in done.stderr, done.stderr
    assert os.listdir(tmp_path) == [], "the connection file was left behind"


def test_a_kernel_that_loses_a_port_is_started_again_on_new_ones(tmp_path, monkeypatch):
    # Another process takes the first pick's shell port between the pick and the kernel's bind.
    taken = __import__("socket").socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    picks = []
    real_pick = launcher.pick_ports

    def pick(ip, lower, upper, count):
        ports = real_pick(ip, lower, upper, count)
        if not picks:
            ports[0] = taken.getsockname()[1]
        picks.append(ports)
        return ports

    monkeypatch.setattr(launcher, "pick_ports", pick)
    args = __import__("argparse").Namespace(ip="127.0.0.1", gradbook=os.environ["GRADBOOK_BIN"], kernel_flags=[])
    kernel, info = launcher.start_kernel(args, 0, 0, str(tmp_path / "kernel-k.json"))
    try:
        assert kernel is not None and len(picks) == 2, picks
        assert info["shell_port"] == picks[1][0] != taken.getsockname()[1]
        assert launcher.listens_on(kernel.pid, picks[1])
        assert json.load(open(tmp_path / "kernel-k.json"))["shell_port"] == picks[1][0]
    finally:
        if kernel is not None:
            launcher.stop(kernel)
        taken.close()


def launched(tmp_path):
    """A launcher reporting to a stand-in for the gateway's response socket; returns the
    launcher process, its kernel's pid and its communication port (found as the one port
    the launcher itself listens on, so no decryption is needed here)."""
    import socket
    import time
    gateway = socket.socket()
    gateway.bind(("127.0.0.1", 0))
    gateway.listen(1)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path))
    process = subprocess.Popen([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), "--kernel-id", "k2",
                                "--response-address", f"127.0.0.1:{gateway.getsockname()[1]}",
                                "--public-key", gateway_key_pair()[1],
                                "--gradbook", os.environ["GRADBOOK_BIN"], "--ip", "127.0.0.1"],
                               stderr=subprocess.PIPE, text=True, env=env)
    gateway.settimeout(30)
    connection, _ = gateway.accept()
    payload = b""
    while chunk := connection.recv(4096):
        payload += chunk
    connection.close()
    gateway.close()
    assert json.loads(base64.b64decode(payload))["version"] == 1
    children = [int(x) for x in open(f"/proc/{process.pid}/task/{process.pid}/children").read().split()]
    assert len(children) == 1, children
    comm = None
    deadline = time.monotonic() + 10
    while comm is None and time.monotonic() < deadline:
        inodes = {os.readlink(f"/proc/{process.pid}/fd/{fd}")[8:-1] for fd in os.listdir(f"/proc/{process.pid}/fd")
                  if os.readlink(f"/proc/{process.pid}/fd/{fd}").startswith("socket:[")}
        for line in list(open(f"/proc/{process.pid}/net/tcp"))[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:
                comm = int(fields[1].rsplit(":", 1)[1], 16)
    return process, children[0], comm


def tell(port, request):
    import socket
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(json.dumps(request).encode())


def alive(pid):
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except OSError:
        return False


def test_the_communication_port_relays_signals_and_shutdown(tmp_path):
    import time
    process, kernel, comm = launched(tmp_path)
    try:
        tell(comm, {"signum": 0})        # the gateway's "are you alive?"
        tell(comm, {"signum": True})     # not a signal number: ignored
        tell(comm, {"nonsense": [1]})
        time.sleep(0.5)
        assert process.poll() is None and alive(kernel)
        tell(comm, {"signum": 15})       # relayed: the kernel ends, and the launcher with it
        process.wait(15)
        assert not alive(kernel)
        assert os.listdir(tmp_path) == [], "the connection file was left behind"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_shutdown_request_ends_the_launcher_and_its_kernel(tmp_path):
    process, kernel, comm = launched(tmp_path)
    try:
        tell(comm, {"shutdown": 1})
        process.wait(15)
        assert not alive(kernel)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
