"""Twenty Gradbook kernels behind Jupyter Kernel Gateway, as a class would use
them, and what goes wrong in a class: a kernel killed, a client gone mid-cell, a
gateway culling an idle kernel. Each leaves the other kernels serving.
"""

import asyncio
import json
import os
import signal
import time

from conftest import TOKEN, leftover_check, kernel_gateway_argv, run_async, start_server, work_dir
from gateway_client import Gateway, kernel_processes
from scenario import Fleet, median, numbers

KERNELS = int(os.environ.get("GATEWAY_KERNELS", "20"))


def record_figures(figures):
    """Adds to the JSON file run.sh prints (GATEWAY_FIGURES), for docs/performance.md."""
    path = os.environ.get("GATEWAY_FIGURES")
    if not path:
        return
    old = {}
    if os.path.exists(path):
        with open(path) as f:
            old = json.load(f)
    old.update(figures)
    with open(path, "w") as f:
        json.dump(old, f, indent=1, sort_keys=True)


def test_twenty_kernels_train_fail_interrupt_restart_and_shut_down(kernel_gateway):
    async def scenario():
        gateway = Gateway(kernel_gateway.port, TOKEN)
        fleet = Fleet(gateway, work_dir())
        try:
            # One kernel alone first, three times: start-up without nineteen others queued beside it.
            solo = []
            for _ in range(3):
                single = Fleet(gateway, work_dir())
                await single.start(1)
                solo += single.startup_seconds
                await single.shutdown_all()
            await fleet.start(KERNELS)
            assert len(set(fleet.ids)) == KERNELS
            await asyncio.sleep(1)  # let start-up garbage settle before measuring idle memory
            idle = fleet.rss()
            await fleet.assign_names()
            await fleet.train_all()
            trained = fleet.rss()
            await fleet.error_all()
            await fleet.check_names(range(KERNELS))
            # Interrupt and restart two kernels at once while the rest keep answering.
            others = list(range(4, KERNELS))
            await asyncio.gather(fleet.interrupt(0), fleet.restart(1), fleet.check_names(others))
            await client_gone_mid_cell(fleet, 2)
            await kernel_killed(fleet, 3, others)
            rate = await fleet.replies_per_second(per_kernel=10)
            record_figures({
                "kernel_gateway": {
                    "kernels": KERNELS,
                    "startup_alone_to_first_reply_s_median": round(median(solo), 3),
                    "startup_to_first_reply_s_median": round(median(fleet.startup_seconds), 3),
                    "startup_to_first_reply_s_max": round(max(fleet.startup_seconds), 3),
                    "rss_idle_kib_median": median(idle),
                    "rss_after_training_kib_median": median(trained),
                    "replies_per_second_1plus1": round(rate, 1),
                }})
            await fleet.shutdown_all()
        finally:
            for ch in fleet.channels:
                ch.close()
            gateway.close()
    run_async(scenario())


async def client_gone_mid_cell(fleet, k):
    """The cell goes on after its client disconnects; a new client sees its result."""
    channels = fleet.channels[k]
    channels.send("execute_request", {"code": "s = 0; for i in range(200000) s += i end; s", "silent": False,
                                      "store_history": True, "user_expressions": {}, "allow_stdin": False,
                                      "stop_on_error": True})
    await asyncio.sleep(0.1)
    channels.close()
    fleet.channels[k] = await fleet.gateway.connect(fleet.ids[k])
    run = await fleet.channels[k].execute("s", 120)
    assert numbers(run.result_text()) == [sum(range(200000))], run.describe()
    await fleet.check_names([k])


async def kernel_killed(fleet, k, others):
    """SIGKILL one kernel: the rest answer at once; the gateway starts it again."""
    victim = fleet.pid(k)
    assert victim is not None
    os.kill(victim, signal.SIGKILL)
    await fleet.check_names(others)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pid = fleet.pid(k)
        if pid is not None and pid != victim:
            break
        await asyncio.sleep(0.25)
    else:
        raise AssertionError(f"kernel {k} was not started again after it was killed")
    fleet.channels[k].close()
    fleet.channels[k] = await fleet.gateway.connect(fleet.ids[k])
    await fleet.channels[k].kernel_info()
    run = await fleet.channels[k].execute(f"K = {k}; K")
    assert numbers(run.result_text()) == [k], run.describe()


def test_culling_an_idle_kernel_leaves_the_busy_one_serving():
    server = start_server("kernel-gateway-cull", kernel_gateway_argv,
                          "--MappingKernelManager.cull_idle_timeout=2",
                          "--MappingKernelManager.cull_interval=1")
    try:
        async def scenario():
            gateway = Gateway(server.port, TOKEN)
            fleet = Fleet(gateway, work_dir())
            try:
                await fleet.start(2)
                fleet.channels[1].close()
                idle_pid = fleet.pid(1)
                # Kernel 0 is busy for longer than the idle limit; kernel 1 is idle and
                # unconnected, so the gateway culls it meanwhile.
                run = await fleet.channels[0].execute(
                    "t = 0; for i in range(400000) t += 1 end; t", 120)
                assert numbers(run.result_text()) == [400000], run.describe()
                deadline = time.monotonic() + 20
                while time.monotonic() < deadline and fleet.ids[1] in [k["id"] for k in await gateway.kernels()]:
                    await asyncio.sleep(0.25)
                listed = [k["id"] for k in await gateway.kernels()]
                assert fleet.ids[1] not in listed, "the idle kernel was not culled"
                while idle_pid in kernel_processes(work_dir()) and time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                assert idle_pid not in kernel_processes(work_dir()), "the culled kernel's process lives on"
                if fleet.ids[0] in listed:
                    run = await fleet.channels[0].execute("t + 1")
                    assert numbers(run.result_text()) == [400001], run.describe()
            finally:
                for ch in fleet.channels:
                    ch.close()
                gateway.close()
        run_async(scenario(), timeout=180)
    finally:
        server.stop()
        leftover_check("Kernel Gateway (culling)")
