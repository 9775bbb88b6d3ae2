"""`ooi principles [KODE]`: the matrix of innovations × P1…P8 (pass, warning, error, waived), built then rendered."""

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock
from ooi.coverage.matrix import ERROR, PASS, UNJUDGED, WAIVED, WARNING, build
from ooi.engine.checker import check
from ooi.input.config import load_settings

TOP = Path(__file__).resolve().parents[1]
DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
CAPIL = {"kode": "dispendukcapil", "nama": "Dinas Kependudukan dan Pencatatan Sipil", "singkatan": "Dispendukcapil",
         "jenis": "dinas", "urusan": ["2.12"]}
TODAY = date(2026, 12, 7)
# In force for 200 days from the tests' today, within `pengecualian_maks_hari` (365 days).
WAIVER = ("pengecualian:\n  - {berkas: data/inovasi/dispendukcapil/c-waived.yaml, kode: P4, alasan: SK menyusul,"
          " disetujui_oleh: Kepala Bappelitbangda, sampai: 2027-06-25}\n")


@pytest.fixture(autouse=True)
def _today():
    """Every run here is judged on one fixed day, whenever the tests run."""
    with clock.frozen(TODAY):
        yield


def records() -> dict:
    warned = sample("penerapan")
    warned["nama"], warned["prinsip"]["efektivitas"]["realisasi"] = "B Peringatan", 90  # under its target
    failed = sample("uji_coba")
    failed["nama"] = "A Gagal"
    del failed["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]
    failed["prinsip"]["keterbukaan"]["publikasi"] = []
    waived = sample("penerapan")
    waived["nama"] = "C Dikecualikan"
    del waived["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]
    clinic = {**sample("inisiatif"), "opd": "dinkes", "nama": "Klinik"}
    return {"data/inovasi/dispendukcapil/a-failed.yaml": failed, "data/inovasi/dispendukcapil/b-warned.yaml": warned,
            "data/inovasi/dispendukcapil/c-waived.yaml": waived, "data/inovasi/dispendukcapil/d-broken.yaml": "nama: [",
            "data/inovasi/dinkes/klinik.yaml": clinic}


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    return make_root(tmp_path_factory.mktemp("principles"), records(), settings=SETTINGS + WAIVER,
                     agencies=[CAPIL, DINKES])


def run(*args):
    return CliRunner().invoke(app, ["principles", *args], env={"OOI_LANG": None, "OOI_ROOT": None})


def test_each_cell_is_the_worst_of_its_principle(root):
    matrix = build(check(root, load_settings(root)))
    cells = {row.nama: row.cells for row in matrix.rows}
    assert list(cells) == ["Klinik", "A Gagal", "B Peringatan", "C Dikecualikan", "d-broken"]
    assert cells["Klinik"] == dict.fromkeys(cells["Klinik"], PASS)
    assert (cells["A Gagal"]["P4"], cells["A Gagal"]["P6"], cells["A Gagal"]["P1"]) == (ERROR, ERROR, PASS)
    assert (cells["B Peringatan"]["P2"], cells["B Peringatan"]["P4"]) == (WARNING, PASS)
    assert cells["C Dikecualikan"]["P4"] == WAIVED
    assert set(cells["d-broken"].values()) == {UNJUDGED}  # never judged: not a pass it has not earned
    assert matrix.totals("P4") == {PASS: 2, ERROR: 1, WAIVED: 1, UNJUDGED: 1}


def test_a_draft_shows_the_errors_its_rules_could_find_and_nothing_more(tmp_path):
    draft = sample("uji_coba")
    del draft["tujuan"]  # the schema fails ...
    draft["prinsip"]["efisiensi"]["uraian"] = ""  # ... but this was judged all the same
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/draft.yaml": draft}, agencies=[CAPIL])
    [row] = build(check(root, load_settings(root))).rows
    assert row.cells == {**dict.fromkeys(row.cells, UNJUDGED), "P1": ERROR}


def test_one_agency(root):
    matrix = build(check(root, load_settings(root)), "dinkes")
    assert [row.nama for row in matrix.rows] == ["Klinik"] and matrix.kode == "dinkes"


def test_json(root):
    outcome = run("--root", str(root), "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.stdout)
    assert data["kode"] is None and [p["code"] for p in data["principles"]] == [f"P{n}" for n in range(1, 9)]
    assert data["principles"][3] == {"code": "P4", "key": "tanpa_konflik_kepentingan",
                                     "title": "tidak ada konflik kepentingan", "source": "PP 38/2017 Pasal 3 huruf d"}
    failed = next(row for row in data["innovations"] if row["nama"] == "A Gagal")
    assert failed == {"path": "data/inovasi/dispendukcapil/a-failed.yaml", "opd": "dispendukcapil",
                      "nama": "A Gagal", "tahapan": "uji_coba", "cells": failed["cells"]}
    assert data["summary"]["P4"] == {"pass": 2, "warning": 0, "error": 1, "waived": 1, "unjudged": 1}


def test_table_and_markdown(root):
    table = run("--root", str(root), "dispendukcapil").stdout
    assert "OPD dispendukcapil · 4 inovasi" in table and "Klinik" not in table
    assert "A Gagal" in table and "✘" in table and "◌" in table and "▲" in table
    assert "◌ dikecualikan" in table and "– tidak dinilai (skema gagal)" in table
    markdown = run("--root", str(root), "--format", "markdown", "--lang", "en").stdout
    assert "| Innovation | OPD | Stage | P1 |" in markdown
    assert "| A Gagal | `dispendukcapil` | pilot | ✅ | ✅ | ✅ | ❌ |" in markdown
    assert "| **Passing** | | | 4/5 |" in markdown


@pytest.mark.parametrize(("asked", "found"), [("DINKES", "Klinik"), ("dinkes", "Klinik")])
def test_agency_by_code_or_abbreviation(root, asked, found):
    assert found in run("--root", str(root), asked).stdout


def test_an_unknown_agency_is_a_usage_error_with_a_suggestion(root):
    outcome = run("--root", str(root), "dinkess")
    assert outcome.exit_code == 2 and "(maksudnya `dinkes`?)" in outcome.output
    assert run("--root", str(root), "--format", "csv").exit_code == 2


def test_an_agency_without_innovations(tmp_path):
    root = make_root(tmp_path, agencies=[CAPIL, DINKES])
    outcome = run("--root", str(root), "dinkes")
    assert outcome.exit_code == 0 and "Belum ada inovasi." in outcome.stdout


def test_every_shipped_innovation_meets_every_principle():
    outcome = run("--root", str(TOP), "--format", "json")
    data = json.loads(outcome.stdout)
    assert len(data["innovations"]) >= 19
    assert {code: counts["pass"] for code, counts in data["summary"].items()} == \
        dict.fromkeys(data["summary"], len(data["innovations"]))


def test_a_parallel_run_validates_each_record_once(root, monkeypatch, tmp_path):
    """Records judged in worker processes are not validated again in the parent: the matrix keeps name and stage."""
    from ooi.engine import checker, parallel

    calls, real = tmp_path / "calls", checker.validate_innovation

    def counted(data):  # each process appends one byte a call (O_APPEND: the writes of two processes do not mix)
        with open(calls, "ab") as stream:
            stream.write(b".")
        return real(data)

    alone = run("--root", str(root), "--format", "json", "--no-cache").stdout  # 5 files: one process
    monkeypatch.setattr(checker, "validate_innovation", counted)
    monkeypatch.setattr(parallel, "SERIAL_BELOW", 0)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    outcome = run("--root", str(root), "--format", "json", "--no-cache")  # judged, not read from the cache
    assert outcome.exit_code == 0, outcome.output
    assert calls.read_bytes() == b"...."  # the four files that parse, once each (the old code: 4, then 4 again)
    assert outcome.stdout == alone
    data = json.loads(outcome.stdout)
    assert [(row["nama"], row["tahapan"]) for row in data["innovations"]] == [
        ("Klinik", "inisiatif"), ("A Gagal", "uji_coba"), ("B Peringatan", "penerapan"),
        ("C Dikecualikan", "penerapan"), ("d-broken", None)]
