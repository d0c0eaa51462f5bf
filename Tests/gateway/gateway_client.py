"""A small client of a Jupyter gateway's REST and WebSocket API (Kernel Gateway
and Enterprise Gateway speak the same one as jupyter_server): start, interrupt,
restart and shut down kernels over HTTP, run cells over the kernel's channels
WebSocket, and gather each request's reply and iopub messages by parent id.

Built on tornado (already a dependency of every gateway), with asyncio so twenty
kernels are driven from one thread. Every wait is bounded and names what it
waited for when it gives up.
"""

import asyncio
import datetime
import json
import os
import time
import uuid

from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect


class GatewayError(AssertionError):
    """A request the gateway refused or a reply that did not come in time."""


class Gateway:
    """The REST side of one gateway at http://127.0.0.1:PORT."""

    def __init__(self, port, token=""):
        self.base = f"http://127.0.0.1:{port}"
        self.ws_base = f"ws://127.0.0.1:{port}"
        self.token = token
        self.http = AsyncHTTPClient(force_instance=True, max_clients=64)

    def headers(self):
        return {"Authorization": f"token {self.token}"} if self.token else {}

    async def request(self, method, path, body=None, timeout=60):
        data = None if body is None else json.dumps(body)
        if method == "POST" and data is None:
            data = "{}"
        response = await self.http.fetch(HTTPRequest(
            self.base + path, method=method, body=data, headers=self.headers(),
            request_timeout=timeout, connect_timeout=10), raise_error=False)
        if response.code >= 400:
            raise GatewayError(f"{method} {path}: HTTP {response.code} {response.body[:300]!r}")
        return json.loads(response.body) if response.body else None

    async def start_kernel(self, name="gradbook", user="student"):
        # Enterprise Gateway refuses kernels for root unless told whom they are for.
        body = {"name": name, "env": {"KERNEL_USERNAME": user}}
        return (await self.request("POST", "/api/kernels", body, timeout=120))["id"]

    async def kernels(self):
        return await self.request("GET", "/api/kernels")

    async def interrupt(self, kernel_id):
        await self.request("POST", f"/api/kernels/{kernel_id}/interrupt")

    async def restart(self, kernel_id):
        await self.request("POST", f"/api/kernels/{kernel_id}/restart", timeout=120)

    async def shutdown(self, kernel_id):
        await self.request("DELETE", f"/api/kernels/{kernel_id}")

    async def connect(self, kernel_id):
        """An open Channels on the kernel's WebSocket."""
        channels = Channels(self, kernel_id)
        await channels.open()
        return channels

    def close(self):
        self.http.close()


class CellRun:
    """One request's shell reply and the iopub messages whose parent it is."""

    def __init__(self):
        self.reply = None
        self.iopub = []
        self.idle = asyncio.Event()
        self.replied = asyncio.Event()

    @property
    def content(self):
        return self.reply["content"]

    def of_type(self, *types):
        return [m for m in self.iopub if m["msg_type"] in types]

    def result_text(self):
        results = self.of_type("execute_result")
        assert len(results) == 1, f"expected one execute_result, got {self.describe()}"
        return results[0]["content"]["data"]["text/plain"]

    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream"))

    def describe(self):
        parts = [f"{m['msg_type']}:{str(m['content'])[:120]}" for m in self.iopub
                 if m["msg_type"] != "status"]
        status = self.reply and self.reply["content"].get("status")
        return f"reply={status} iopub={parts}"


class Channels:
    """A kernel's channels WebSocket: sends requests, routes what comes back."""

    def __init__(self, gateway, kernel_id):
        self.gateway = gateway
        self.kernel_id = kernel_id
        self.session = uuid.uuid4().hex
        self.pending = {}
        self.socket = None
        self.reader = None

    async def open(self, timeout=30):
        url = (f"{self.gateway.ws_base}/api/kernels/{self.kernel_id}/channels"
               f"?session_id={self.session}")
        request = HTTPRequest(url, headers=self.gateway.headers(), connect_timeout=timeout,
                              request_timeout=timeout)
        self.socket = await asyncio.wait_for(websocket_connect(request), timeout)
        self.reader = asyncio.ensure_future(self._read())

    async def _read(self):
        while True:
            text = await self.socket.read_message()
            if text is None:
                return
            if isinstance(text, bytes):  # binary frames carry buffers; none of these tests use them
                continue
            message = json.loads(text)
            parent = message.get("parent_header", {}).get("msg_id")
            run = self.pending.get(parent)
            if run is None:
                continue
            if message.get("channel") == "iopub":
                run.iopub.append(message)
                if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                    run.idle.set()
            elif message.get("channel") in ("shell", "control"):
                run.reply = message
                run.replied.set()

    def send(self, msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        run = CellRun()
        self.pending[msg_id] = run
        header = {"msg_id": msg_id, "msg_type": msg_type, "username": "gateway-test",
                  "session": self.session, "version": "5.3",
                  "date": datetime.datetime.now(datetime.timezone.utc).isoformat()}
        self.socket.write_message(json.dumps({
            "header": header, "parent_header": {}, "metadata": {}, "content": content,
            "channel": channel, "buffers": []}))
        return run

    async def wait(self, run, timeout, what):
        """Waits for the reply and the iopub idle of `run`."""
        try:
            await asyncio.wait_for(run.replied.wait(), timeout)
            await asyncio.wait_for(run.idle.wait(), timeout)
        except asyncio.TimeoutError:
            raise GatewayError(f"kernel {self.kernel_id}: no reply to {what} within {timeout} s "
                               f"({run.describe()})") from None
        return run

    async def execute(self, code, timeout=60):
        run = self.send("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        return await self.wait(run, timeout, f"execute_request {code[:40]!r}")

    async def kernel_info(self, timeout=60):
        """The first kernel_info_reply, asking again each second: the gateway may
        connect the WebSocket before the kernel's sockets accept."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = self.send("kernel_info_request", {})
            try:
                await asyncio.wait_for(run.replied.wait(), 1.0)
                return run.reply
            except asyncio.TimeoutError:
                continue
        raise GatewayError(f"kernel {self.kernel_id}: no kernel_info_reply within {timeout} s")

    async def complete(self, code, cursor, timeout=30):
        run = self.send("complete_request", {"code": code, "cursor_pos": cursor})
        await asyncio.wait_for(run.replied.wait(), timeout)
        return run.reply["content"]

    def close(self):
        if self.socket is not None:
            self.socket.close()
        if self.reader is not None:
            self.reader.cancel()


def live_processes(zombies=False):
    """pid -> command line of every process in /proc (zombies left out unless asked)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
            with open(f"/proc/{entry}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state == b"Z" and not zombies:
            continue
        found[int(entry)] = " ".join(a.decode(errors="replace") for a in argv if a)
    return found


def kernel_processes(marker):
    """pid -> command line of every live process whose command line holds `marker`
    (a test's own temporary folder, so only kernels this test started match)."""
    return {pid: line for pid, line in live_processes().items()
            if marker in line and " kernel " in f" {line} "}


def rss_kib(pid):
    """Resident set size of `pid` in KiB, from /proc (None when it has gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None
