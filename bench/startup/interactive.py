"""Time from exec to the first `gb> ` prompt on a pseudo-terminal: the
interactive start-up (readline, history file, journal, restore check), as a
person at a terminal sees it. Usage: python3 interactive.py GRADBOOK [RUNS]"""
import os, pty, select, statistics, sys, tempfile, time

binary = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 30
home = tempfile.mkdtemp(prefix="gradbook-startup-")
env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "TERM": "xterm", "NO_COLOR": "1"}

def once():
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary], env)
    seen = b""
    ready = None
    while ready is None:
        r, _, _ = select.select([fd], [], [], 5)
        if not r:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        seen += chunk
        if b"gb> " in seen:
            ready = time.perf_counter() - start
    os.write(fd, b"\x04")  # Ctrl-D: leave cleanly so no journal is left open
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    # CPU time of the whole run (start-up, prompt, Ctrl-D, exit): less disturbed
    # than wall time when other work shares the cores.
    return ready, usage.ru_utime + usage.ru_stime

results = [r for r in (once() for _ in range(runs)) if r[0] is not None]
times = sorted(r[0] for r in results)
cpu = statistics.median(r[1] for r in results)
print(f"interactive: exec to first prompt, {len(times)} runs: "
      f"median {statistics.median(times)*1e3:.2f} ms, min {times[0]*1e3:.2f} ms, cpu {cpu*1e3:.2f} ms")
