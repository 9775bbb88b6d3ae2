"""`ooi status` end to end: golden output per format, --fail-under, usage errors, and the shipped launch data."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import AGENCY, make_root, sample
from test_coverage import pilot, plan
from typer.testing import CliRunner

from ooi.cli import app

GOLDEN = Path(__file__).parent / "golden" / "status"
UPDATE = os.environ.get("OOI_UPDATE_GOLDEN") == "1"
SHIPPED = Path(__file__).parent.parent
WHEN = ["--tahun", "2023", "--per", "2023-06-30"]


def run(*args, **env):
    return CliRunner().invoke(app, list(args), env={"OOI_LANG": None, "OOI_ROOT": None, "NO_COLOR": None, **env})


def golden_root(base: Path) -> Path:
    """One agency per situation: achieved, planned, reported (with a broken file and a warning), a kelurahan
    reporting under a missing kecamatan, an agency that ended, a file filed after D, a file of no agency."""
    def agency(kode, nama, singkatan, jenis, **extra):
        return {"kode": kode, "nama": nama, "singkatan": singkatan, "jenis": jenis, "urusan": ["7.01"], **extra}

    agencies = [
        agency("setda", "Sekretariat Daerah", "Setda", "sekretariat"), AGENCY,
        agency("dinkes", "Dinas Kesehatan", "Dinkes", "dinas"),
        agency("disparta", "Dinas Pariwisata", "Disparta", "dinas"),
        agency("kec-batu", "Kecamatan Batu", "Kec. Batu", "kecamatan"),
        agency("kel-sisir", "Kelurahan Sisir", "Kel. Sisir", "kelurahan", induk="kec-batu"),
        agency("dinlama", "Dinas Lama", "Dinlama", "dinas", aktif_sampai="2022-12-31"),
    ]
    warned = pilot("2022-03-01", "2023-01-20", "SIP BANGET", "disparta")
    warned["urusan"] = {"utama": "9.99"}
    files = {
        "data/inovasi/dispendukcapil/penak-pkk.yaml": sample("penerapan"),
        "data/inovasi/dispendukcapil/penak-pkk-plus.yaml": sample("uji_coba"),
        "data/inovasi/dinkes/siap-antar.yaml": plan(2023, "2023-03-10", "SIAP ANTAR", "dinkes"),
        "data/inovasi/dinkes/skrining.yaml": pilot("2023-07-03", "2023-08-01", "Skrining", "dinkes"),
        "data/inovasi/disparta/sip-banget.yaml": warned,
        "data/inovasi/disparta/rusak.yaml": "nama: [belum ditutup\n",
        "data/inovasi/kel-sisir/sipena.yaml": pilot("2021-01-04", "2022-01-05", "SIPENA", "kel-sisir"),
        "data/inovasi/dinlama/lama.yaml": pilot("2022-01-03", "2022-01-05", "Lama", "dinlama"),
        "data/inovasi/tanpa-opd/x.yaml": pilot("2022-01-03", "2022-01-05", "X", "tanpa-opd"),
    }
    # kemiripan_maks: the records are the samples' texts under other names, not what R015 is tested on here.
    settings = ("pemda: Pemerintah Kota Uji\ntahun_target: 2023\njendela_tahun: 2\nbahasa: id\n"
                "aturan:\n  R004: warning\nkemiripan_maks: 0.95\n")
    return make_root(base, files, settings=settings, agencies=agencies)


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> str:
    return str(golden_root(tmp_path_factory.mktemp("status")))


def assert_golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(("fmt", "lang"), [("table", "id"), ("table", "en"), ("json", "id"), ("csv", "id"),
                                           ("markdown", "id"), ("markdown", "en")])
def test_golden_output(root, fmt, lang):
    outcome = run("status", "--root", root, *WHEN, "--format", fmt, "--lang", lang)
    assert outcome.exit_code == 0, outcome.output
    assert_golden(f"expected{'' if lang == 'id' else '.' + lang}.{fmt}", outcome.stdout)


def test_json_keys_are_those_spec_pins(root):
    report = json.loads(run("status", "--root", root, *WHEN, "--format", "json").stdout)
    assert {"tahun", "per", "total", "summary", "agencies"} <= set(report)
    assert (report["tahun"], report["per"], report["total"]) == (2023, "2023-06-30", 6)
    assert {"achieved", "planned", "reported", "missing", "agencies_with_innovation", "innovations"} <= set(
        report["summary"])
    assert {"kode", "nama", "status", "innovations", "plans", "errors", "warnings"} <= set(report["agencies"][0])
    statuses = {a["kode"]: (a["status"], a["errors"]) for a in report["agencies"]}
    assert statuses == {"setda": ("missing", 0), "dispendukcapil": ("achieved", 0), "dinkes": ("planned", 0),
                        "disparta": ("reported", 1), "kec-batu": ("missing", 0), "kel-sisir": ("reported", 0)}
    assert report["agencies"][2]["warnings"] >= 1  # the unknown sector code, made a warning in ooi.yaml


def test_table_labels_in_both_languages(root):
    table = run("status", "--root", root, *WHEN).stdout
    for text in ("Tercapai", "Direncanakan", "Sudah melapor", "Belum melapor", "└ Kel. Sisir", "Capaian target"):
        assert text in table
    english = run("status", "--root", root, *WHEN, "--lang", "en").stdout
    for text in ("Achieved", "Planned", "Reported", "Missing", "Target 2023 achieved"):
        assert text in english
    assert "\x1b[" not in table  # no colour when the output is not a terminal


def test_year_defaults_to_the_settings(root):
    report = json.loads(run("status", "--root", root, "--per", "2023-06-30", "--format", "json").stdout)
    assert report["tahun"] == 2023
    later = json.loads(run("status", "--root", root, "--per", "2024-06-30", "--tahun", "2024", "-f", "json").stdout)
    assert later["tahun"] == 2024 and later["summary"]["achieved"] == 0


@pytest.mark.parametrize(("threshold", "code"), [("16", 0), ("16.6", 0), ("16.7", 1), ("100", 1), ("0", 0)])
def test_fail_under(root, threshold, code):
    outcome = run("status", "--root", root, *WHEN, "--format", "json", "--fail-under", threshold)
    assert outcome.exit_code == code, outcome.output  # 1 of 6 achieved: 16.67%
    assert ("di bawah --fail-under" in outcome.stderr) is bool(code)


@pytest.mark.parametrize(("args", "message"), [
    (["--per", "2023-02-30"], "--per: `2023-02-30` bukan tanggal"),
    (["--per", "5 Februari 2023"], "--per: `5 Februari 2023` bukan tanggal"),
    (["--per", "20230205"], "bukan tanggal"),
    (["--format", "xml"], "--format xml tidak dikenal"),
    (["--fail-under", "120"], ""),
    (["--tahun", "dua"], ""),
])
def test_usage_errors_exit_two(root, args, message):
    outcome = run("status", "--root", root, *args)
    assert outcome.exit_code == 2, outcome.output
    assert message in outcome.stderr
    assert "Traceback" not in outcome.output


def test_broken_data_is_counted_never_a_traceback(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": b"\xff\xfe\x00rusak",
                                "data/inovasi/dispendukcapil/b.yaml": "- daftar\n- bukan pemetaan\n",
                                "data/inovasi/dispendukcapil/c.yaml": "a: &x [1]\nb: *x\n",
                                "data/opd/rusak.yaml": "kode: [\n"})
    for fmt in ("table", "json", "csv", "markdown"):
        outcome = run("status", "--root", str(root), "--format", fmt)
        assert outcome.exit_code == 0, outcome.output
    report = json.loads(run("status", "--root", str(root), "--format", "json").stdout)
    assert report["agencies"][0]["errors"] == 3 and report["agencies"][0]["status"] == "missing"
    assert [o["path"] for o in report["other"]] == ["data/opd/rusak.yaml"]


def test_shipped_data_at_the_launch():
    """SPEC §5: as of 5 February 2023, 11 agencies with 19 innovations, the rest missing."""
    outcome = run("status", "--root", str(SHIPPED), "--tahun", "2023", "--per", "2023-02-05", "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    report = json.loads(outcome.stdout)
    registered = len(list((SHIPPED / "data/opd").glob("*.yaml")))
    summary = report["summary"]
    assert report["total"] == registered == 35
    assert (summary["reported"], summary["agencies_with_innovation"], summary["innovations"]) == (11, 11, 19)
    assert (summary["achieved"], summary["planned"], summary["missing"]) == (0, 0, registered - 11)
    assert all(a["errors"] == 0 and a["warnings"] == 0 for a in report["agencies"]), report["agencies"]


def test_readme_shows_the_launch_day_table():
    """The README's sample is the real output (the count of files filed later may grow with the data)."""
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```\n\$ ooi status --tahun 2023 --per 2023-02-05\n(.*?)```", readme, re.S).group(1)
    real = run("status", "--root", str(SHIPPED), "--tahun", "2023", "--per", "2023-02-05").stdout

    def lines(text: str) -> list[str]:
        return [line for line in text.splitlines() if "dilapor setelah" not in line]

    assert lines(shown) == lines(real)
