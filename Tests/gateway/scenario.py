"""What a class does to a gateway, as steps both gateway tests share: many kernels
at once, a training cell and an error cell in each (every reply checked against
the kernel it came from), an interrupt mid-loop, a restart, and a shutdown that
leaves no kernel process.
"""

import asyncio
import re
import time

from gateway_client import GatewayError, kernel_processes, rss_kib

# A small network trained for memory's sake, then a linear fit whose answer names
# the kernel: the weights [[k, 1]] are owed by kernel k and no other.
TRAINING_CELL = (
    "seed(K); X = randn(1000, 20); Y = X @ randn(20, 1); "
    "net = Sequential(Dense(20, 64), ReLU(), Dense(64, 1)); "
    "hist = fit(net, X, Y, loss=mse, opt=Adam(lr=0.01), epochs=20, batch_size=50); "
    "X2 = randn(64, 2); Y2 = X2 @ [[K], [1]]; model = Dense(2, 1); "
    "h = fit(model, X2, Y2, loss=mse, opt=SGD(lr=0.5), epochs=200, batch_size=64); model.W.T")

NUMBER = re.compile(r"-?\d+(?:\.\d*)?(?:e[-+]?\d+)?")


def numbers(text):
    return [float(x) for x in NUMBER.findall(text)]


class Fleet:
    """Kernels started on one gateway, each with its channels and its index."""

    def __init__(self, gateway, marker, kernel_name="gradbook"):
        self.gateway = gateway
        self.marker = marker
        self.kernel_name = kernel_name
        self.ids = []
        self.channels = []
        self.startup_seconds = []

    async def start(self, count):
        async def one(k):
            t0 = time.monotonic()
            kernel_id = await self.gateway.start_kernel(self.kernel_name)
            channels = await self.gateway.connect(kernel_id)
            await channels.kernel_info()
            return kernel_id, channels, time.monotonic() - t0
        started = await asyncio.gather(*(one(k) for k in range(count)))
        for kernel_id, channels, seconds in started:
            self.ids.append(kernel_id)
            self.channels.append(channels)
            self.startup_seconds.append(seconds)

    def pid(self, k):
        """The process of kernel k, found by its connection file's name (kernel-ID.json)."""
        for pid, line in kernel_processes(self.marker).items():
            if self.ids[k] in line:
                return pid
        return None

    async def assign_names(self):
        """`K = k` in kernel k: every later check asks a kernel for its own K."""
        runs = await asyncio.gather(*(ch.execute(f"K = {k};") for k, ch in enumerate(self.channels)))
        for k, run in enumerate(runs):
            assert run.content["status"] == "ok", f"kernel {k}: {run.describe()}"

    async def check_names(self, indices):
        runs = await asyncio.gather(*(self.channels[k].execute("K") for k in indices))
        for k, run in zip(indices, runs):
            assert run.content["status"] == "ok", f"kernel {k}: {run.describe()}"
            assert numbers(run.result_text()) == [k], f"kernel {k} answered {run.result_text()!r}"

    async def train_all(self, timeout=300):
        runs = await asyncio.gather(*(ch.execute(TRAINING_CELL, timeout) for ch in self.channels))
        for k, run in enumerate(runs):
            assert run.content["status"] == "ok", f"kernel {k}: {run.describe()}"
            got = numbers(run.result_text())
            assert len(got) == 2 and abs(got[0] - k) < 1e-6 and abs(got[1] - 1) < 1e-6, \
                f"kernel {k} answered {run.result_text()!r}, owed [[{k}, 1]]"

    async def error_all(self):
        runs = await asyncio.gather(*(ch.execute(f"undefined_{k} + 1") for k, ch in enumerate(self.channels)))
        for k, run in enumerate(runs):
            content = run.content
            assert content["status"] == "error", f"kernel {k}: {run.describe()}"
            errors = run.of_type("error")
            assert len(errors) == 1, f"kernel {k}: {run.describe()}"
            assert f"undefined_{k}" in errors[0]["content"]["evalue"], f"kernel {k}: {run.describe()}"
            assert any("^" in line for line in errors[0]["content"]["traceback"]), \
                f"kernel {k}: no caret in the traceback: {errors[0]['content']['traceback']}"

    async def interrupt(self, k):
        """A loop that never ends on its own, stopped through the gateway's REST API;
        the session (K) survives it."""
        channels = self.channels[k]
        run = channels.send("execute_request", {"code": "i = 0; while true i += 1 end", "silent": False,
                                                "store_history": True, "user_expressions": {},
                                                "allow_stdin": False, "stop_on_error": True})
        deadline = time.monotonic() + 30
        while not run.of_type("status") and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)  # inside the loop, not before it
        assert not run.replied.is_set(), f"the endless loop ended by itself: {run.describe()}"
        await self.gateway.interrupt(self.ids[k])
        await channels.wait(run, 30, "the interrupted loop")
        assert run.content["status"] == "error", run.describe()
        assert "interrupt" in str(run.content).lower() + run.describe().lower(), run.describe()
        await self.check_names([k])

    async def restart(self, k):
        """After a restart the kernel answers, with a fresh session (K is gone)."""
        old = self.pid(k)
        self.channels[k].close()
        await self.gateway.restart(self.ids[k])
        self.channels[k] = await self.gateway.connect(self.ids[k])
        await self.channels[k].kernel_info()
        run = await self.channels[k].execute("K")
        assert run.content["status"] == "error" and "'K'" in str(run.content), run.describe()
        new = self.pid(k)
        assert new is not None and new != old, f"restart kept process {old} (now {new})"
        run = await self.channels[k].execute(f"K = {k}; K + 0.5")
        assert numbers(run.result_text()) == [k + 0.5], run.describe()

    async def replies_per_second(self, per_kernel):
        """`1+1` round trips, every kernel at once, each kernel's in sequence."""
        async def loop(ch):
            for _ in range(per_kernel):
                run = await ch.execute("1+1", 60)
                assert run.result_text() == "2", run.describe()
        t0 = time.monotonic()
        await asyncio.gather(*(loop(ch) for ch in self.channels))
        return per_kernel * len(self.channels) / (time.monotonic() - t0)

    def rss(self):
        """RSS in KiB of each kernel process."""
        values = []
        for k in range(len(self.ids)):
            pid = self.pid(k)
            if pid is not None and rss_kib(pid) is not None:
                values.append(rss_kib(pid))
        return values

    async def shutdown_all(self):
        for ch in self.channels:
            ch.close()
        await asyncio.gather(*(self.gateway.shutdown(kernel_id) for kernel_id in self.ids))
        left = await self.gateway.kernels()
        assert left == [], f"the gateway still lists {left}"
        deadline = time.monotonic() + 15
        while kernel_processes(self.marker) and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
        assert kernel_processes(self.marker) == {}, \
            f"kernel processes outlived their shutdown: {kernel_processes(self.marker)}"


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


__all__ = ["Fleet", "GatewayError", "TRAINING_CELL", "median", "numbers"]
