"""Values a hostile record can hold: control characters in paths, numbers too long to print, 1 MiB texts, odd keys."""

from __future__ import annotations

import json

import pytest
from conftest import dump, make_root, sample
from typer.testing import CliRunner

from ooi import i18n
from ooi.cli import app
from ooi.schema.validation import validate_innovation

REL = "data/inovasi/dispendukcapil/uji.yaml"


def run(root, *args):
    outcome = CliRunner().invoke(app, [*args, "--root", str(root)])
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.exception
    return outcome


def mine(root) -> list[tuple]:
    outcome = run(root, "validate", "--format", "json")
    assert outcome.exit_code == 1, outcome.output
    return [(f["line"], f["column"], f["code"], f["message"]) for f in json.loads(outcome.stdout)["findings"]
            if f["path"] == REL]


@pytest.mark.parametrize("command", [["validate"], ["status"], ["show", "dispendukcapil"], ["principles"]])
def test_a_nul_in_an_evidence_path_is_a_finding_in_every_command(tmp_path, command):
    record = sample("uji_coba")
    record["bukti"][0]["berkas"] = "bukti/sk\0.pdf"
    root = make_root(tmp_path, {REL: record})
    assert run(root, *command).exit_code in (0, 1)
    if command == ["validate"]:
        assert [f for f in mine(root) if f[2] == "S007"] == [
            (48, 3, "S007", "`bukti[0].berkas`: jalur berkas memuat karakter kendali U+0000")]


@pytest.mark.parametrize("written", ["0x" + "f" * 4000, "1" * 5000, "1:" * 2000 + "1", "0b" + "1" * 4000])
def test_a_huge_integer_is_quoted_as_written_never_converted(tmp_path, written):
    text = dump(sample("uji_coba")).replace("  jumlah: 3150\n", f"  jumlah: {written}\n")
    root = make_root(tmp_path, {REL: text})
    i18n.use("en")
    outcome = run(root, "validate", "--format", "json", "--lang", "en")
    found = [(f["code"], f["message"]) for f in json.loads(outcome.stdout)["findings"] if f["path"] == REL]
    assert found == [("S008", f"YAML reads `{written[:59]}…` as a number too long to be meant")]


def test_a_megabyte_value_is_cut_in_its_finding(tmp_path):
    record = sample("uji_coba")
    record["jenis"] = "x" * 600_000
    record["y" * 400_000] = 1
    root = make_root(tmp_path, {REL: record})
    found = mine(root)
    assert [(code, message) for _, _, code, message in found] == [
        ("S004", "`jenis`: `" + "x" * 59 + "…` bukan pilihan yang sah"),
        ("S002", "kunci `" + "y" * 59 + "…` tidak dikenal"),
    ]


def test_a_value_filled_at_a_stage_that_forbids_it_is_not_called_missing():
    record = sample("inisiatif")
    record["waktu"] = {"uji_coba": "2023-01-02"}
    assert [(p.code, p.message) for p in validate_innovation(record)[1]] == [
        ("S002", "`waktu` tidak boleh diisi pada tahapan inisiatif")]
    i18n.use("en")
    assert [(p.code, p.message) for p in validate_innovation(record)[1]] == [
        ("S002", "`waktu` must not be filled in at stage inisiatif")]


@pytest.mark.parametrize(("lang", "expected"), [
    ("id", ["NIP `19840411201001201` tidak sah: NIP harus 18 angka",
            "kunci `5` dibaca YAML sebagai angka, bukan teks",
            "kunci `null` dibaca YAML sebagai nilai kosong (null), bukan teks",
            "`tahun_rencana`: minimal 1900"]),
    ("en", ["NIP `19840411201001201` is invalid: a NIP has 18 digits",
            "YAML reads the key `5` as a number, not as text",
            "YAML reads the key `null` as an empty value (null), not as text",
            "`tahun_rencana`: at least 1900"]),
])
def test_schema_messages_are_in_one_language(lang, expected):
    i18n.use(lang)
    record = sample("inisiatif")
    record["penanggung_jawab"]["nip"] = "19840411201001201"
    record[5] = "lima"
    record[None] = "kosong"
    record["tahun_rencana"] = 0
    assert sorted(p.message for p in validate_innovation(record)[1]) == sorted(expected)


@pytest.mark.parametrize("code", ["١.٠٢", "۱.۰۲", "１.０２"])
def test_a_sector_code_takes_ascii_digits_only(code):
    record = sample("inisiatif")
    record["urusan"]["utama"] = code
    assert [(p.code, p.message) for p in validate_innovation(record)[1]] == [
        ("S007", '`urusan.utama`: kode urusan berbentuk "1.02"')]


@pytest.mark.parametrize("year", [0, 12345678901234567890])
def test_a_year_outside_any_sense_is_a_finding(year):
    record = sample("inisiatif")
    record["tahun_rencana"] = year
    expected = "minimal 1900" if year == 0 else "maksimal 2100"
    assert [(p.code, p.message) for p in validate_innovation(record)[1]] == [("S007", f"`tahun_rencana`: {expected}")]
