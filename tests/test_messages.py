"""Findings say where and what to write: positions, suggestions, stage notes, both languages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from conftest import make_root, sample

from ooi import i18n
from ooi.engine.checker import check
from ooi.input.config import load_settings

FIXTURES = Path(__file__).parent / "fixtures" / "invalid"
REL = "data/inovasi/dispendukcapil/x.yaml"


def only(tmp_path, content):
    root = make_root(tmp_path, {REL: content})
    findings = check(root, load_settings(root), today=date(2026, 11, 28)).findings
    assert len(findings) == 1, findings
    return findings[0]


def test_unknown_key_suggests_the_known_one(tmp_path):
    finding = only(tmp_path, (FIXTURES / "s002-unknown-key.yaml").read_bytes())
    assert finding.field == "catatn"
    assert "catatan" in finding.hint


def test_stage_typo_suggests_the_stage_and_still_checks_the_rest(tmp_path):
    finding = only(tmp_path, (FIXTURES / "s004-stage-typo.yaml").read_bytes())
    assert (finding.code, finding.field) == ("S004", "tahapan")
    assert "`uji_coba`" in finding.hint
    data = sample("uji_coba")
    data["tahapan"], data["tujuan"] = "uji coba", 5
    root = make_root(tmp_path / "two", {REL: data})
    found = check(root, load_settings(root)).findings
    assert [(f.code, f.field) for f in found] == [("S004", "tahapan"), ("S008", "tujuan")]


def test_missing_key_points_at_its_parent_and_names_the_stage(tmp_path):
    text = (FIXTURES / "s001-penerapan-without-date.yaml").read_text()
    finding = only(tmp_path, text)
    assert finding.field == "waktu.penerapan"
    assert text.splitlines()[finding.line - 1].startswith("waktu:")
    assert "tahapan penerapan" in finding.message
    assert "penerapan:" in finding.hint


def test_wrong_value_points_at_its_key(tmp_path):
    text = (FIXTURES / "s005-bad-nip.yaml").read_text()
    finding = only(tmp_path, text)
    assert text.splitlines()[finding.line - 1].strip().startswith("nip:")
    assert finding.column == 3


def test_yaml_surprises_are_explained(tmp_path):
    code = only(tmp_path / "a", (FIXTURES / "s008-code-as-number.yaml").read_bytes())
    assert "2.12" in code.message and '"' in code.hint
    boolean = only(tmp_path / "b", (FIXTURES / "s008-no-as-boolean.yaml").read_bytes())
    assert "boolean" in boolean.message
    octal = only(tmp_path / "c", (FIXTURES / "s008-leading-zero.yaml").read_bytes())
    assert "03150" in octal.message and "1640" in octal.message


def test_duplicate_key_points_at_the_second_one(tmp_path):
    text = (FIXTURES / "y004-duplicate-key.yaml").read_text()
    finding = only(tmp_path, text)
    assert text.splitlines()[finding.line - 1].startswith("tujuan: Tujuan kedua")


def test_syntax_error_has_line_and_a_hint(tmp_path):
    text = (FIXTURES / "y003-colon-in-text.yaml").read_text()
    finding = only(tmp_path, text)
    assert text.splitlines()[finding.line - 1].startswith("tujuan: Tujuan:")
    assert "kutip" in finding.hint


def test_english_on_request(tmp_path):
    i18n.use("en")
    finding = only(tmp_path, (FIXTURES / "s002-unknown-key.yaml").read_bytes())
    assert finding.message == "unknown key `catatn`"
    assert finding.hint == "did you mean `catatan`?"


def test_agency_missing_induk_for_kelurahan(tmp_path):
    kelurahan = {"kode": "kel-a", "nama": "Kelurahan A", "singkatan": "Kel. A", "jenis": "kelurahan",
                 "urusan": ["7.01"]}
    root = make_root(tmp_path, agencies=[kelurahan])
    found = check(root, load_settings(root)).findings
    assert [(f.code, f.field) for f in found] == [("S001", "induk")]


def test_an_empty_value_is_reported_as_empty_not_as_missing_or_invalid(tmp_path):
    data = sample("penerapan")
    data["bukti"][0]["tautan"] = ""
    data["penanggung_jawab"]["nip"] = ""
    root = make_root(tmp_path, {REL: data})
    found = check(root, load_settings(root), today=date(2026, 11, 28)).findings
    assert [(f.code, f.message) for f in found] == [
        ("S001", "`penanggung_jawab.nip` masih kosong"),
        ("S001", "`bukti[0].tautan` masih kosong"),
    ]
