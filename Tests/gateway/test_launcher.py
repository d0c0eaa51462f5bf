"""The Enterprise Gateway launcher's parts on their own (the whole protocol is
tested against the gateway in test_enterprise_gateway_remote.py): AES against
the FIPS-197 vector, the PKCS#1 v1.5 block against its definition with a key made
here, and bad arguments refused with a message."""

import base64
import json
import os
import random
import subprocess
import sys

import pytest

DEPLOY = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                      "deploy", "enterprise-gateway")
sys.path.insert(0, DEPLOY)
import launch_gradbook as launcher  # noqa: E402


def test_aes128_matches_fips197_appendix_c1():
    # FIPS-197, C.1: key 000102...0f, plaintext 00112233...ff.
    out = launcher.aes128_ecb_encrypt(bytes(range(16)), bytes.fromhex("00112233445566778899aabbccddeeff"))
    assert out[:16].hex() == "69c4e0d86a7b0430d8cdb78070b4c55a"
    # PKCS#7: a whole block of 16s follows a plaintext of whole blocks.
    assert len(out) == 32


def probable_prime(bits, rng):
    while True:
        n = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
        if all(n % p for p in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31)) and miller_rabin(n, rng):
            return n


def miller_rabin(n, rng, rounds=20):
    d, s = n - 1, 0
    while d % 2 == 0:
        d, s = d // 2, s + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 1), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def der(tag, body):
    length = len(body)
    if length < 128:
        return bytes([tag, length]) + body
    size = (length.bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + length.to_bytes(size, "big") + body


def der_integer(value):
    body = value.to_bytes((value.bit_length() + 8) // 8, "big")  # a leading 0 keeps it positive
    return der(0x02, body)


def test_the_aes_key_travels_in_a_pkcs1_v15_block_under_the_public_key():
    rng = random.Random(7)
    p, q = probable_prime(512, rng), probable_prime(512, rng)
    n, e = p * q, 65537
    d = pow(e, -1, (p - 1) * (q - 1))
    rsa_oid = bytes.fromhex("06092a864886f70d010101") + bytes.fromhex("0500")
    spki = der(0x30, der(0x30, rsa_oid) + der(0x03, b"\0" + der(0x30, der_integer(n) + der_integer(e))))
    public_key = base64.b64encode(spki).decode()
    assert launcher.rsa_public_key(public_key) == (n, e)

    info = {"kernel_id": "k", "shell_port": 40001}
    payload = json.loads(base64.b64decode(launcher.envelope(info, public_key)))
    assert payload["version"] == 1
    block = pow(int.from_bytes(base64.b64decode(payload["key"]), "big"), d, n).to_bytes(128, "big")
    # RFC 8017, 7.2.2: 00 02, nonzero padding of at least 8 bytes, 00, the message.
    assert block[:2] == b"\x00\x02"
    separator = block.index(b"\x00", 2)
    assert separator >= 10 and separator == 128 - 16 - 1
    aes_key = block[separator + 1:]
    # ECB is deterministic: the same key seals the same text to the same bytes.
    sealed = base64.b64decode(payload["conn_info"])
    assert sealed == launcher.aes128_ecb_encrypt(aes_key, json.dumps(info).encode())


@pytest.mark.parametrize("argv, message", [
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x", "--port-range", "5..10"],
     "holds fewer than"),
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x", "--port-range", "a..b"],
     "LOWER..UPPER"),
    (["--kernel-id", "k", "--public-key", "x"], "--response-address"),
    (["--kernel-id", "k", "--response-address", "127.0.0.1:1", "--public-key", "x",
      "--spark-context-initialization-mode", "lazy"], "only none"),
])
def test_bad_arguments_are_refused_with_a_message(argv, message):
    done = subprocess.run([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), *argv],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode != 0
    assert message in done.stderr, done.stderr


def test_an_unreachable_gateway_ends_the_launcher_and_its_kernel(tmp_path):
    rng = random.Random(3)
    p, q = probable_prime(512, rng), probable_prime(512, rng)
    rsa_oid = bytes.fromhex("06092a864886f70d010101") + bytes.fromhex("0500")
    spki = der(0x30, der(0x30, rsa_oid) + der(0x03, b"\0" + der(0x30, der_integer(p * q) + der_integer(65537))))
    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        closed_port = s.getsockname()[1]   # nothing listens once the socket closes
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), "--kernel-id", "k1",
                           "--response-address", f"127.0.0.1:{closed_port}",
                           "--public-key", base64.b64encode(spki).decode(),
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
    rng = random.Random(5)
    p, q = probable_prime(512, rng), probable_prime(512, rng)
    rsa_oid = bytes.fromhex("06092a864886f70d010101") + bytes.fromhex("0500")
    spki = der(0x30, der(0x30, rsa_oid) + der(0x03, b"\0" + der(0x30, der_integer(p * q) + der_integer(65537))))
    gateway = socket.socket()
    gateway.bind(("127.0.0.1", 0))
    gateway.listen(1)
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp_path))
    process = subprocess.Popen([sys.executable, os.path.join(DEPLOY, "launch_gradbook.py"), "--kernel-id", "k2",
                                "--response-address", f"127.0.0.1:{gateway.getsockname()[1]}",
                                "--public-key", base64.b64encode(spki).decode(),
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
