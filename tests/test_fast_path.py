"""Every file costs one read and one parse: no event scan for plain records, no second parse for positions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from conftest import SETTINGS, make_root, sample
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ooi.engine.checker import check
from ooi.input import positions
from ooi.input.config import load_settings
from ooi.input.loading import parse
from ooi.input.positions import ODD_BREAK, Lines


def test_positions_come_from_the_one_parse(tmp_path, monkeypatch):
    broken = sample("penerapan")
    del broken["tujuan"]
    root = make_root(tmp_path, {
        "data/inovasi/dispendukcapil/a.yaml": sample("penerapan"),
        "data/inovasi/dispendukcapil/b.yaml": {**sample("uji_coba"), "nama": "Inovasi B"},
        "data/inovasi/dispendukcapil/rusak.yaml": broken,
    }, settings=SETTINGS + "kemiripan_maks: 0.95\n")  # b.yaml is a.yaml's text renamed: not R015's test
    composed = []
    real = yaml.compose
    monkeypatch.setattr(positions.yaml, "compose", lambda text, **kw: composed.append(text) or real(text, **kw))
    result = check(root, load_settings(root), today=date(2026, 11, 28))
    assert [(f.path, f.line, f.column, f.code) for f in result.findings] == [
        ("data/inovasi/dispendukcapil/rusak.yaml", 1, 1, "S001")]
    assert composed == []


def test_findings_across_files_read_no_file_twice(tmp_path, monkeypatch):
    """R007 (a name filed twice) and R001 (a kelurahan under no kecamatan) are placed without a reload."""
    from ooi.input import loading, reading

    agencies = [
        {"kode": "dispendukcapil", "nama": "Dinas Kependudukan", "singkatan": "Disdukcapil", "jenis": "dinas",
         "urusan": ["2.12"]},
        {"kode": "kel-b", "nama": "Kelurahan B", "singkatan": "Kel. B", "jenis": "kelurahan", "urusan": ["7.01"],
         "induk": "dispendukcapil"},
    ]
    root = make_root(tmp_path, {
        "data/inovasi/dispendukcapil/a.yaml": "# salinan\n\n" + yaml.safe_dump(sample("penerapan")),
        "data/inovasi/dispendukcapil/b.yaml": sample("penerapan"),
    }, agencies=agencies)
    settings = load_settings(root)
    read = []
    real = reading.read
    monkeypatch.setattr(loading, "read", lambda path, root=None: read.append(Path(path).name) or real(path, root))
    result = check(root, settings, today=date(2026, 11, 28), jobs=1)
    assert [(f.path, f.line, f.column, f.code) for f in result.findings] == [
        ("data/inovasi/dispendukcapil/a.yaml", 25, 1, "R007"),
        ("data/inovasi/dispendukcapil/b.yaml", 1, 1, "R007"),
        ("data/opd/kel-b.yaml", 7, 1, "R001"),
    ]
    assert sorted(read) == ["a.yaml", "b.yaml", "dispendukcapil.yaml", "kel-b.yaml"]


def test_plain_records_skip_the_event_scan(tmp_path, monkeypatch):
    scanned = []
    real = yaml.parse
    monkeypatch.setattr(yaml, "parse", lambda raw, **kw: scanned.append(raw) or real(raw, **kw))
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": sample("penerapan")})
    assert check(root, load_settings(root), today=date(2026, 11, 28)).findings == []
    assert scanned == []


def test_a_hint_listing_agencies_reads_only_the_agencies_it_shows(tmp_path, monkeypatch):
    """An unregistered `opd` lists twelve codes: the registry is read in order until they are found, not whole."""
    from ooi.input import loading, reading

    agencies = [{"kode": f"dinas-{n:02d}", "nama": f"Dinas {n}", "singkatan": f"D{n}", "jenis": "dinas",
                 "urusan": ["2.12"]} for n in range(30)]
    root = make_root(tmp_path, {"data/inovasi/dinas-fiktif/inovasi.yaml": {**sample("penerapan"), "opd": "dinas-fiktif"}},
                     agencies=agencies)
    settings = load_settings(root)
    read = []
    real = reading.read
    monkeypatch.setattr(loading, "read", lambda path, root=None: read.append(Path(path).name) or real(path, root))
    result = check(root, settings, today=date(2026, 11, 28), jobs=1, targets=[root / "data/inovasi/dinas-fiktif"])
    [finding] = [f for f in result.findings if f.code == "R001" and f.field == "opd"]
    assert finding.hint == ("pilih kode dari data/opd: dinas-00, dinas-01, dinas-02, dinas-03, dinas-04, dinas-05, "
                            "dinas-06, dinas-07, dinas-08, dinas-09, dinas-10, dinas-11 …")
    assert sorted(read) == sorted(["inovasi.yaml", "dinas-fiktif.yaml", *[f"dinas-{n:02d}.yaml" for n in range(13)]]), read


def _marks(text: str) -> list:
    """Every mark libyaml gives for `text`: of each event, or of the error that stops it."""
    marks = []
    try:
        for event in yaml.parse(text.encode("utf-8"), Loader=yaml.CSafeLoader):
            marks += [event.start_mark, event.end_mark]
    except yaml.MarkedYAMLError as error:
        marks += [mark for mark in (error.context_mark, error.problem_mark) if mark is not None]
    except yaml.YAMLError:
        pass
    return marks


@given(st.lists(st.sampled_from(list("ab:-#'\"[]{},é漢😀 \t\n") + ["\r\n", "  - ", "k: v\n"]), max_size=60).map("".join))
@settings(max_examples=500, deadline=None)
def test_without_odd_breaks_libyaml_counts_lines_and_columns_as_an_editor(text):
    assume(ODD_BREAK.search(text) is None)
    table, marks = Lines(text), Lines(text, odd=False)
    assert [marks.mark(mark) for mark in _marks(text)] == [table.mark(mark) for mark in _marks(text)]


def test_a_file_without_odd_breaks_builds_no_line_table(tmp_path):
    document = parse("nama: Sigap Bumil\r\nopd: dinkes\nurusan: {utama: '1.02'}\n".encode("utf-8"))
    assert document.locator().locate(("opd",)) == (2, 1)
    assert document.locator().locate(("urusan", "utama")) == (3, 10)
    assert document.lines._starts is None
