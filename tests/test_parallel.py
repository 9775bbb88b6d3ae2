"""Checking across processes gives what one process gives; a run over one file reads only what it needs."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import dump, sample

from ooi.engine import checker, registry
from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.model.errors import OoiError

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import corpus  # noqa: E402

TODAY = date(2026, 11, 28)


@pytest.fixture
def root(tmp_path):
    """A generated root of 30 valid records in 3 agencies, with a few mistakes mixed in."""
    base = corpus.write(tmp_path / "akar", 30)
    folder = base / "data/inovasi/d001-dinkes"
    first = sorted(folder.iterdir())[0]
    (folder / "salinan.yaml").write_bytes(first.read_bytes())  # R007: the same name twice
    broken = {**sample("penerapan"), "opd": "d001-dinkes", "tahapan": "penerapn"}
    (folder / "rusak.yaml").write_text(dump(broken), encoding="utf-8")
    (base / "data/inovasi/d001-disdik/sintaks.yaml").write_text("nama: [tidak ditutup\n", encoding="utf-8")
    (base / "data/inovasi/tanpa-opd.yaml").write_text("nama: x\n", encoding="utf-8")
    (base / "data/opd/d001-dinsos.yaml").write_text("kode: d001-dinsos\njenis: dinas\n", encoding="utf-8")
    return base


def _seen(result):
    return [(r.path, r.kind, r.record, r.findings) for r in result.files]


def test_two_processes_give_the_result_of_one(root):
    settings = load_settings(root)
    one = check(root, settings, today=TODAY, jobs=1)
    two = check(root, settings, today=TODAY, jobs=2)
    assert one.errors > 0 and {"R007", "S004", "Y003", "Y013", "S001"} <= {f.code for f in one.findings}
    assert _seen(two) == _seen(one)
    assert [f.message for f in two.findings] == [f.message for f in one.findings]
    assert sum(r.record is not None for r in two.files if r.kind == "inovasi") == 31  # records come back whole


def test_records_can_be_let_go(root):
    result = check(root, load_settings(root), today=TODAY, jobs=2, records=False)
    assert all(r.record is None for r in result.files if r.kind == "inovasi")
    assert result.findings == check(root, load_settings(root), today=TODAY, jobs=1).findings


def test_a_one_file_run_reads_its_folder_and_the_entries_it_names(root, monkeypatch):
    read = []
    for module in (checker, registry):
        real = module.load
        monkeypatch.setattr(module, "load", lambda path, root=None, real=real: read.append(Path(path).parent.name)
                            or real(path, root))
    target = sorted((root / "data/inovasi/d001-dinkes").iterdir())[0]
    alone = check(root, load_settings(root), targets=[target], today=TODAY)
    assert set(read) == {"d001-dinkes", "opd"} and read.count("opd") == 1
    whole = check(root, load_settings(root), today=TODAY)
    rel = target.relative_to(root).as_posix()
    assert [r.path for r in alone.files] == [rel]
    assert alone.files[0].findings == next(r for r in whole.files if r.path == rel).findings


def test_jobs_must_not_be_negative(root):
    with pytest.raises(OoiError):
        check(root, load_settings(root), jobs=-1)


def test_plain_data_crosses_packed_and_a_marked_value_is_refused():
    from ooi.engine.parallel import Packed
    from ooi.input.loading import Surprise

    assert Packed.of({"a": [1, "x", None, 2.5]}).data() == {"a": [1, "x", None, 2.5]}
    with pytest.raises(ValueError):
        Packed.of({"nip": Surprise("012", 10)})


def test_a_worker_sends_what_it_judged_and_the_parent_makes_the_records_again():
    from datetime import date

    from ooi.engine.memo import Memo, days
    from ooi.engine.result import FileResult
    from ooi.input.loading import Surprise
    from ooi.model.records import Agency

    today, worker = date(2023, 5, 1), Memo()
    worker.keep_fresh()
    record_a, record_b = Agency.model_construct(kode="a"), Agency.model_construct(kode="b")
    plain = FileResult("data/opd/a.yaml", "opd", record=record_a)
    marked = FileResult("data/opd/b.yaml", "opd", record=record_b)
    key_a, key_b = ("data/opd/a.yaml", "blob a", b"salt", None), ("data/opd/b.yaml", "blob b", b"salt", None)
    worker.put(key_a, today, plain, {"kode": "a", "aktif_sejak": "2023-01-02"})
    worker.put(key_b, today, marked, {"kode": Surprise("012", 10)})
    sent = worker.fresh_judgements()
    assert [judged.record for _, judged in sent] == [None, record_b]  # plain data only: no record to pickle
    parent = Memo()
    parent.receive(sent, lambda rel, data: f"made from {rel}")
    assert [parent.get(key, today).record for key in (key_a, key_b)] == ["made from data/opd/a.yaml", record_b]
    assert days(parent.get(key_a, today).pivots) == (date(2023, 1, 2),)
    assert worker.fresh_judgements() == []


def test_spawned_workers_give_what_forked_ones_give(root, monkeypatch):
    """Windows and macOS start workers by spawning (a fresh interpreter that imports ooi again): same findings."""
    from ooi.engine import parallel

    settings = load_settings(root)
    monkeypatch.setenv("OOI_START_METHOD", "fork")
    forked = check(root, settings, today=TODAY, jobs=2)
    monkeypatch.setenv("OOI_START_METHOD", "spawn")
    assert parallel.start_method() == "spawn"
    spawned = check(root, settings, today=TODAY, jobs=2)
    assert _seen(spawned) == _seen(forked)
    assert [f.message for f in spawned.findings] == [f.message for f in forked.findings]


def test_the_start_method_is_spawn_where_fork_is_missing(monkeypatch):
    from ooi.engine import parallel

    monkeypatch.delenv("OOI_START_METHOD", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert parallel.start_method() == "spawn"
    assert parallel.workers(0, 2000) == 1  # a spawned worker imports everything again: worth it only for more files
    monkeypatch.setattr(sys, "platform", "linux")
    assert parallel.start_method() == "fork"


def test_validate_under_spawn_prints_what_it_prints_under_fork(root):
    """The command end to end, in a fresh process as a person runs it, forced onto two spawned workers."""
    import os
    import subprocess

    outputs = []
    for method in ("fork", "spawn"):
        env = {**os.environ, "OOI_START_METHOD": method, "OOI_LANG": "id"}
        done = subprocess.run([sys.executable, "-m", "ooi", "validate", "--root", str(root), "--jobs", "2",
                               "--format", "json"], capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 1, done.stderr
        outputs.append(done.stdout)
    assert outputs[1] == outputs[0] and '"R007"' in outputs[0]


class _Box:
    """An item a test can watch being let go."""

    def __init__(self, number: int) -> None:
        self.number = number


def test_a_run_empties_its_items_and_lets_each_go_once_done():
    import weakref

    from ooi.engine import parallel

    items = [_Box(number) for number in range(4)]
    watched = [weakref.ref(item) for item in items]

    def alive(item: _Box, shared: None) -> tuple[int, int]:  # in one process: how many items are still held
        return item.number, sum(ref() is not None for ref in watched)

    assert parallel.run(alive, items, None, 1) == [(0, 4), (1, 3), (2, 2), (3, 1)]
    assert items == [] and [ref() for ref in watched] == [None] * 4
    spread = [_Box(number) for number in range(6)]
    assert parallel.run(_number, spread, None, 2) == [0, 1, 2, 3, 4, 5]  # in order, across two processes
    assert spread == []


def _number(item: _Box, shared: None) -> int:
    return item.number
