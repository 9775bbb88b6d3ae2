"""The progress of long work, drawn on stderr for a person at a terminal: a stage, and how much of it is done.

A command opens one display around its work and tells it what is going on; the
engine only hands it counts (`check(..., progress=shown.count)`), this module draws:

    from ooi.report import progress

    with progress.display(quiet=quiet, machine=format not in ("text", "table")) as shown:
        shown.stage(progress.CHECKING, unit=progress.FILES)  # a bar: files checked / total
        result = check(root, settings, progress=shown.count)
        shown.stage(progress.COUNTING)                        # no count: the stage's name alone
        coverage = tally(result, tahun, per)
        shown.stage(progress.WRITING)
        text = render(...)
    sys.stdout.write(text)  # stdout only once the display is gone: it stays byte-identical

Stages for long commands: `READING` ("membaca berkas"), `COUNTING` ("menghitung"),
`WRITING` ("menulis laporan"); `CHECKING` ("memeriksa berkas") for validate and status.
A stage is an (Indonesian, English) pair like these or a text already translated; its
`unit` names what `count(done, total)` counts (`FILES`, `POINTS` for `ooi history`'s
dates: `shown.stage(progress.COUNTING, unit=progress.POINTS)`, then
`shown.count(i, len(points))` after each point). `count` is cheap enough to call for
every file: it only stores the numbers, and draws at most `REFRESH` times a second.

Nothing is drawn when `--quiet`, when `CI` or `GITHUB_ACTIONS` is set, when stderr is not
a terminal (or a dumb one), when a machine format (`machine=True`) goes to a pipe, or
when the work ends within about a second (it is drawn only once it has run `DELAY`
seconds and looks like going on). The display is erased when the work ends, interrupted
or not, so what follows on the terminal is the command's output alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from time import monotonic
from typing import TextIO

from ooi.i18n import tr
from ooi.report.figures import number

CHECKING = ("memeriksa berkas", "checking files")
READING = ("membaca berkas", "reading files")
COUNTING = ("menghitung", "counting")
WRITING = ("menulis laporan", "writing the report")
FILES = ("berkas", "files")
POINTS = ("titik", "points")

DELAY = 0.5  # seconds of work before anything is drawn; and only if at least as much is left
REFRESH = 4  # draws a second: enough to see it move; a draw costs ~0.3 ms of the parent process
BAR = 40  # characters of the bar, fewer on a narrow terminal


def wanted(*, quiet: bool = False, machine: bool = False, environ: Mapping[str, str] = os.environ,
           stdout: TextIO | None = None, stderr: TextIO | None = None) -> bool:
    """Whether to draw at all: only for a person watching a terminal, never into a log or a pipe."""
    if quiet or any(_set(environ.get(name)) for name in ("CI", "GITHUB_ACTIONS")):
        return False
    if environ.get("TERM") == "dumb" or not _terminal(stderr or sys.stderr):
        return False
    return not machine or _terminal(stdout or sys.stdout)


@contextmanager
def display(*, quiet: bool = False, machine: bool = False) -> Iterator[Display]:
    """A display for the work inside the block (a silent one when `wanted` says no); erased at the end."""
    shown = Display(sys.stderr) if wanted(quiet=quiet, machine=machine) else Display(None)
    try:
        yield shown
    finally:
        shown.close()


class Display:
    """What the work is doing now; draws on `stream` (None: never) a few times a second at most."""

    def __init__(self, stream: TextIO | None) -> None:
        self._stream = stream
        self._opened = self._due = monotonic()
        self._due += DELAY
        self._name, self._unit = "", ""
        self._done, self._total = 0, None
        self._since: tuple[float, int] | None = None  # (when, done) at the first count of this stage
        self._bar = None  # rich's live display and the maker of its line, at the first draw

    def stage(self, name: str | tuple[str, str], unit: str | tuple[str, str] | None = None) -> None:
        """The step now under way; counts start again from nothing."""
        self._name, self._unit = _text(name), _text(unit) if unit else ""
        self._done, self._total, self._since = 0, None, None
        if self._bar is not None:
            self._draw(monotonic())

    def count(self, done: int, total: int) -> None:
        """`done` of `total` (files, points…) of the current stage."""
        self._done, self._total = done, total
        if self._stream is None:
            return
        now = monotonic()
        if self._since is None:
            self._since = (now, done)
        if now >= self._due:
            self._draw(now)

    def close(self) -> None:
        if self._bar is not None:
            self._bar[0].stop()  # transient: the line is erased
            self._bar = None
        self._stream = None

    def _draw(self, now: float) -> None:
        self._due = now + 1 / REFRESH
        if self._stream is None:
            return
        left = self._left(now)
        fresh = self._bar is None
        if fresh:
            if left is not None and left < DELAY or left is None and now - self._opened < 2 * DELAY:
                return  # about to end, or nothing yet says it will take long
            self._bar = _open(self._stream)
        live, line = self._bar
        live.update(line(self._name, self._done / self._total if self._total else None, self._figures(left, now)),
                    refresh=not fresh)
        if fresh:
            live.start(refresh=True)

    def _left(self, now: float) -> float | None:
        """Seconds left at the pace so far, once there is a pace."""
        if not self._total or self._since is None:
            return None
        began, first = self._since
        rate = (self._done - first) / (now - began) if now > began else 0
        return (self._total - self._done) / rate if rate > 0 else None

    def _figures(self, left: float | None, now: float) -> str:
        if not self._total:
            return ""
        figures = f"{_number(self._done)}/{_number(self._total)} {self._unit}".rstrip()
        began, first = self._since or (now, self._done)
        if now - began >= 1 and self._done > first:
            per = tr("{n}/detik", "{n}/s", n=_number(round((self._done - first) / (now - began))))
            figures += f" · {per}"
        if left is not None and now - began >= 1:
            figures += " · " + tr("sisa {t}", "{t} left", t=_clock(left))
        return figures


def _open(stream: TextIO):
    """rich's live display on `stream` and the maker of its one line, imported only when about to draw.

    One `Text` line costs ~0.3 ms a draw where rich's `Progress` table costs ~0.9 ms: the
    display is meant to cost nothing worth measuring.
    """
    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

    def line(name: str, fraction: float | None, figures: str) -> Text:
        parts = [name]
        if fraction is not None:
            width = max(10, min(BAR, console.width - len(name) - len(figures) - 3))  # figures first; a column spare
            filled = round(width * min(fraction, 1))
            parts += [" ", ("━" * filled, "bar.complete"), ("━" * (width - filled), "bar.back")]
        if figures:
            parts.append(f" {figures}")
        return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")  # one line whatever the width

    console = Console(file=stream, highlight=False)
    live = Live(line("", None, ""), console=console, transient=True, auto_refresh=False,
                redirect_stdout=False, redirect_stderr=False)  # stdout is the command's, untouched
    return live, line


def _text(text: str | tuple[str, str]) -> str:
    return text if isinstance(text, str) else tr(*text)


def _number(value: int) -> str:
    """20.000 in Indonesian, 20,000 in English."""
    return number(value)


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds + 0.5), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{second:02d}" if hours else f"{minute}:{second:02d}"


def _set(value: str | None) -> bool:
    """`CI=true`, `CI=1`: set; unset, empty, `0` or `false`: not set (as most CI-detecting tools read it)."""
    return bool(value) and value.strip().lower() not in ("0", "false")


def _terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False
