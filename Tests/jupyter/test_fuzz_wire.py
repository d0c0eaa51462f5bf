"""500 malformed or forged messages at the kernel's door (shell and control): random
frames, missing frames, invalid JSON, unknown types and 2 MB contents, signed and
unsigned. None may run code or stop the kernel; afterwards it still answers."""

import hashlib
import hmac
import json
import random
import uuid

import zmq

from kernel_driver import run_cell
from test_wire import socket_to

DELIMITER = b"<IDS|MSG>"


def signed(key, parts):
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for part in parts:
        mac.update(part)
    return mac.hexdigest().encode()


def header(msg_type):
    return json.dumps({"msg_id": uuid.uuid4().hex, "session": "fuzz", "username": "fuzz",
                       "date": "2026-12-06T00:00:00Z", "msg_type": msg_type, "version": "5.3"}).encode()


def fuzzed_message(rng, key):
    """One multipart message, chosen among the ways a message can be wrong."""
    kind = rng.randrange(7)
    if kind == 0:  # random frames, no delimiter
        return [rng.randbytes(rng.randrange(1, 200)) for _ in range(rng.randrange(1, 6))]
    if kind == 1:  # delimiter and too few frames
        return [DELIMITER] + [b"{}"] * rng.randrange(0, 4)
    if kind == 2:  # well-formed but a forged signature on code that must not run
        parts = [header("execute_request"), b"{}", b"{}", json.dumps({"code": "fuzzed = 1"}).encode()]
        return [DELIMITER, rng.randbytes(32).hex().encode()] + parts
    if kind == 3:  # correctly signed invalid JSON
        parts = [rng.randbytes(rng.randrange(0, 100)) for _ in range(4)]
        return [DELIMITER, signed(key, parts)] + parts
    if kind == 4:  # correctly signed unknown message type
        parts = [header("no_such_request_%d" % rng.randrange(1000)), b"{}", b"{}", b"{}"]
        return [DELIMITER, signed(key, parts)] + parts
    if kind == 5:  # correctly signed 2 MB content of the wrong shape
        content = json.dumps({"code": 5, "padding": "x" * (2 << 20)}).encode()
        parts = [header(rng.choice(["complete_request", "inspect_request", "is_complete_request"])),
                 b"{}", b"{}", content]
        return [DELIMITER, signed(key, parts)] + parts
    # correctly signed header that is JSON but not an object, or lacks fields
    parts = [rng.choice([b"[]", b"1", b"{\"msg_type\": 3}", b"null"]), b"{}", b"{}", b"{}"]
    return [DELIMITER, signed(key, parts)] + parts


def test_five_hundred_fuzzed_messages_leave_a_live_kernel(km_kc):
    km, kc = km_kc
    rng = random.Random(20261206)
    key = km.session.key
    shell = socket_to(km, zmq.DEALER, km.shell_port)
    control = socket_to(km, zmq.DEALER, km.control_port)
    try:
        for i in range(500):
            sock = shell if i % 2 == 0 else control
            sock.send_multipart(fuzzed_message(rng, key))
        # Whatever came back (errors for the signed ones) is drained, not judged.
        for sock in (shell, control):
            while sock.poll(200):
                sock.recv_multipart()
    finally:
        shell.close()
        control.close()
    run = run_cell(kc, "fuzzed", timeout=60)
    assert run.status == "error" and run.content["ename"] == "NameError", \
        f"a forged request ran, or the kernel is not answering: {run.describe()}"
    assert run_cell(kc, "6 * 7").result()["data"]["text/plain"] == "42"
