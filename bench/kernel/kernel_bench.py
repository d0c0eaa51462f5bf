"""Start-up and round-trip time of the gradbook kernel against ipykernel, both
started the same way through jupyter_client in the same run.

Start-up: from KernelManager.start_kernel() to the kernel_info_reply of a
kernel_info_request sent as soon as the channels are open (ZeroMQ queues it
until the kernel binds its shell socket). client.wait_for_ready() is not timed:
it adds fixed 0.2 s iopub waits that would hide the difference.
jupyter_client connects as soon as the process is launched, usually before the
kernel listens; ZeroMQ then retries the connection after its reconnect interval,
100 ms by default, which is most of a fast kernel's start-up as a front end sees
it. `--reconnect-ms 2` sets the client's interval to 2 ms so the figure is the
kernel's own cost (both kernels alike).
Round trip: an execute_request of `1+1` until both its execute_reply and its
status idle have arrived, after warm-up, on one kernel per kind.

Usage: python kernel_bench.py [--starts 10] [--trips 50] [--reconnect-ms MS] KERNEL_NAME...
Prints one line per kernel and the ratios against the first one.
"""

import argparse
import queue
import statistics
import subprocess
import time

import zmq
from jupyter_client import KernelManager


def wait_reply(kc, msg_id, timeout, channel="shell"):
    deadline = time.monotonic() + timeout
    get = kc.get_shell_msg if channel == "shell" else kc.get_iopub_msg
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {channel} reply to {msg_id} in {timeout} s")
        try:
            msg = get(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            if channel == "shell" or msg["msg_type"] == "status" \
                    and msg["content"]["execution_state"] == "idle":
                return msg


def start(name, reconnect_ms=None):
    """(seconds to kernel_info_reply, km, kc) for one fresh kernel."""
    km = KernelManager(kernel_name=name)
    context = zmq.Context()
    if reconnect_ms is not None:
        context.setsockopt(zmq.RECONNECT_IVL, reconnect_ms)
    t0 = time.perf_counter()
    # Both kernels' log lines (ipykernel warns about TCP on every start) would
    # bury the table.
    km.start_kernel(stderr=subprocess.DEVNULL)
    kc = km.client(context=context)
    kc.start_channels()
    deadline = time.monotonic() + 60
    while True:
        msg_id = kc.kernel_info()
        try:
            wait_reply(kc, msg_id, timeout=2)
            break
        except TimeoutError:
            # A kernel may drop a request that came before it was ready to
            # serve; ask again, as wait_for_ready does, and say so (it skews the time).
            print(f"{name}: no kernel_info_reply within 2 s, asking again")
            if time.monotonic() > deadline or not km.is_alive():
                raise
    elapsed = time.perf_counter() - t0
    # Untimed: iopub is a PUB/SUB pair and may connect later than shell; a
    # round trip that starts before it has would wait for an idle already lost.
    kc.wait_for_ready(timeout=60)
    return elapsed, km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)
    kc.context.term()


def round_trips(kc, n, warmup=5):
    times = []
    for i in range(warmup + n):
        t0 = time.perf_counter()
        msg_id = kc.execute("1+1")
        reply = wait_reply(kc, msg_id, 30)
        wait_reply(kc, msg_id, 30, channel="iopub")
        elapsed = time.perf_counter() - t0
        assert reply["content"]["status"] == "ok", reply["content"]
        if i >= warmup:
            times.append(elapsed)
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--starts", type=int, default=10)
    parser.add_argument("--trips", type=int, default=50, help="0 to skip round trips")
    parser.add_argument("--reconnect-ms", type=int, default=None)
    parser.add_argument("kernels", nargs="+")
    args = parser.parse_args()

    starts = {name: [] for name in args.kernels}
    trips = {}
    # Interleaved, so that load from elsewhere on the machine hits both alike.
    for i in range(args.starts):
        for name in args.kernels:
            seconds, km, kc = start(name, args.reconnect_ms)
            starts[name].append(seconds)
            if i == args.starts - 1 and args.trips > 0:
                trips[name] = round_trips(kc, args.trips)
            stop(km, kc)

    base = args.kernels[0]
    interval = "default (100 ms)" if args.reconnect_ms is None else f"{args.reconnect_ms} ms"
    print(f"client reconnect interval: {interval}; {args.starts} starts per kernel, interleaved"
          + (f"; {args.trips} round trips of 1+1 after 5 warm-up" if trips else ""))
    header = f"{'kernel':<10} {'start median ms':>16} {'min ms':>8}  {'vs ' + base:>12}"
    if trips:
        header += f"  {'1+1 median ms':>14} {'min ms':>8}  {'vs ' + base:>12}"
    print(header)
    for name in args.kernels:
        s = statistics.median(starts[name])
        line = (f"{name:<10} {s * 1e3:>16.1f} {min(starts[name]) * 1e3:>8.1f}"
                f"  {s / statistics.median(starts[base]):>11.2f}x")
        if trips:
            t = statistics.median(trips[name])
            line += (f"  {t * 1e3:>14.2f} {min(trips[name]) * 1e3:>8.2f}"
                     f"  {t / statistics.median(trips[base]):>11.2f}x")
        print(line)

if __name__ == "__main__":
    main()
