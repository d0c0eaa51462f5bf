"""Gradbook kernels behind Jupyter Enterprise Gateway, with the kernelspec and
process-proxy configuration of docs/deploy.md that one machine can exercise
(the local process proxy): several kernels train, fail, are interrupted and
restarted, and shut down without leaving a process.
"""

import asyncio
import os

from conftest import TOKEN, run_async, work_dir
from gateway_client import Gateway
from scenario import Fleet, median

KERNELS = int(os.environ.get("EG_KERNELS", "4"))


def test_kernels_behind_enterprise_gateway(enterprise_gateway):
    async def scenario():
        gateway = Gateway(enterprise_gateway.port, TOKEN)
        fleet = Fleet(gateway, work_dir())
        try:
            await fleet.start(KERNELS)
            await fleet.assign_names()
            await fleet.train_all()
            await fleet.error_all()
            await asyncio.gather(fleet.interrupt(0), fleet.restart(1), fleet.check_names(range(2, KERNELS)))
            await fleet.check_names(range(KERNELS))
            path = os.environ.get("GATEWAY_FIGURES")
            if path:
                import json
                figures = json.load(open(path)) if os.path.exists(path) else {}
                figures["enterprise_gateway"] = {
                    "kernels": KERNELS,
                    "startup_to_first_reply_s_median": round(median(fleet.startup_seconds), 3)}
                with open(path, "w") as f:
                    json.dump(figures, f, indent=1, sort_keys=True)
            await fleet.shutdown_all()
        finally:
            for ch in fleet.channels:
                ch.close()
            gateway.close()
    run_async(scenario(), timeout=300)
