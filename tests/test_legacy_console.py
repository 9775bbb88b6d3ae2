"""Every command's text output on a legacy code page (a Windows console redirected to a file): plain characters, no crash."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import SETTINGS, TEST_DEFAULTS, make_root, sample

from ooi.cli import app
from ooi.report.width import plain

ENCODINGS = ("cp1252", "cp437", "ascii")
# Text output of each command (the HTML report and spreadsheets are files in UTF-8; what the command says is text).
COMMANDS = {
    "new": ["new", "--opd", "dispendukcapil", "--nama", "Layanan “Sigap” — Ibu & Anak", "--tahapan", "inisiatif"],
    "schema": ["schema", "--check"],
    "codeowners": ["codeowners", "--check"],
    "cms": ["cms", "--output", "admin"],
    "rules": ["rules"],
    "explain": ["explain", "P4"],
    "principles": ["principles"],
    "status": ["status"],
    "show": ["show", "dispendukcapil"],
    "history": ["history"],
    "iid": ["iid"],
    "isi": ["isi", "data/inovasi/dispendukcapil/rusak.yaml"],
    "report": ["report", "--output", "laporan.html"],
    "export": ["export", "--format", "csv"],
    "remind": ["remind"],
    "validate": ["validate"],
}


def test_every_command_is_tried():
    assert set(_commands()) == set(COMMANDS)


def _commands() -> dict:
    import typer

    return typer.main.get_command(app).commands


@pytest.fixture
def root(tmp_path):
    good = {**sample("penerapan"), "opd": "dispendukcapil", "nama": "Sigap — Layanan Ibu “Hamil” · Cepat…"}
    broken = {**sample("uji_coba"), "opd": "dispendukcapil", "nama": "Rusak…", "tujuan": ""}
    return make_root(tmp_path / "akar", {
        "data/inovasi/dispendukcapil/sigap.yaml": good,
        "data/inovasi/dispendukcapil/rusak.yaml": broken,
    }, settings=SETTINGS + TEST_DEFAULTS + 'sekretariat: "@kota-uji/sekretariat"\ngithub_repo: kota-uji/inovasi\n')


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_legacy_code_page_gets_plain_characters(root, command, encoding, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("OOI_", "PYTHONIO", "COLUMNS"))}
    env.update(PYTHONIOENCODING=encoding, OOI_LANG="id", OOI_CACHE_DIR=str(tmp_path / "cache"))
    rooted = ["--root", str(root)] if any(p.name == "root" for p in _commands()[command].params) else []
    done = subprocess.run([sys.executable, "-m", "ooi", *COMMANDS[command], *rooted], cwd=root,
                          stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=120)
    said = done.stdout + done.stderr
    assert b"Traceback" not in said and b"UnicodeEncodeError" not in said, said.decode(encoding, "replace")
    assert done.returncode in (0, 1, 130), said.decode(encoding, "replace")
    assert done.stdout.strip() or done.stderr.strip()
    said.decode(encoding)  # what was written is that code page's text
    if encoding == "ascii":
        assert said.isascii()


def test_symbols_have_plain_stand_ins():
    assert [plain(c) for c in "✔◆●✘█░└…─é"] == ["v", "+", "*", "x", "#", ".", "+", "...", "-", "e"]
    assert plain("ж") == "?"


def test_status_in_ascii_reads_as_the_table(root, tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("OOI_", "PYTHONIO", "COLUMNS"))}
    env.update(PYTHONIOENCODING="ascii", OOI_LANG="id", OOI_CACHE_DIR=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "ooi", "status", "--root", str(root), "--per", "2023-12-31"],
                          capture_output=True, env={**env, "COLUMNS": "100"}, timeout=120)
    text = done.stdout.decode("ascii")
    assert "v Tercapai 0   + Direncanakan 0   * Sudah melapor 0   x Belum melapor 1\n" in text, text
    assert "Capaian target 2023  " + "." * 30 + "  0 dari 1 OPD  0,0%" in text
    assert "Pemerintah Kota Uji . per 2023-12-31" in text and "Inovasi 2021-2023" in text
