"""The cost of the progress display (issue 19): `ooi validate` with and without it, in CPU time.

    python bench/progress.py                  # 20,000 records, 5 runs each way
    python bench/progress.py --records 2000 --repeat 3 --jobs 1

Both ways run with stderr on a pseudo-terminal (so the display is drawn); the second passes
`--quiet`. The runs alternate, so a machine whose load changes over time tilts neither
side, and the figure compared is CPU time (user + sys of ooi and its workers, os.wait4),
which other programs on a shared machine disturb far less than the time on the clock.
Being a difference of two noisy figures, that comparison is then checked against a
direct one: a run whose display times its own drawing (rich's import included) with
`time.process_time`, against the CPU time of that whole run.
Standard library only; the corpus is written by bench/corpus.py and kept in --work.
"""

from __future__ import annotations

import argparse
import os
import pty
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import corpus

# `python -c PROBE OUT ARGS…`: ooi ARGS, with the display's drawing timed; writes "seconds draws" to OUT.
PROBE = """
import atexit, sys, time
from ooi.report import progress
spent = [0.0, 0]
def timed(method):
    def run(*args):
        start = time.process_time()
        method(*args)
        spent[0] += time.process_time() - start
        spent[1] += method is draw
    return run
draw, close = progress.Display._draw, progress.Display.close
progress.Display._draw, progress.Display.close = timed(draw), timed(close)
out = sys.argv[1]
atexit.register(lambda: open(out, "w").write(f"{spent[0]} {spent[1]}"))
sys.argv = ["ooi", *sys.argv[2:]]
from ooi.cli import main
main()
"""


def run(root: Path, quiet: bool, jobs: int, probe: Path | None = None) -> tuple[float, float, int]:
    """(CPU seconds, seconds on the clock, bytes drawn on stderr) of one `ooi validate`."""
    leader, follower = pty.openpty()
    drawn = [0]

    def drain():  # a terminal nobody reads fills up and stops the writer
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                return
            if not chunk:
                return
            drawn[0] += len(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    ooi = [sys.executable, "-c", PROBE, str(probe)] if probe else [sys.executable, "-m", "ooi"]
    command = [*ooi, "validate", "--root", str(root), "--jobs", str(jobs)]
    environ = {key: value for key, value in os.environ.items() if key not in ("CI", "GITHUB_ACTIONS")}
    start = time.perf_counter()
    process = subprocess.Popen(command + (["--quiet"] if quiet else []), stdout=subprocess.DEVNULL, stderr=follower,
                               env={**environ, "TERM": "xterm-256color", "COLUMNS": "100"})
    os.close(follower)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    reader.join(timeout=5)
    os.close(leader)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({code})")
    return usage.ru_utime + usage.ru_stime, seconds, drawn[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=0, help="ooi --jobs (0: automatic)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ooi-bench")
    options = parser.parse_args()
    root = options.work / f"corpus-{options.records}"
    if not (root / "ooi.yaml").exists():
        corpus.write(root, options.records)
    shown, quiet = [], []
    for index in range(options.repeat):
        for with_display in ((True, False) if index % 2 == 0 else (False, True)):
            cpu, seconds, drawn = run(root, not with_display, options.jobs)
            (shown if with_display else quiet).append(cpu)
            way = "display" if with_display else "--quiet"
            print(f"{way:8} cpu {cpu:7.2f} s  clock {seconds:7.2f} s  stderr {drawn:7d} bytes", flush=True)
    with_display, without = statistics.median(shown), statistics.median(quiet)
    print(f"median CPU: display {with_display:.2f} s, --quiet {without:.2f} s, "
          f"difference {with_display - without:+.2f} s ({(with_display - without) / without:+.1%})")
    pairs = [a - b for a, b in zip(shown, quiet)]
    print(f"per pair (display - quiet): {', '.join(f'{d:+.2f}' for d in pairs)} s; "
          f"median {statistics.median(pairs):+.2f} s")
    probe = options.work / "progress-probe.txt"
    cpu, seconds, drawn = run(root, False, options.jobs, probe)
    spent, draws = probe.read_text().split()
    print(f"probe: the display drew {draws} times in {seconds:.1f} s and spent {float(spent):.3f} s of CPU "
          f"(rich's import included): {float(spent) / cpu:.2%} of the run's {cpu:.2f} s")


if __name__ == "__main__":
    main()
