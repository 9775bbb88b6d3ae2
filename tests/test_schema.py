"""`ooi schema`: the committed JSON Schemas are current, every shipped file points at them, and they are usable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.input.loading import load
from ooi.workflow.schema_export import AGENCY_FILE, INNOVATION_FILE, MARKER, render

TOP = Path(__file__).resolve().parents[1]
AGENCY_COMMENT = "# yaml-language-server: $schema=../../schema/opd.schema.json"
INNOVATION_COMMENT = "# yaml-language-server: $schema=../../../schema/inovasi.schema.json"


def run(*args):
    return CliRunner().invoke(app, ["schema", *args], env={"OOI_LANG": None, "OOI_ROOT": None})


def test_committed_schemas_are_not_stale():
    for rel, text in render().items():
        assert (TOP / rel).read_text(encoding="utf-8") == text, f"{rel} is stale: run `ooi schema`"


def test_every_shipped_yaml_file_starts_with_its_schema_comment():
    files = sorted((TOP / "data").rglob("*.yaml"))
    assert len(files) > 35
    for path in files:
        kind = path.relative_to(TOP).parts[1]
        comment = AGENCY_COMMENT if kind == "opd" else INNOVATION_COMMENT
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first == comment, f"{path.relative_to(TOP)} starts with {first!r}"
        target = (path.parent / comment.split("=", 1)[1]).resolve()
        assert target == (TOP / (AGENCY_FILE if kind == "opd" else INNOVATION_FILE)).resolve()


def test_descriptions_are_indonesian_and_cover_every_stage():
    schema = json.loads(render()[INNOVATION_FILE])
    assert MARKER in schema["$comment"]
    assert schema["properties"]["latar_belakang"]["description"].startswith("masalah yang diselesaikan")
    assert schema["properties"]["tahapan"]["enum"] == ["inisiatif", "uji_coba", "penerapan"]
    assert schema["properties"]["tanggal_lapor"]["examples"] == ["2023-03-01"]
    stages = {rule["if"]["properties"]["tahapan"]["const"]: rule["then"] for rule in schema["allOf"]}
    assert stages["inisiatif"]["required"] == ["tahun_rencana", "jadwal"]
    assert set(stages["penerapan"]["required"]) == {"waktu", "hasil", "bukti"}
    ukuran = schema["definitions"]["Efisiensi"]["properties"]["ukuran"]
    assert ukuran["description"] == "ukuran efisiensi sebelum dan sesudah inovasi"


def test_shipped_records_and_samples_satisfy_the_schemas():
    jsonschema = pytest.importorskip("jsonschema")
    validators = {}
    for rel, text in render().items():
        schema = json.loads(text)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[rel] = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    files = sorted((TOP / "data").rglob("*.yaml")) + sorted((TOP / "tests/samples").glob("*.yaml"))
    for path in files:
        rel = AGENCY_FILE if path.parent.name == "opd" else INNOVATION_FILE
        errors = [e.message for e in validators[rel].iter_errors(load(path).data)]
        assert errors == [], (path, errors)
    pilot = sample("uji_coba")
    del pilot["waktu"]
    assert ["'waktu' is a required property"] == [e.message for e in validators[INNOVATION_FILE].iter_errors(pilot)]
    plan = sample("inisiatif")
    plan["tahapn"] = "inisiatif"
    assert any("'tahapn' was unexpected" in e.message for e in validators[INNOVATION_FILE].iter_errors(plan))


def test_writes_checks_and_refuses_foreign_files(tmp_path):
    root = make_root(tmp_path)
    assert run("--root", str(root), "--check").exit_code == 1
    outcome = run("--root", str(root))
    assert outcome.exit_code == 0, outcome.output
    assert (root / INNOVATION_FILE).read_text(encoding="utf-8") == render()[INNOVATION_FILE]
    assert run("--root", str(root), "--check").exit_code == 0
    assert "mutakhir" in run("--root", str(root)).stdout  # nothing to rewrite
    (root / AGENCY_FILE).write_text('{"$comment": "' + MARKER + '", "old": true}\n', encoding="utf-8")
    checked = run("--root", str(root), "--check")
    assert checked.exit_code == 1 and AGENCY_FILE in checked.stderr
    assert run("--root", str(root)).exit_code == 0  # its own file, stale: rewritten
    (root / AGENCY_FILE).write_text('{"title": "skema buatan tangan"}\n', encoding="utf-8")
    refused = run("--root", str(root))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert "buatan tangan" in (root / AGENCY_FILE).read_text(encoding="utf-8")
    assert run("--root", str(root), "--force").exit_code == 0
    assert sorted(p.name for p in (root / "schema").iterdir()) == ["inovasi.schema.json", "opd.schema.json"]


def test_same_text_in_every_language():
    from ooi import i18n

    i18n.use("en")
    assert render() == {rel: (TOP / rel).read_text(encoding="utf-8") for rel in (AGENCY_FILE, INNOVATION_FILE)}
