#!/usr/bin/env python3
"""Starts a Gradbook kernel for Jupyter Enterprise Gateway on a remote host.

Enterprise Gateway's remote process proxies (DistributedProcessProxy and the
others) do not write a connection file for the host that runs the kernel: they
run a *launcher* there and wait for it to report where the kernel listens. This
is Gradbook's launcher. It

1. picks the five ZeroMQ ports and a communication port (inside --port-range
   when one is given), writes a connection file with a fresh HMAC key, and
   starts `gradbook kernel -f FILE` on it;
2. sends the connection information, with its process ids, the communication
   port and the kernel id, to --response-address, encrypted as the gateway
   expects: AES-128 (ECB, PKCS#7 padding) under a random key, that key
   encrypted with the gateway's RSA public key (PKCS#1 v1.5), both base64 in a
   version-1 JSON envelope, itself base64;
3. listens on the communication port for `{"signum": N}` (relayed to the kernel;
   0 only asks whether it is alive) and `{"shutdown": 1}`, and exits when the
   kernel does, so the gateway sees it gone.

Besides the standard library it needs pycryptodomex (the `Cryptodome` package),
as Enterprise Gateway's own launchers do, so a host needs python3 with it besides
what the kernel itself needs (docs/deploy.md).

Usage (Enterprise Gateway fills in the braces; see kernel.json beside this file):
    launch_gradbook.py --kernel-id {kernel_id} --response-address {response_address}
        --public-key {public_key} --port-range {port_range}
        [--gradbook /usr/local/bin/gradbook] [--ip 0.0.0.0] [-- KERNEL FLAGS...]
"""

import argparse
import base64
import json
import os
import random
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid

try:
    from Cryptodome.Cipher import AES, PKCS1_v1_5
    from Cryptodome.PublicKey import RSA
    from Cryptodome.Random import get_random_bytes
    from Cryptodome.Util.Padding import pad
except ImportError as error:
    # The same package Enterprise Gateway's own launchers (launch_ipykernel.py) need on a host.
    sys.exit(f"launch_gradbook: cannot import Cryptodome ({error}); install pycryptodomex on this host "
             "for the python3 that runs the launcher: `python3 -m pip install pycryptodomex`, or on "
             "Debian `apt-get install python3-pycryptodome` (it provides Cryptodome)")

LAUNCHER_VERSION = 1
# What Enterprise Gateway asks of a port range (EG_MIN_PORT_RANGE_SIZE, EG_MAX_PORT_RANGE_RETRIES).
MIN_RANGE = int(os.environ.get("EG_MIN_PORT_RANGE_SIZE", "1000"))
RETRIES = int(os.environ.get("EG_MAX_PORT_RANGE_RETRIES", "5"))


def log(message):
    print(f"launch_gradbook: {message}", file=sys.stderr, flush=True)


def gateway_key(text):
    """The gateway's RSA public key from --public-key: PEM with the header, footer and
    newlines stripped, that is a SubjectPublicKeyInfo in base64."""
    try:
        key = RSA.import_key(base64.b64decode(text, validate=True))
    except (ValueError, IndexError, TypeError) as error:
        raise SystemExit(f"launch_gradbook: --public-key is not an RSA public key in base64 ({error})") from None
    if key.has_private():
        raise SystemExit("launch_gradbook: --public-key holds a private key; pass the gateway's public key")
    return key


def envelope(connection_info, rsa_key):
    """The base64 payload the gateway's response manager decodes (version 1): the
    connection information under a random AES-128 key (ECB, PKCS#7), that key under
    the gateway's RSA key (PKCS#1 v1.5), as Enterprise Gateway's own launchers do."""
    aes_key = get_random_bytes(16)
    sealed = AES.new(aes_key, AES.MODE_ECB).encrypt(pad(json.dumps(connection_info).encode(), 16))
    payload = {"version": LAUNCHER_VERSION,
               "key": base64.b64encode(PKCS1_v1_5.new(rsa_key).encrypt(aes_key)).decode(),
               "conn_info": base64.b64encode(sealed).decode()}
    return base64.b64encode(json.dumps(payload).encode())


# --- ports, the kernel and the communication port ---------------------------------

def port_range(text):
    """(lower, upper) from `A..B`; (0, 0) for none, where the system picks."""
    if not text or text == "0..0":
        return 0, 0
    try:
        lower, upper = (int(part) for part in text.split(".."))
    except ValueError:
        raise SystemExit(f"launch_gradbook: --port-range takes LOWER..UPPER, got {text!r}") from None
    if upper - lower < MIN_RANGE:
        raise SystemExit(f"launch_gradbook: --port-range {text} holds fewer than {MIN_RANGE} ports")
    return lower, upper


def bound_socket(ip, lower, upper):
    """A TCP socket bound on `ip` to a free port, inside the range when there is one."""
    for _ in range(RETRIES + 1):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind((ip, random.randint(lower, upper) if upper else 0))
            return sock
        except OSError:
            sock.close()
    raise SystemExit(f"launch_gradbook: no free port in {lower}..{upper} after {RETRIES + 1} tries")


def pick_ports(ip, lower, upper, count):
    sockets = [bound_socket(ip, lower, upper) for _ in range(count)]
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def connection_file_path(kernel_id):
    folder = os.environ.get("JUPYTER_RUNTIME_DIR") or tempfile.gettempdir()
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, f"kernel-{kernel_id}.json")


def send_response(address, payload):
    host, _, port = address.rpartition(":")
    with socket.create_connection((host, int(port)), timeout=30) as s:
        s.sendall(payload)


def read_request(listener):
    """One request from the gateway, or None when it sent nothing usable."""
    connection, _ = listener.accept()
    with connection:
        connection.settimeout(5)
        data = b""
        try:
            while len(data) < 65536:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                data += chunk
                try:
                    return json.loads(data)
                except ValueError:
                    continue
        except OSError:
            pass
    return None


def stop(kernel, grace=5):
    if kernel.poll() is None:
        kernel.terminate()
        try:
            kernel.wait(grace)
        except subprocess.TimeoutExpired:
            kernel.kill()
            kernel.wait()


CHANNELS = ("shell", "iopub", "stdin", "control", "hb")
ATTEMPTS = 5


def listens_on(pid, ports):
    """Whether process `pid` itself listens on every one of `ports` (Linux: its socket
    inodes against /proc/net/tcp), not some other process that took one first."""
    inodes = set()
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    owned = set()
    with open(f"/proc/{pid}/net/tcp") as table:
        next(table)
        for line in table:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in inodes:   # 0A: LISTEN
                owned.add(int(fields[1].rsplit(":", 1)[1], 16))
    return set(ports) <= owned


def start_kernel(args, lower, upper, path):
    """(the kernel process, its connection information) once it listens on its five
    ports, or (None, None). Ports are picked free and then closed for the kernel to
    bind, so another launcher on the host may take one in between; a kernel that
    then fails to bind exits, and is started again on new ports."""
    for attempt in range(1, ATTEMPTS + 1):
        ports = pick_ports(args.ip, lower, upper, len(CHANNELS))
        info = dict({f"{name}_port": port for name, port in zip(CHANNELS, ports)},
                    transport="tcp", ip=args.ip, key=uuid.uuid4().hex, signature_scheme="hmac-sha256",
                    kernel_name="gradbook")
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as f:
            json.dump(info, f)
        kernel = subprocess.Popen([args.gradbook, "kernel", "-f", path, *args.kernel_flags],
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 30
        while kernel.poll() is None and time.monotonic() < deadline:
            try:
                if listens_on(kernel.pid, ports):
                    return kernel, info
            except OSError:
                pass   # the kernel exited between the poll and the look
            time.sleep(0.02)
        log(f"the kernel did not start on ports {ports} (attempt {attempt} of {ATTEMPTS}, "
            f"exit status {kernel.poll()})")
        stop(kernel)
    try:
        os.unlink(path)
    except OSError:
        pass
    return None, None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # Enterprise Gateway's own launchers spell these --RemoteProcessProxy.NAME; both work.
    for name, required in (("kernel-id", True), ("response-address", True), ("public-key", True),
                           ("port-range", False), ("spark-context-initialization-mode", False)):
        parser.add_argument(f"--{name}", f"--RemoteProcessProxy.{name}", required=required,
                            dest=name.replace("-", "_"))
    parser.add_argument("--gradbook", default="gradbook", help="the gradbook executable (default: on PATH)")
    parser.add_argument("--ip", default="0.0.0.0", help="where the kernel listens (default: every interface)")
    parser.add_argument("kernel_flags", nargs="*", help="after --: flags for `gradbook kernel`")
    args = parser.parse_args(argv)
    if args.spark_context_initialization_mode not in (None, "none"):
        parser.error("Gradbook has no Spark context: --spark-context-initialization-mode takes only none")
    lower, upper = port_range(args.port_range)
    rsa_key = gateway_key(args.public_key)

    # The communication port first and held open, so none of the kernel's five can be it.
    listener = bound_socket(args.ip, lower, upper)
    listener.listen(4)
    path = connection_file_path(args.kernel_id)
    # The kernel answers SIGINT itself; SIGTERM is passed on and the launcher exits with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    kernel, info = start_kernel(args, lower, upper, path)
    if kernel is None:
        listener.close()
        return 1
    signal.signal(signal.SIGTERM, lambda *_: stop(kernel))
    try:
        report = dict(info, pid=os.getpid(), pgid=os.getpgid(0), comm_port=listener.getsockname()[1],
                      kernel_id=args.kernel_id)
        try:
            send_response(args.response_address, envelope(report, rsa_key))
        except (OSError, ValueError) as error:
            log(f"cannot report to the gateway at {args.response_address}: {error}")
            return 1
        log(f"kernel {args.kernel_id} (pid {kernel.pid}) on {args.ip}, ports "
            f"{' '.join(str(info[n + '_port']) for n in CHANNELS)}, gateway port {listener.getsockname()[1]}")
        while kernel.poll() is None:
            ready, _, _ = select.select([listener], [], [], 0.5)
            if not ready:
                continue
            request = read_request(listener)
            if not isinstance(request, dict):
                continue
            if request.get("shutdown"):
                break
            signum = request.get("signum")
            if type(signum) is int and 0 < signum < signal.NSIG and kernel.poll() is None:
                try:
                    kernel.send_signal(signum)
                except (OSError, ValueError) as error:
                    log(f"cannot send signal {signum}: {error}")
        # After a shutdown request the kernel has had its shutdown message; give it a moment.
        deadline = time.monotonic() + 5
        while kernel.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        return kernel.returncode or 0
    finally:
        stop(kernel)
        listener.close()
        try:
            os.unlink(path)
        except OSError:
            pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
