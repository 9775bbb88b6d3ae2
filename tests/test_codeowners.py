"""`ooi codeowners` writes .github/CODEOWNERS from the registry; `ooi validate` fails when it is stale (R011)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AGENCY, SETTINGS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.input import codeowners
from ooi.input.config import load_settings

TOP = Path(__file__).resolve().parents[1]
TEAM = "@pemkot-uji/sekretariat"
DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"],
          "pemilik": ["@pemkot-uji/dinkes", "@pemkot-uji/puskesmas"]}


def run(*args):
    return CliRunner().invoke(app, list(args), env={"OOI_LANG": None, "OOI_ROOT": None})


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path, settings=SETTINGS + f'sekretariat: "{TEAM}"\n', agencies=[AGENCY, DINKES],
                     files={"data/inovasi/dispendukcapil/akta.yaml": sample("inisiatif")})


def test_writes_the_owners_of_each_folder(root):
    outcome = run("codeowners", "--root", str(root))
    assert outcome.exit_code == 0, outcome.output
    text = (root / codeowners.PATH).read_text(encoding="utf-8")
    assert codeowners.MARKER in text.splitlines()[0]
    dinkes = ("@pemkot-uji/dinkes", "@pemkot-uji/puskesmas")
    assert codeowners.parse(text) == [
        ("*", (TEAM,)), ("/data/inovasi/", (TEAM,)), ("/bukti/", (TEAM,)),  # new and unregistered folders too
        ("/data/inovasi/dinkes/", dinkes), ("/bukti/dinkes/", dinkes),
        ("/data/inovasi/dispendukcapil/", (TEAM,)), ("/bukti/dispendukcapil/", (TEAM,)),  # no `pemilik`
        # Last, so no line above overrides them: the registry, settings, ownership, CI and the validator.
        *[(path, (TEAM,)) for path in ("/ooi.yaml", "/data/opd/", "/.github/", "/.ci/", "/.pre-commit-hooks.yaml",
                                       "/src/", "/schema/", "/tests/", "/pyproject.toml")],
    ]
    assert run("codeowners", "--root", str(root), "--check").exit_code == 0


def test_without_a_secretariat_codeowners_refuses_and_names_the_key(tmp_path):
    root = make_root(tmp_path, agencies=[AGENCY, DINKES])
    outcome = run("codeowners", "--root", str(root))
    assert outcome.exit_code == 2 and outcome.stderr == (
        'ooi: `sekretariat` belum diatur di ooi.yaml; tambahkan `sekretariat: "@organisasi/tim"` (tim yang memiliki '
        "berkas yang tidak dimiliki OPD), lalu jalankan lagi\n")
    assert not (root / codeowners.PATH).exists()
    # An existing CODEOWNERS without a secretariat to own the rest fails validation.
    (root / ".github").mkdir()
    (root / codeowners.PATH).write_text("/data/inovasi/dinkes/ @pemkot-uji/dinkes\n", encoding="utf-8")
    [finding] = json.loads(run("validate", "--root", str(root), "--format", "json").stdout)["findings"]
    assert (finding["code"], finding["severity"], finding["message"]) == (
        "R011", "error", "CODEOWNERS tanpa pemilik bawaan: `sekretariat` belum diatur di ooi.yaml")


def load_agency(data):
    from ooi.model.records import Agency

    return Agency.model_validate(data)


def test_validate_fails_when_stale_and_not_when_current(root):
    assert run("codeowners", "--root", str(root)).exit_code == 0
    assert json.loads(run("validate", "--root", str(root), "--format", "json").stdout)["findings"] == []
    (root / "data/opd/dinkes.yaml").write_text(
        (root / "data/opd/dinkes.yaml").read_text(encoding="utf-8").replace("puskesmas", "labkesda"), encoding="utf-8")
    outcome = run("validate", "--root", str(root), "--format", "json")
    assert outcome.exit_code == 1, outcome.output  # an error: the wrong team would approve
    [finding] = json.loads(outcome.stdout)["findings"]
    assert (finding["path"], finding["code"], finding["severity"]) == (".github/CODEOWNERS", "R011", "error")
    assert finding["message"] == ("CODEOWNERS berbeda dari yang ditulis `ooi codeowners` (2 pola berbeda: "
                                  "/data/inovasi/dinkes/, /bukti/dinkes/)")
    assert "ooi codeowners" in finding["hint"]
    assert run("codeowners", "--root", str(root), "--check").exit_code == 1
    # Checking one innovation file does not judge the ownership file.
    one = run("validate", "--root", str(root), "--format", "json", str(root / "data/inovasi/dispendukcapil/akta.yaml"))
    assert json.loads(one.stdout)["findings"] == []


def test_leftover_and_missing_lines_are_stale(root):
    agencies = {"dinkes": load_agency(DINKES), "dispendukcapil": load_agency(AGENCY)}
    text = codeowners.render(agencies, TEAM)
    assert codeowners.differences(text, agencies, TEAM) == []
    assert codeowners.differences(text + "/data/inovasi/lama/ @pemkot-uji/lama\n", agencies, TEAM) == [
        "/data/inovasi/lama/"]
    assert codeowners.differences(text.replace("/data/opd/", "/data/opd-lama/"), agencies, TEAM) == [
        "/data/opd/", "/data/opd-lama/"]


@pytest.mark.parametrize(("appended", "differ"), [
    ("data/ @evil/team\n", ["data/"]),  # no leading slash: matches data/ anywhere, and wins by coming last
    ("/data/inovasi/dinkes/ @evil/team\n", ["/data/inovasi/dinkes/"]),
    ("* @evil/team\n", ["*"]),
    ("/src/ @pengembang\n", ["/src/"]),
    ("/ooi.yaml @pemkot-uji/sekretariat\n", ["/ooi.yaml"]),  # the same line twice: a moved line is a change
])
def test_appended_overrides_are_stale(appended, differ):
    agencies = {"dinkes": load_agency(DINKES), "dispendukcapil": load_agency(AGENCY)}
    text = codeowners.render(agencies, TEAM)
    assert codeowners.differences(text + appended, agencies, TEAM) == differ


def test_a_reordered_file_is_stale():
    agencies = {"dinkes": load_agency(DINKES)}
    lines = codeowners.render(agencies, TEAM).splitlines()
    star = next(i for i, line in enumerate(lines) if line.startswith("* "))
    moved = "\n".join(lines[:star] + lines[star + 1:] + [lines[star]]) + "\n"  # `*` last overrides everything
    assert codeowners.differences(moved, agencies, TEAM) == [  # every line is now in another place
        "/data/inovasi/", "/bukti/", "/data/inovasi/dinkes/", "/bukti/dinkes/", "/ooi.yaml", "/data/opd/", "/.github/",
        "/.ci/", "/.pre-commit-hooks.yaml", "/src/", "/schema/", "/tests/", "/pyproject.toml", "*"]


def test_no_codeowners_file_no_finding(root):
    assert json.loads(run("validate", "--root", str(root), "--format", "json").stdout)["findings"] == []


def test_refuses_a_file_it_did_not_write(root):
    (root / ".github").mkdir()
    (root / codeowners.PATH).write_text("* @pemilik-lama\n", encoding="utf-8")
    outcome = run("codeowners", "--root", str(root))
    assert outcome.exit_code == 2 and "--force" in outcome.stderr
    assert (root / codeowners.PATH).read_text(encoding="utf-8") == "* @pemilik-lama\n"
    assert run("codeowners", "--root", str(root), "--force").exit_code == 0
    assert codeowners.MARKER in (root / codeowners.PATH).read_text(encoding="utf-8")
    assert sorted(p.name for p in (root / ".github").iterdir()) == ["CODEOWNERS"]


@pytest.mark.parametrize("setting, agency_owner, message", [
    (f'sekretariat: "{TEAM}"\n', "pemkot-uji/dinkes", "perbaiki dulu registri OPD (data/opd/dinkes.yaml)"),
    (f'sekretariat: "{TEAM}"\n', "#x@y.z", "perbaiki dulu registri OPD (data/opd/dinkes.yaml)"),
    (f'sekretariat: "{TEAM}"\n', "*@evil.com", "perbaiki dulu registri OPD (data/opd/dinkes.yaml)"),
    ("sekretariat: 42\n", "@pemkot-uji/dinkes", "`sekretariat` harus handle"),
    ('sekretariat: "sekretariat kota"\n', "@pemkot-uji/dinkes", "bukan handle"),
    ('sekretariat: "#x@y.z"\n', "@pemkot-uji/dinkes", "bukan handle"),
])
def test_bad_handles_exit_2(tmp_path, setting, agency_owner, message):
    root = make_root(tmp_path, settings=SETTINGS + setting, agencies=[{**DINKES, "pemilik": [agency_owner]}])
    outcome = run("codeowners", "--root", str(root))
    assert outcome.exit_code == 2 and message in outcome.stderr, outcome.stderr
    assert not (root / codeowners.PATH).exists()


def test_a_broken_registry_is_fixed_first(tmp_path):
    root = make_root(tmp_path, agencies=[AGENCY, {**DINKES, "jenis": "kantor"}])
    outcome = run("codeowners", "--root", str(root))
    assert outcome.exit_code == 2 and "data/opd/dinkes.yaml" in outcome.stderr


def test_the_committed_codeowners_matches_the_shipped_registry():
    from ooi.engine.checker import check

    settings = load_settings(TOP)
    registry = check(TOP, settings, targets=[TOP / "data/opd"]).agencies
    expected = codeowners.render(registry, settings.sekretariat)
    assert (TOP / codeowners.PATH).read_text(encoding="utf-8") == expected, "run `ooi codeowners`"
    assert settings.sekretariat and all(agency.pemilik for agency in registry.values())


@pytest.mark.parametrize("owner", ["#x@y.z", "*@evil.com", "pemkot-uji/dinkes", "@", "@-x", "a b@c.d", "@org/team x"])
def test_validate_refuses_an_owner_codeowners_could_not_use(tmp_path, owner):
    root = make_root(tmp_path, settings=SETTINGS + f'sekretariat: "{TEAM}"\n', agencies=[{**DINKES, "pemilik": [owner]}])
    [finding] = json.loads(run("validate", "--root", str(root), "--format", "json").stdout)["findings"]
    assert (finding["path"], finding["code"], finding["field"], finding["message"]) == (
        "data/opd/dinkes.yaml", "S007", "pemilik[0]",
        "`pemilik[0]`: bukan handle tim (@organisasi/tim), pengguna (@nama), atau e-mail")


@pytest.mark.parametrize("owner", ["@pemkot-batu/dinkes", "@operator", "operator.dinkes@batukota.go.id"])
def test_valid_owners_pass(tmp_path, owner):
    root = make_root(tmp_path, settings=SETTINGS + f'sekretariat: "{TEAM}"\n', agencies=[{**DINKES, "pemilik": [owner]}])
    assert json.loads(run("validate", "--root", str(root), "--format", "json").stdout)["findings"] == []
