"""`ooi validate` end to end: exit codes, formats (golden output), languages, finding the root."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import make_root, sample
from typer.testing import CliRunner

from ooi.cli import app

GOLDEN = Path(__file__).parent / "golden" / "validate"
ROOT = GOLDEN / "root"
UPDATE = os.environ.get("OOI_UPDATE_GOLDEN") == "1"


def run(*args, **env):
    return CliRunner().invoke(app, ["validate", *args], env={"OOI_LANG": None, "OOI_ROOT": None, **env})


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_golden_output(fmt):
    # The golden root lies inside this repository: git must not be asked, or paths would start `tests/golden/…`.
    outcome = run("--root", str(ROOT), "--format", fmt, GIT_CEILING_DIRECTORIES=str(ROOT.parent))
    assert outcome.exit_code == 1, outcome.output
    golden = GOLDEN / f"expected.{fmt}"
    if UPDATE:
        golden.write_text(outcome.stdout, encoding="utf-8")
    assert outcome.stdout == golden.read_text(encoding="utf-8")


def test_json_and_sarif_are_well_formed():
    report = json.loads(run("--root", str(ROOT), "--format", "json").stdout)
    # The fixture lies in this repository's git work tree: its JSON names the commits whose dates are not trusted.
    assert set(report) == {"ok", "files", "errors", "warnings", "findings", "tanggal_tidak_dipercaya"}
    assert report["ok"] is False and report["files"] == 3
    assert set(report["findings"][0]) >= {"path", "line", "column", "code", "severity", "field", "message", "hint"}
    sarif = json.loads(run("--root", str(ROOT), "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} <= {rule["id"] for rule in rules}


@pytest.mark.parametrize(("shape", "batch"), [("findings", 1000), ("findings", 3), ("none", 3), ("distrusted", 1)])
def test_json_written_in_batches_of_findings_is_json_dumps_of_the_whole(shape, batch, monkeypatch):
    from datetime import date
    from types import SimpleNamespace

    from ooi.engine.checker import check
    from ooi.input.config import load_settings
    from ooi.report import json as reporter
    from ooi.report.json import pieces, render

    monkeypatch.setattr(reporter, "_BATCH", batch)
    result = check(ROOT, load_settings(ROOT, strict=False), records=False)
    if shape == "none":
        result.files = [file for file in result.files if not file.findings]
    distrusted = [SimpleNamespace(commit='ab"findings": []', tanggal=date(2024, 5, 1), dipakai=date(2024, 4, 30))] \
        if shape == "distrusted" else None
    whole = {"ok": result.errors == 0, "files": len(result.files), "errors": result.errors,
             "warnings": result.warnings, "findings": [finding.as_dict() for finding in result.findings]}
    if distrusted:
        whole["tanggal_tidak_dipercaya"] = [{"commit": 'ab"findings": []', "tanggal": "2024-05-01",
                                             "dipakai": "2024-04-30"}]
    assert len(whole["findings"]) == (0 if shape == "none" else 8)
    assert render(result, distrusted) == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    assert len(list(pieces(result, distrusted))) == (1 if shape == "none" else 2 + -(-8 // batch))


def test_clean_root_exits_zero(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/penak-pkk.yaml": sample("penerapan")})
    outcome = run("--root", str(root))
    assert outcome.exit_code == 0, outcome.output
    assert "0 error" in outcome.stdout


def test_one_file_or_folder(tmp_path):
    broken = ROOT / "data/inovasi/dispendukcapil/rusak.yaml"
    outcome = run("--root", str(ROOT), "--format", "json", str(broken))
    assert outcome.exit_code == 1
    assert {f["path"] for f in json.loads(outcome.stdout)["findings"]} == {"data/inovasi/dispendukcapil/rusak.yaml"}
    assert run("--root", str(ROOT), str(ROOT / "data/opd")).exit_code == 0


@pytest.mark.parametrize("args", [["--format", "xml"], ["tidak-ada.yaml"]])
def test_usage_errors_exit_two(args):
    outcome = run("--root", str(ROOT), *args)
    assert outcome.exit_code == 2, outcome.output


def test_no_data_root_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    outcome = run()
    assert outcome.exit_code == 2
    assert "ooi.yaml tidak ditemukan" in outcome.stderr


def test_root_is_found_upwards_or_from_the_environment(tmp_path, monkeypatch):
    root = make_root(tmp_path / "repo")
    monkeypatch.chdir(root / "data/inovasi")
    assert run().exit_code == 0
    monkeypatch.chdir(tmp_path)
    assert run(OOI_ROOT=str(root)).exit_code == 0


def test_language_from_option_environment_and_settings(tmp_path):
    assert "unknown key `tujuann`" in run("--root", str(ROOT), "--lang", "en").stdout
    assert "unknown key `tujuann`" in run("--root", str(ROOT), OOI_LANG="en").stdout
    english = make_root(tmp_path, {"data/inovasi/dispendukcapil/x.yaml": "nama: ["},
                        settings="pemda: Kota Uji\nbahasa: en\n")
    assert "YAML syntax error" in run("--root", str(english)).stdout
    assert "sintaks YAML salah" in run("--root", str(english), "--lang", "id").stdout


def test_broken_settings_are_findings_on_ooi_yaml(tmp_path):
    root = make_root(tmp_path, settings="pemda: Kota Uji\ntahun_targett: 2023\n")
    outcome = run("--root", str(root))
    assert outcome.exit_code == 1
    assert outcome.stdout.splitlines()[:2] == ["ooi.yaml:2:1: error S002 kunci `tahun_targett` tidak dikenal",
                                               "    saran: maksudnya `tahun_target`?"]


def test_github_and_sarif_paths_start_at_the_repository_root(tmp_path, git_identity):
    import subprocess

    root = make_root(tmp_path / "kota" / "batu", {"data/inovasi/dispendukcapil/nama baru.yaml": sample("uji_coba")})
    subprocess.run(["git", "-C", str(tmp_path), "init", "-q"], check=True)
    github = run("--root", str(root), "--format", "github").stdout
    assert github.startswith("::error file=kota/batu/data/inovasi/dispendukcapil/nama baru.yaml,line=1,col=1,")
    sarif = json.loads(run("--root", str(root), "--format", "sarif").stdout)["runs"][0]
    assert [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif["results"]] == [
        {"uri": "kota/batu/data/inovasi/dispendukcapil/nama%20baru.yaml", "uriBaseId": "SRCROOT"}]
    assert list(sarif["originalUriBaseIds"]) == ["SRCROOT"]
    rule = sarif["tool"]["driver"]["rules"][sarif["results"][0]["ruleIndex"]]
    assert (rule["id"], rule["fullDescription"]["text"][:40], rule["help"]["text"][:40]) == (
        "R003", "Nama berkas inovasi bukan slug (huruf ke", "Nama berkas inovasi bukan slug (huruf ke")
