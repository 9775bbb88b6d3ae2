"""A huge agency folder is judged in parts across processes, with the result of one unit; chunks are spread by weight."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from ooi.engine import parts
from ooi.engine.checker import check
from ooi.engine.parallel import _chunks
from ooi.input.config import load_settings

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import corpus  # noqa: E402

TODAY = date(2026, 11, 28)


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """60 records in one folder (of 6 agencies), one of them filed again under a name that sorts last (R007)."""
    base = corpus.write(tmp_path_factory.mktemp("parts") / "akar", 60, one_folder=True)
    folder = base / "data/inovasi/d001-dinkes"
    files = sorted(folder.iterdir())
    (folder / "zz-salinan.yaml").write_bytes(files[0].read_bytes())  # the first part and the last: R007 across parts
    (folder / "zz-rusak.yaml").write_text("nama: [tidak ditutup\n", encoding="utf-8")
    return base


def _seen(result):
    return [(r.path, r.kind, r.record, r.findings) for r in result.files]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_folder_in_parts_gives_what_one_unit_gives(root, monkeypatch, jobs):
    settings = load_settings(root)
    whole = check(root, settings, today=TODAY, jobs=1)
    monkeypatch.setattr(parts, "PART", 7)
    cut = check(root, settings, today=TODAY, jobs=jobs)
    assert _seen(cut) == _seen(whole)
    copies = [(f.path, f.code, f.message) for f in cut.findings if f.code == "R007"]
    first = sorted(p.name for p in (root / "data/inovasi/d001-dinkes").iterdir())[0]
    assert copies == [(f"data/inovasi/d001-dinkes/{first}", "R007",
                       "nama inovasi sama dengan data/inovasi/d001-dinkes/zz-salinan.yaml"),
                      ("data/inovasi/d001-dinkes/zz-salinan.yaml", "R007",
                       f"nama inovasi sama dengan data/inovasi/d001-dinkes/{first}")]
    assert sum(r.record is not None for r in cut.files if r.kind == "inovasi") == 61


def test_a_folder_over_part_is_cut_and_its_agency_is_a_unit_alone(root, monkeypatch):
    from ooi.engine.checker import _units
    from ooi.input.discovery import discover

    monkeypatch.setattr(parts, "PART", 25)
    tree = discover(root)
    units = parts.split(_units(tree, tree))
    shapes = [(u.folder, len(u.entries)) if isinstance(u, parts.Part) else (u[0] and u[0].stem, len(u[1]))
              for u in units]
    others = ["d001-dinsos", "d001-disdik", "d001-disnaker", "d001-disperkim", "d001-dpupr"]
    assert shapes == [("d001-dinkes", 0), ("d001-dinkes", 25), ("d001-dinkes", 25), ("d001-dinkes", 12),
                      *((kode, 0) for kode in others)]
    assert sum(map(parts.weight, units)) == 62 + 6


def test_chunks_are_even_by_weight_not_by_count():
    assert [len(c) for c in _chunks(list(range(100)), 16, None)] == [6] * 16 + [4]
    heavy = [10] * 50 + [500] * 10 + [10] * 50  # a folder in parts among small agencies
    assert [sum(c) for c in _chunks(heavy, 8, lambda x: x)] == [1000, 1000, 1000, 1000, 1000, 750, 250]


def test_no_entry_of_the_tree_is_held_while_files_are_compared(root, monkeypatch):
    """The discovered entries (a Path each) go with the run's units: R015, comparing every record, holds none."""
    import gc

    from ooi.input.discovery import Entry
    from ooi.rules import similarity

    alive, real = [], similarity.check_all

    def counted(records, context):
        alive.append(sum(isinstance(thing, Entry) for thing in gc.get_objects()))
        return real(records, context)

    monkeypatch.setattr(similarity, "check_all", counted)
    result = check(root, load_settings(root), today=TODAY, jobs=1)
    assert len(result.files) == 68 and alive == [0, 0]  # registry, then records; the old code: [68, 68]


def test_a_file_result_has_no_instance_dict():
    """A run holds one FileResult a file until its end: slots, not a dict each (~100 B a file)."""
    from ooi.engine.result import FileResult

    result = FileResult("data/opd/x.yaml", "opd")
    assert not hasattr(result, "__dict__") and FileResult.__slots__ == (
        "path", "kind", "record", "findings", "signature", "places")
