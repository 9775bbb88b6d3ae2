"""The quota (SPEC §14): `kuota` in ooi.yaml and per agency, at every status boundary; "1 dari 2" in the outputs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from conftest import AGENCY, SETTINGS, TEST_DEFAULTS, make_root
from test_coverage import FOLDER, TODAY, pilot, plan
from typer.testing import CliRunner

from ooi.cli import app
from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, tally
from ooi.engine.checker import check
from ooi.input.config import load_settings

D = date(2023, 6, 30)
IN_T = [pilot("2023-02-01", nama="Inovasi Satu"), pilot("2023-03-01", nama="Inovasi Dua"),
        pilot("2023-04-01", nama="Inovasi Tiga")]
BEFORE = pilot("2022-02-01", nama="Inovasi Lama")
PLANS = [plan(2023, nama="Rencana Satu"), plan(2023, nama="Rencana Dua")]


def files(in_t: int = 0, plans: int = 0, window: bool = False) -> dict:
    chosen = {f"{FOLDER}/t{i}.yaml": IN_T[i] for i in range(in_t)}
    chosen.update({f"{FOLDER}/p{i}.yaml": PLANS[i] for i in range(plans)})
    if window:
        chosen[f"{FOLDER}/lama.yaml"] = BEFORE
    return chosen


def entry(tmp_path, chosen: dict, kuota: int | None = None, own: int | None = None):
    settings = SETTINGS + TEST_DEFAULTS + (f"kuota: {kuota}\n" if kuota is not None else "")
    agency = {**AGENCY, **({"kuota": own} if own is not None else {})}
    root = make_root(tmp_path, chosen, settings=settings, agencies=[agency])
    result = check(root, load_settings(root), today=TODAY)
    assert not result.errors, [f.message for f in result.findings]
    return tally(result, 2023, D).find("dispendukcapil")


# (innovations in T, plans for T, an innovation in the window before T) → status for quotas 1, 2 and 3
CASES = [
    ((0, 0, False), (MISSING, MISSING, MISSING)),
    ((0, 0, True), (REPORTED, REPORTED, REPORTED)),
    ((0, 1, False), (PLANNED, MISSING, MISSING)),
    ((0, 1, True), (PLANNED, REPORTED, REPORTED)),
    ((0, 2, False), (PLANNED, PLANNED, MISSING)),
    ((1, 0, False), (ACHIEVED, REPORTED, REPORTED)),  # one in T short of the quota still reports
    ((1, 1, False), (ACHIEVED, PLANNED, REPORTED)),
    ((1, 2, False), (ACHIEVED, PLANNED, PLANNED)),
    ((2, 0, False), (ACHIEVED, ACHIEVED, REPORTED)),
    ((2, 1, True), (ACHIEVED, ACHIEVED, PLANNED)),
    ((3, 0, False), (ACHIEVED, ACHIEVED, ACHIEVED)),
]


@pytest.mark.parametrize(("shape", "statuses"), CASES)
@pytest.mark.parametrize("quota", [1, 2, 3])
def test_status_at_every_boundary(tmp_path, shape, statuses, quota):
    found = entry(tmp_path, files(*shape), kuota=quota)
    assert (found.status, found.kuota, found.in_target) == (statuses[quota - 1], quota, shape[0])


@pytest.mark.parametrize(("shape", "statuses"), CASES)
def test_the_default_quota_is_one(tmp_path, shape, statuses):
    assert entry(tmp_path, files(*shape)).status == statuses[0]


@pytest.mark.parametrize(("shape", "statuses"), CASES)
@pytest.mark.parametrize(("setting", "own"), [(1, 2), (3, 2), (None, 2)])
def test_an_agency_quota_overrides_the_setting(tmp_path, shape, statuses, setting, own):
    found = entry(tmp_path, files(*shape), kuota=setting, own=own)
    assert (found.status, found.kuota) == (statuses[own - 1], own)


def test_quota_text():
    from ooi.coverage.tally import AgencyCoverage

    assert AgencyCoverage(None, MISSING, (), (), (), kuota=2, in_target=1).quota_text == "1 dari 2"
    assert AgencyCoverage(None, MISSING, (), (), (), kuota=1, in_target=1).quota_text == ""


@pytest.mark.parametrize(("value", "expected"), [
    (0, ("S007", "`kuota`: minimal 1")), (101, ("S007", "`kuota`: maksimal 100")),
    ("2", ("S003", "`kuota` harus berupa bilangan bulat")),
])
def test_the_agency_quota_is_checked_by_the_schema(tmp_path, value, expected):
    root = make_root(tmp_path, agencies=[{**AGENCY, "kuota": value}])
    found = check(root, load_settings(root), today=TODAY).findings
    assert [(f.code, f.message) for f in found if f.field == "kuota"] == [expected]


def run(*args):
    return CliRunner().invoke(app, list(args), env={"OOI_LANG": None, "OOI_ROOT": None})


def test_status_and_show_say_one_of_two(tmp_path):
    root = make_root(tmp_path, files(1, 0), settings=SETTINGS + "kuota: 2\n")
    per = ("--per", "2023-06-30")
    table = run("status", "--root", str(root), *per).stdout
    assert "Status              Kuota  Inovasi" in table and "● Sudah melapor  1 dari 2        1" in table
    data = json.loads(run("status", "--root", str(root), *per, "-f", "json").stdout)
    agency = data["agencies"][0]
    assert (agency["status"], agency["kuota"], agency["innovations_in_target"]) == ("reported", 2, 1)
    assert "🟡 Sudah melapor (1 dari 2)" in run("status", "--root", str(root), *per, "-f", "markdown").stdout
    csv = run("status", "--root", str(root), *per, "-f", "csv").stdout.splitlines()
    assert csv[0].endswith(",kuota,innovations_in_target") and csv[1].endswith(",2,1")
    show = run("show", "dispendukcapil", "--root", str(root), *per).stdout
    assert "Status 2023 per 2023-06-30: ● Sudah melapor · 1 dari 2 inovasi tahun 2023 (kuota)" in show
    assert "kuota 2 inovasi tahun 2023: masih kurang 1" in show
    english = run("show", "dispendukcapil", "--root", str(root), *per, "--lang", "en").stdout
    assert "· 1 of 2 innovations of 2023 (quota)" in english


def test_a_quota_of_one_adds_nothing(tmp_path):
    root = make_root(tmp_path, files(1, 0))
    data = json.loads(run("status", "--root", str(root), "--per", "2023-06-30", "-f", "json").stdout)
    assert "kuota" not in data["agencies"][0] and data["agencies"][0]["status"] == "achieved"
    assert "dari" not in run("status", "--root", str(root), "--per", "2023-06-30", "-f", "csv").stdout
