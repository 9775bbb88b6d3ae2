"""`--help` and usage errors speak Indonesian by default, English with `--lang en` or OOI_LANG=en."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from ooi.cli import app


def run(*args, lang: str | None = None):
    return CliRunner().invoke(app, list(args), env={"OOI_LANG": lang, "OOI_ROOT": None})


def test_help_is_indonesian_by_default():
    outcome = run("validate", "--help")
    assert outcome.exit_code == 0
    lines = outcome.stdout.splitlines()
    assert lines[0] == "Cara pakai: ooi validate [OPSI] [BERKAS]..."
    assert "Argumen:" in lines and "Opsi:" in lines
    assert "  BERKAS  Berkas atau folder; bawaan: seluruh akar data." in lines
    assert "  -h, --help                      Tampilkan bantuan ini lalu keluar." in lines
    assert "[bawaan: 0]" in outcome.stdout and "<list[Path]>" not in outcome.stdout and "Show this" not in outcome.stdout


@pytest.mark.parametrize("how", ["flag", "flag=", "env"])
def test_help_in_english_on_request(how):
    args = {"flag": ["--lang", "en"], "flag=": ["--lang=en"], "env": []}[how]
    outcome = run("validate", "--help", *args, lang="en" if how == "env" else None)
    lines = outcome.stdout.splitlines()
    assert lines[0] == "Usage: ooi validate [OPTIONS] [FILE]..."
    assert "  FILE  Files or folders; default: the whole data root." in lines
    assert "  -h, --help                      Show this message and exit." in lines
    assert not {"Berkas", "bawaan", "Opsi:"} & set(outcome.stdout.replace(":", ": ").split())


def test_command_list_is_in_the_language_asked():
    assert "  status      Status cakupan target per OPD: tercapai, direncanakan, sudah..." in run("--help").stdout
    assert "  status      Coverage of the target per agency: achieved, planned,..." in run("--help", lang="en").stdout


def test_usage_errors_in_both_languages():
    indonesian = run("show")
    assert indonesian.exit_code == 2
    assert indonesian.stderr == ("Cara pakai: ooi show [OPSI] {KODE}\nBantuan: ooi show -h\n\n"
                                 "Galat: argumen KODE belum diberikan\n")
    english = run("show", lang="en")
    assert english.stderr == "Usage: ooi show [OPTIONS] {KODE}\nTry 'ooi show -h' for help.\n\nError: Missing argument 'KODE'.\n"
    assert run("status", "--tahun", "0").stderr.endswith("Galat: nilai tidak sah untuk '--tahun': paling kecil 1\n")
    assert run("statu").stderr.endswith("Galat: perintah 'statu' tidak ada; maksudnya 'status'?\n")
    assert run("validate", "--formt", "x").stderr.endswith(
        "Galat: opsi --formt tidak dikenal (maksudnya: --format, --root?)\n")
    assert run("validate", "--formt", "x", "--lang", "en").stderr.endswith(
        "Error: No such option: --formt (Possible options: --format, --root)\n")
