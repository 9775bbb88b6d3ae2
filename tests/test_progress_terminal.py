"""`ooi` as a person and a CI job run it: the bar in a terminal, none in pipes or CI, Ctrl-C half-way."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import corpus  # noqa: E402

pytestmark = pytest.mark.lambat  # a 10,000-record corpus in a terminal: left out by `-m "not lambat"`

# Long enough to see the bar and to stop half-way on an idle machine too: 3,000 records took 1.3 s there, and a
# bar is drawn only for work with more than half a second still to go (report/progress.py).
RECORDS = 10_000  # and checked cold (--no-cache): a warm run is over before a bar would be drawn
BAR = re.compile(rb"memeriksa berkas .*? ([\d.]+)/([\d.]+) berkas")
ERASED = b"\r\n\x1b[?25h\r\x1b[1A\x1b[2K"  # the bar's line erased, the cursor shown again


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return corpus.write(tmp_path_factory.mktemp("besar") / "akar", RECORDS)


def ooi(args, *, cwd, stop=None, **env):
    """Run `ooi` with stderr on a terminal of 100 columns and stdout on a pipe, in a process group of its own.

    `stop(process)` is called once the bar shows some files checked, to interrupt it.
    Returns (exit code, stdout, stderr, process).
    """
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    unset = ("CI", "GITHUB_ACTIONS", "OOI_LANG", "OOI_ROOT", "NO_COLOR")
    environ = {key: value for key, value in os.environ.items() if key not in unset}
    environ.update({"TERM": "xterm-256color", **env})
    process = subprocess.Popen([sys.executable, "-m", "ooi", *args], cwd=cwd, env=environ, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=follower, start_new_session=True)
    os.close(follower)
    os.set_blocking(process.stdout.fileno(), False)
    out, err, deadline, stopped = b"", b"", time.monotonic() + 300, False
    while True:
        ready, _, _ = select.select([leader, process.stdout], [], [], 0.2)
        if leader in ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's last writer is gone
                chunk = b""
            err += chunk
            if not chunk and process.poll() is not None:
                break
        if process.stdout in ready:
            out += process.stdout.read() or b""
        if stop and not stopped and any(int(m[1].replace(b".", b"")) > 0 for m in BAR.finditer(err)):
            stop(process)
            stopped = True
        if process.poll() is not None and not ready:
            break
        assert time.monotonic() < deadline, err[-2000:]
    out += process.stdout.read() or b""
    os.close(leader)
    return process.wait(), out, err, process


def _left(process) -> bool:
    """Whether any process of the run's group is still there (the run's workers included)."""
    try:
        os.killpg(process.pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_bar_is_drawn_on_stderr_and_stdout_is_what_it_is_without(root):
    code, out, err, _ = ooi(["validate", "--jobs", "2", "--no-cache"], cwd=root)
    assert code == 0, err[-2000:]
    assert b"/11.000 berkas" in err and BAR.search(err), err[-2000:]
    assert err.endswith(ERASED)
    ci_code, ci_out, ci_err, _ = ooi(["validate", "--jobs", "2", "--no-cache"], cwd=root, CI="true")
    assert (ci_code, ci_err) == (0, b"")
    assert out == ci_out == b"11000 berkas diperiksa: 0 error, 0 peringatan\n"


def test_no_bar_when_a_machine_format_goes_into_a_pipe(root):
    code, out, err, _ = ooi(["status", "--format", "json", "--per", "2024-01-01", "--jobs", "2"], cwd=root)
    assert (code, err) == (0, b""), err[-2000:]
    assert out.startswith(b'{\n  "tahun": 2023,\n  "per": "2024-01-01",\n  "total": 1000,\n')


@pytest.mark.parametrize(("whom", "code", "ending"), [
    ("group", 130, ERASED + b"\rooi: dihentikan (Ctrl-C)\r\n"),  # Ctrl-C: the terminal signals the whole group
    ("parent", 130, ERASED + b"\rooi: dihentikan (Ctrl-C)\r\n"),  # `kill -INT PID`: the parent alone
    ("terminate", 143, ERASED),  # `kill PID`: the parent alone; it ends in silence, as a terminated program does
])
def test_stopped_half_way_it_ends_cleanly(root, tmp_path, whom, code, ending):
    """No traceback, no output, no stray file, and no worker left running, whoever got the signal."""
    before = sorted(path.relative_to(root) for path in root.rglob("*"))

    def interrupt(process):
        if whom == "group":
            os.killpg(process.pid, signal.SIGINT)
        else:
            os.kill(process.pid, signal.SIGTERM if whom == "terminate" else signal.SIGINT)

    started = time.monotonic()
    ended, out, err, process = ooi(["validate", "--jobs", "2", "--no-cache"], cwd=tmp_path, stop=interrupt, OOI_ROOT=str(root))
    text = err.decode("utf-8", "replace")
    # Said whole when it fails: a run that ended before any bar was drawn was never interrupted.
    assert BAR.search(err), f"no bar in {time.monotonic() - started:.1f} s; exit {ended}; stdout {out[-300:]!r}; stderr {err[-300:]!r}"
    assert ended == code, repr(text[-2000:])
    assert out == b"" and "Traceback" not in text
    assert err.endswith(ending), text[-2000:]
    assert not _left(process)
    assert list(tmp_path.iterdir()) == [] and sorted(path.relative_to(root) for path in root.rglob("*")) == before


def test_a_pool_thread_left_waiting_does_not_hold_the_exit(root):
    """A worker ended while writing leaves the pool's thread waiting for ever; an interrupted ooi still exits."""
    script = ("import sys, threading; import ooi.engine.checker as checker; "
              "threading.Thread(target=threading.Event().wait).start(); "  # a thread that never ends, as that one
              "checker.check = lambda *a, **k: print('said', flush=True) or (_ for _ in ()).throw(KeyboardInterrupt); "
              f"sys.argv = ['ooi', 'validate', '--root', {str(root)!r}]; "
              "from ooi.cli import main; main()")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (130, "said\n", "ooi: dihentikan (Ctrl-C)\n")
