"""The judgement cache in the commands that keep summaries (`status`, `show`, `report`'s day), and R015's outcomes kept."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from gitrepo import Repo
from test_cache import BROKEN, COPY, DAY, LATER, ORIGINAL, TWICE, corpus, validate
from conftest import sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.input import cachefiles


def status(root, *args: str) -> tuple[int, str]:
    with clock.frozen(DAY):
        done = CliRunner().invoke(app, ["status", "--root", str(root), *args])
    return done.exit_code, done.stdout


@pytest.fixture
def root(tmp_path):
    return corpus(tmp_path)


def _judged_again(monkeypatch) -> list[str]:
    """The innovation files judged from their bytes from now on (agencies are judged every run: the registry)."""
    from ooi.engine import checker

    real, judged = checker._judge_document, []

    def judge(entry, *args):
        if entry.kind == "inovasi":
            judged.append(entry.rel)
        return real(entry, *args)

    monkeypatch.setattr(checker, "_judge_document", judge)
    return judged


def test_a_warm_status_prints_the_bytes_of_a_cold_one(root):
    cold = {shape: status(root, "--no-cache", "--format", shape) for shape in ("table", "json", "csv")}
    assert not (root / cachefiles.FOLDER).exists()  # --no-cache writes nothing
    assert json.loads(cold["json"][1])["summary"]["innovations"] == 1  # as of DAY: the later one not yet filed
    for shape, printed in cold.items():
        assert status(root, "--format", shape) == printed  # the run that writes the cache
        assert status(root, "--format", shape) == printed  # the runs that read it
    assert status(root, "--lang", "en") == status(root, "--lang", "en", "--no-cache")
    with clock.frozen(DAY):
        shown = [CliRunner().invoke(app, ["show", "dinkes", "--root", str(root), *extra]).stdout
                 for extra in ((), ("--no-cache",))]
    assert shown[0] == shown[1] and "Penak Sehat" in shown[0]


@pytest.mark.parametrize("command", [["principles", "--format", "json"], ["remind", "--format", "json"]])
def test_the_other_commands_that_keep_summaries_print_the_same_bytes_warm(root, command, monkeypatch):
    def run(*extra: str) -> str:
        with clock.frozen(DAY):
            done = CliRunner().invoke(app, [*command, "--root", str(root), *extra])
        assert done.exit_code == 0, done.output
        return done.stdout

    cold = run("--no-cache")
    assert run() == cold
    judged = _judged_again(monkeypatch)
    assert run() == cold
    assert judged == []


def test_a_warm_status_judges_no_innovation_again(root, monkeypatch):
    cold = status(root, "--format", "json")
    judged = _judged_again(monkeypatch)
    assert status(root, "--format", "json") == cold
    assert judged == []


def test_status_uses_what_validate_judged_and_validate_what_status_judged(root, monkeypatch):
    validated = validate(root)
    judged = _judged_again(monkeypatch)
    assert status(root, "--format", "json") == status(root, "--format", "json", "--no-cache")
    assert sorted(judged) == sorted(set(judged)) and len(judged) == 5  # only the run without the cache judged
    judged.clear()
    assert validate(root) == validated
    assert judged == []


def test_a_changed_record_gives_status_its_new_summary(tmp_path):
    repo = Repo.made(tmp_path / "repo", **{ORIGINAL: sample("uji_coba"), TWICE: sample("uji_coba")})
    before = status(repo.root, "--format", "json")
    assert status(repo.root, "--format", "json") == before
    repo.write(TWICE, sample("penerapan"))  # not committed: its bytes are hashed, not the index's blob id taken
    warm = status(repo.root, "--format", "json")
    assert warm == status(repo.root, "--format", "json", "--no-cache")
    # One name twice (R007, an error) counted neither; a record of its own counts the first
    counted = [(agency["status"], agency["innovations"], agency["errors"])
               for agency in (json.loads(before[1])["agencies"][0], json.loads(warm[1])["agencies"][0])]
    assert counted == [("missing", [], 2), ("achieved", [ORIGINAL], 0)]


def test_summaries_read_back_share_their_stage_form_type_sector_and_dates():
    from ooi.engine.cache_entries import summary_of

    kept = ["Sigap Bumil", "uji_coba", "2023-03-10", None, ["2023-01-02", None], "pelayanan_publik", "digital", "1.02"]
    first, second = (summary_of(json.loads(json.dumps(kept))) for _ in range(2))  # JSON: a copy of every text
    assert first == second and first.nama is not second.nama
    assert [a is b for a, b in zip(first[1:], second[1:]) if a is not None] == [True] * 6  # one of each, held


def _outcomes(root) -> list[str]:
    """The digests of the R015 outcomes the cache keeps, newest first."""
    body = cachefiles.load(root / cachefiles.FOLDER, cachefiles.pack_name("across\0R015"))
    assert body is not None
    return [outcome[0] for outcome in json.loads(body)[1]]


def test_a_run_over_a_few_files_keeps_the_whole_runs_r015_outcome(root, monkeypatch):
    from ooi.rules import similarity

    whole = validate(root)
    few = validate(root, str(root / COPY))
    assert len(_outcomes(root)) == 2
    compared = []
    real = similarity._pairs
    monkeypatch.setattr(similarity, "_pairs", lambda items, limit: (items and compared.append([p for p, _ in items])) or
                        real(items, limit))
    assert validate(root) == whole and validate(root, str(root / COPY)) == few
    assert compared == []  # both outcomes were kept
    kept = _outcomes(root)
    for number, path in enumerate((ORIGINAL, TWICE, COPY, ORIGINAL)):  # more inputs than kept: the oldest go
        text = (root / path).read_text()
        (root / path).write_text(re.sub("^nama: (.*)$", rf"nama: \1 {number}", text, count=1, flags=re.M))
        validate(root, str(root / path))
    # each run over a changed file compares its folder's records again (a run over some files compares those)
    assert compared == [[TWICE, ORIGINAL], [TWICE, ORIGINAL], [LATER, COPY], [TWICE, ORIGINAL]]
    now = _outcomes(root)
    assert len(now) == 4 and not set(now) & set(kept)


def test_a_report_judges_its_day_through_the_cache_and_prints_the_same_bytes(root, monkeypatch):
    """Its trend is judged through its own memo each time; the day after it, through the cache as `status` is."""
    def report(*extra: str) -> tuple[str, list[str]]:
        judged = _judged_again(monkeypatch)
        with clock.frozen(DAY):
            done = CliRunner().invoke(app, ["report", "--output", "-", "--root", str(root), *extra])
        assert done.exit_code == 0, done.output
        monkeypatch.undo()
        return done.stdout, sorted(judged)

    cold, judged = report("--no-cache")
    assert not (root / cachefiles.FOLDER).exists()  # --no-cache writes nothing
    assert report() == (cold, judged)  # the run that writes the cache judges as the run without it
    warm, again = report()
    assert warm == cold
    # Warm, the day's run judges none of the five innovation files: the trend's points judge what they did.
    assert Counter(judged) - Counter(again) == Counter([BROKEN, COPY, LATER, ORIGINAL, TWICE])
    assert not Counter(again) - Counter(judged)
