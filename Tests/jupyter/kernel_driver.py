"""Drives a running Jupyter kernel through jupyter_client and gathers what one
request produced, so each test can assert on the messages themselves.

Every wait is bounded: a kernel that stops answering fails the test with a
message naming what it waited for, instead of hanging `make test`.
"""

import queue
import re
import time
from dataclasses import dataclass, field

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text):
    """The text without ANSI colour and cursor sequences."""
    return ANSI.sub("", text)


@dataclass
class CellRun:
    """What one execute_request produced: the shell reply, and the iopub
    messages whose parent is that request, in arrival order."""

    reply: dict
    iopub: list = field(default_factory=list)
    seconds: float = 0.0

    @property
    def content(self):
        return self.reply["content"]

    @property
    def status(self):
        return self.content["status"]

    def of_type(self, *msg_types):
        """iopub messages of the given types, in order."""
        return [m for m in self.iopub if m["msg_type"] in msg_types]

    @property
    def outputs(self):
        """The messages a notebook front end would show as outputs."""
        return self.of_type("stream", "display_data", "execute_result", "error")

    def stdout(self):
        return "".join(m["content"]["text"] for m in self.of_type("stream")
                       if m["content"]["name"] == "stdout")

    def result(self):
        """The execute_result content, failing clearly when there is none or several."""
        results = self.of_type("execute_result")
        assert len(results) == 1, f"expected one execute_result, got {self.describe()}"
        return results[0]["content"]

    def describe(self):
        """A compact trace for assertion messages: type and the start of the content."""
        parts = []
        for m in self.iopub:
            c = m["content"]
            if m["msg_type"] == "status":
                parts.append(f"status:{c.get('execution_state')}")
            elif m["msg_type"] == "stream":
                parts.append(f"stream:{c.get('name')}:{c.get('text')!r}")
            elif m["msg_type"] in ("execute_result", "display_data"):
                parts.append(f"{m['msg_type']}:{sorted(c.get('data', {}))}:"
                             f"{str(c.get('data', {}).get('text/plain'))[:80]!r}")
            elif m["msg_type"] == "error":
                parts.append(f"error:{c.get('ename')}:{c.get('evalue')!r}")
            else:
                parts.append(m["msg_type"])
        return f"reply={self.content.get('status')} iopub=[{', '.join(parts)}]"


def drain_iopub(kc, wait=0.2):
    """Discards iopub messages left from earlier requests."""
    while True:
        try:
            kc.get_iopub_msg(timeout=wait)
        except queue.Empty:
            return


def collect_iopub(kc, msg_id, timeout):
    """iopub messages with parent msg_id, up to and including status idle."""
    deadline = time.monotonic() + timeout
    got = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no status idle for {msg_id} within {timeout} s; "
                                 f"saw {[m['msg_type'] for m in got]}")
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        got.append(msg)
        if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
            return got


def shell_reply(kc, msg_id, timeout):
    """The shell reply whose parent is msg_id."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise AssertionError(f"no shell reply to {msg_id} within {timeout} s")
        try:
            msg = kc.get_shell_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def run_cell(kc, code, timeout=30, **kwargs):
    """Sends one execute_request and returns its CellRun (reply plus iopub)."""
    start = time.monotonic()
    msg_id = kc.execute(code, **kwargs)
    reply = shell_reply(kc, msg_id, timeout)
    iopub = collect_iopub(kc, msg_id, timeout)
    return CellRun(reply=reply, iopub=iopub, seconds=time.monotonic() - start)


def request(kc, method, *args, timeout=10, **kwargs):
    """Sends a shell request by its KernelClient method name and returns the reply."""
    msg_id = getattr(kc, method)(*args, **kwargs)
    return shell_reply(kc, msg_id, timeout)
