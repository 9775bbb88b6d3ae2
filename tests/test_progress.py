"""The progress display: when it is drawn, what it says, how often; the engine's counts; Ctrl-C and writes."""

from __future__ import annotations

import io
import multiprocessing
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import checker, parallel
from ooi.engine.checker import check
from ooi.i18n import use
from ooi.input.config import load_settings
from ooi.input.writing import write_file
from ooi.report import progress

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import corpus  # noqa: E402


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


PIPE = io.StringIO()  # isatty() is False


@pytest.mark.parametrize(("options", "environ", "stdout", "stderr", "drawn"), [
    ({}, {}, PIPE, Terminal(), True),  # text to a pipe, stderr a terminal: a person is watching
    ({"machine": True}, {}, Terminal(), Terminal(), True),  # JSON on the screen
    ({"machine": True}, {}, PIPE, Terminal(), False),  # JSON to a pipe or a file
    ({"quiet": True}, {}, Terminal(), Terminal(), False),
    ({}, {"CI": "true"}, Terminal(), Terminal(), False),
    ({}, {"GITHUB_ACTIONS": "true"}, Terminal(), Terminal(), False),
    ({}, {"CI": "false"}, Terminal(), Terminal(), True),
    ({}, {"CI": ""}, Terminal(), Terminal(), True),
    ({}, {"TERM": "dumb"}, Terminal(), Terminal(), False),
    ({}, {}, Terminal(), PIPE, False),  # stderr to a log
])
def test_drawn_only_for_a_person_at_a_terminal(options, environ, stdout, stderr, drawn):
    assert progress.wanted(**options, environ=environ, stdout=stdout, stderr=stderr) is drawn


@pytest.fixture
def clock(monkeypatch):
    """A clock the test moves by hand."""
    now = [1000.0]
    monkeypatch.setattr(progress, "monotonic", lambda: now[0])
    monkeypatch.setenv("COLUMNS", "120")
    return now


def test_nothing_is_drawn_for_short_work(clock):
    screen = Terminal()
    shown = progress.Display(screen)
    shown.stage(progress.CHECKING, unit=progress.FILES)
    shown.count(0, 300)
    clock[0] += 0.6
    shown.count(250, 300)  # 0.1 s left at this pace
    clock[0] += 0.1
    shown.count(300, 300)
    shown.close()
    assert screen.getvalue() == ""


def test_long_work_shows_files_rate_and_time_left_then_is_erased(clock):
    screen = Terminal()
    shown = progress.Display(screen)
    shown.stage(progress.CHECKING, unit=progress.FILES)
    shown.count(0, 20_000)
    clock[0] += 0.4
    shown.count(400, 20_000)
    assert screen.getvalue() == ""  # not before half a second
    clock[0] += 0.6
    shown.count(1_000, 20_000)
    line = shown._bar[0].get_renderable()
    assert line.plain == "memeriksa berkas " + "━" * 40 + " 1.000/20.000 berkas · 1.000/detik · sisa 0:19"
    assert [(span.end - span.start, span.style) for span in line.spans] == [(2, "bar.complete"), (38, "bar.back")]
    assert "1.000/20.000 berkas · 1.000/detik · sisa 0:19" in screen.getvalue()
    shown.stage(progress.WRITING)  # a stage without counts: its name alone
    assert shown._bar[0].get_renderable().plain == "menulis laporan"
    shown.close()
    assert screen.getvalue().endswith("\x1b[2K")  # the line is erased: the terminal holds the output alone
    assert shown._bar is None


def test_drawn_a_few_times_a_second_not_per_file(clock, monkeypatch):
    screen = Terminal()
    shown = progress.Display(screen)
    shown.stage(progress.READING, unit=progress.FILES)
    shown.count(0, 100_000)
    clock[0] += 1.0
    shown.count(100, 100_000)
    draws = []
    monkeypatch.setattr(shown._bar[0], "refresh", lambda: draws.append(clock[0]))
    for done in range(1, 16_385):  # 16,384 files over two seconds (a step a float adds up exactly)
        clock[0] += 1 / 8192
        shown.count(100 + done, 100_000)
    assert draws == [1001.0 + step / progress.REFRESH for step in range(1, 2 * progress.REFRESH + 1)]


def test_english_figures_and_points(clock):
    use("en")
    screen = Terminal()
    shown = progress.Display(screen)
    shown.stage(progress.COUNTING, unit=progress.POINTS)
    shown.count(0, 52)
    clock[0] += 1.5
    shown.count(6, 52)
    assert shown._bar[0].get_renderable().plain == "counting " + "━" * 40 + " 6/52 points · 4/s · 0:12 left"
    shown.close()


def test_a_silent_display_takes_counts_and_draws_nothing(clock):
    shown = progress.Display(None)
    shown.stage(progress.CHECKING, unit=progress.FILES)
    for done in range(1000):
        clock[0] += 0.01
        shown.count(done, 1000)
    assert shown._bar is None


@pytest.fixture(scope="module")
def small_root(tmp_path_factory):
    return corpus.write(tmp_path_factory.mktemp("kecil") / "akar", 40)


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_engine_counts_every_file_once_in_one_or_more_processes(small_root, jobs):
    heard = []
    result = check(small_root, load_settings(small_root), jobs=jobs, progress=lambda done, total: heard.append((done, total)))
    files = len(result.files)
    assert files == 44 and heard[0] == (0, files) and heard[-1] == (files, files)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert {total for _, total in heard} == {files}


def test_a_failing_worker_ends_every_worker(small_root, monkeypatch):
    def broken(unit, shared):
        raise RuntimeError("cacat")

    monkeypatch.setattr(checker, "_check_unit", broken)  # forked workers inherit the patched module
    with pytest.raises(RuntimeError, match="cacat"):
        check(small_root, load_settings(small_root), jobs=2, progress=lambda *_: None)
    assert multiprocessing.active_children() == []


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, small_root):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(checker, "check", interrupted)
    outcome = CliRunner().invoke(app, ["validate", "--root", str(small_root)])
    assert (outcome.exit_code, outcome.stdout, outcome.stderr) == (130, "", "ooi: dihentikan (Ctrl-C)\n")
    outcome = CliRunner().invoke(app, ["status", "--root", str(small_root), "--lang", "en"])
    assert (outcome.exit_code, outcome.stderr) == (130, "ooi: interrupted (Ctrl-C)\n")


def test_an_abort_is_told_and_a_bug_keeps_its_own_traceback(monkeypatch, small_root):
    import typer

    def aborted(*args, **kwargs):
        raise typer.Abort()

    def broken(*args, **kwargs):
        raise RuntimeError("cacat")

    monkeypatch.setattr(checker, "check", aborted)
    outcome = CliRunner().invoke(app, ["validate", "--root", str(small_root)])
    assert (outcome.exit_code, outcome.stderr) == (1, "Dibatalkan.\n")
    monkeypatch.setattr(checker, "check", broken)  # a bug: exit 3, one line; its own traceback with --debug
    outcome = CliRunner().invoke(app, ["validate", "--root", str(small_root)])
    assert outcome.exit_code == 3 and outcome.stderr.startswith("ooi: kesalahan di dalam ooi sendiri (bug), bukan di "
                                                                "data Anda: RuntimeError: cacat. ")
    outcome = CliRunner().invoke(app, ["validate", "--debug", "--root", str(small_root)])
    assert outcome.exit_code == 3 and "\nRuntimeError: cacat\nooi: kesalahan" in outcome.stderr


def test_quiet_is_an_option_of_the_long_commands(small_root):
    for command in (["validate"], ["status"], ["show", "d001-dinkes"], ["principles"], ["iid"]):
        for flag in ("--quiet", "-q"):
            outcome = CliRunner().invoke(app, [*command, flag, "--root", str(small_root)])
            assert outcome.exit_code in (0, 1), outcome.output


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_file(tmp_path / "schema" / "inovasi.json", "{}\n")
    assert list((tmp_path / "schema").iterdir()) == []


def test_the_workers_ignore_ctrl_c_and_the_parent_hears_it():
    heard = parallel.run(_signal_of_worker, [1, 2, 3], None, 2)
    assert heard == ["ignored"] * 3


def _signal_of_worker(item, shared):
    import signal

    return "ignored" if signal.getsignal(signal.SIGINT) == signal.SIG_IGN else "heard"


def test_on_a_narrow_terminal_the_bar_gives_way_to_the_figures(clock, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    shown = progress.Display(Terminal())
    shown.stage(progress.CHECKING, unit=progress.FILES)
    shown.count(0, 20_000)
    clock[0] += 1.0
    shown.count(10_000, 20_000)
    assert shown._bar[0].get_renderable().plain == (
        "memeriksa berkas " + "━" * 14 + " 10.000/20.000 berkas · 10.000/detik · sisa 0:01")
    shown.close()


def test_an_interrupted_export_leaves_the_old_file_and_no_temporary_one(tmp_path, monkeypatch):
    from ooi.input.writing import write_output

    target = tmp_path / "iid.xlsx"
    target.write_bytes(b"lama")
    write_output(target, b"baru")
    assert target.read_bytes() == b"baru"

    def interrupted(source, target):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_output(target, b"setengah")
    assert [path.name for path in tmp_path.iterdir()] == ["iid.xlsx"] and target.read_bytes() == b"baru"


def test_a_history_counts_its_points_as_they_are_made(monkeypatch):
    from contextlib import nullcontext
    from datetime import date
    from types import SimpleNamespace

    from ooi.coverage.tally import Coverage
    from ooi.history import series as history

    made = []
    source = SimpleNamespace(sumber="tanggal_lapor", remembering=nullcontext)
    monkeypatch.setattr(history, "as_of", lambda source, tahun, day, jobs: made.append(day) or Coverage(
        pemda="Kota Uji", tahun=2023, per=day, jendela=2, agencies=(), inactive=(), other=(), later=0))
    series = history.series
    heard = []
    days = [date(2023, 1, 31), date(2023, 2, 28), date(2023, 3, 31)]
    series(source, 2023, days, progress=lambda done, total: heard.append((made[-1], done, total)))
    assert heard == [(days[0], 1, 3), (days[1], 2, 3), (days[2], 3, 3)]
