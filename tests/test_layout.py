"""Readable at 80 columns: status, show, principles and validate fit, and no header is cut to `…`."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import AGENCY, make_root
from typer.testing import CliRunner

from ooi.cli import app
from ooi.model.records import Agency
from ooi.workflow import template

ROOT = Path(__file__).parent.parent  # the shipped sample data
LAUNCH = ["--tahun", "2023", "--per", "2023-02-05"]


def run(*args, columns: int = 80):
    outcome = CliRunner().invoke(app, [*args, "--root", str(ROOT)],
                                 env={"OOI_LANG": None, "OOI_ROOT": None, "COLUMNS": str(columns)})
    assert outcome.exit_code in (0, 1), outcome.output
    return outcome.stdout


def header(text: str, first: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip().startswith(first))


@pytest.mark.parametrize("columns", [80, 100])
def test_status_fits_and_drops_whole_columns(columns):
    text = run("status", *LAUNCH, columns=columns)
    assert max(map(len, text.splitlines())) <= columns
    assert "…" not in text
    expected = {80: "No  OPD                 Status           Inovasi  Rencana  Error  Peringatan",
                100: "No  OPD                 Kode             Status           Inovasi  Rencana  Error  Peringatan"}
    assert header(text, "No").strip() == expected[columns]
    assert "Kepatuhan pelaporan  █████████░░░░░░░░░░░░░░░░░░░░░  11 dari 35 OPD  31,4%" in text


def test_show_wraps_under_its_indent():
    text = run("show", "dinkes", *LAUNCH)
    assert max(map(len, text.splitlines())) <= 80
    assert "  SIGAP BUMIL (Sistem Informasi Pemantauan Ibu Hamil Risiko Tinggi) · penerapan\n" \
           "  · dilapor 2023-01-24 · uji coba 2022-01-10 · diterapkan 2022-04-04\n" in text
    assert "2. inovasi yang sudah diuji coba pada 2023 dilaporkan dengan `ooi new --opd\n" \
           "   dinkes --tahapan uji_coba`\n" in text


def test_show_keeps_lines_whole_for_a_file():
    outcome = CliRunner().invoke(app, ["show", "dinkes", *LAUNCH, "--root", str(ROOT)],
                                 env={"OOI_LANG": None, "OOI_ROOT": None, "COLUMNS": None})
    assert "Risiko Tinggi) · penerapan · dilapor 2023-01-24 · uji coba 2022-01-10 · diterapkan 2022-04-04" \
        in outcome.stdout


def test_principles_keep_all_eight_whole():
    text = run("principles")
    assert max(map(len, (line.rstrip() for line in text.splitlines()))) <= 80
    assert re.sub(r"\s+", " ", header(text, "Inovasi")).strip() == "Inovasi OPD P1 P2 P3 P4 P5 P6 P7 P8"
    assert "…" not in text.replace("P1 … P8", "")


def test_validate_of_a_new_record_groups_its_blanks_and_wraps_its_hints(tmp_path):
    rel = "data/inovasi/dispendukcapil/layanan-baru.yaml"
    text = template.render(Agency.model_validate(AGENCY), "Layanan Baru", "uji_coba", date(2023, 7, 1))
    root = make_root(tmp_path, {rel: text})
    outcome = CliRunner().invoke(app, ["validate", "--root", str(root)],
                                 env={"OOI_LANG": None, "OOI_ROOT": None, "COLUMNS": "80"})
    lines = outcome.stdout.splitlines()
    findings = [line for line in lines if line.startswith(rel)]
    assert findings[0] == f"{rel}:8:1: error S001 31 isian masih kosong (baris):"
    assert lines[1] == "    bentuk (8), jenis (9), inisiator (10), urusan.utama (12),"
    assert [line.split(" ")[2] for line in findings] == ["S001", "S009", "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8"]
    assert lines[-1] == "2 berkas diperiksa: 40 error, 0 peringatan"
    assert all(len(line) <= 80 for line in lines if not line.startswith(rel))
    json = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json"],
                              env={"OOI_LANG": None, "OOI_ROOT": None})
    assert json.stdout.count('"code": "S001"') == 31  # JSON keeps one finding per problem
