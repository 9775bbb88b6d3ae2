"""Records as they stood: real git repositories with dated commits, read as of a date (SPEC §10)."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import date, datetime, timezone

import pytest
from conftest import AGENCY, SETTINGS, dump, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.coverage.tally import as_of
from ooi.engine import clock

PLAN = "data/inovasi/dispendukcapil/penak-pkk.yaml"
TODAY = date(2023, 12, 1)


def git(root, *args, when: str | None = None):
    env = dict(os.environ)
    if when is not None:  # noon in Jakarta on that day
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{when}T12:00:00+07:00"
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)
    return done.stdout.decode()


def commit(root, when: str, message: str = "ubah"):
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def write(root, rel: str, record: dict):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump(record), encoding="utf-8")


def plan(**changes) -> dict:
    record = sample("inisiatif")
    record.update({"tanggal_lapor": "2023-03-10", **changes})
    return record


def pilot(**changes) -> dict:
    record = sample("uji_coba")
    record.update({"nama": sample("inisiatif")["nama"], "tanggal_lapor": "2023-03-10", **changes})
    record["waktu"] = {"uji_coba": "2023-07-03"}
    return record


@pytest.fixture
def repo(tmp_path, git_identity, monkeypatch):
    """Settings and the registry committed on 2023-01-02; no records yet."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = make_root(tmp_path / "repo", settings=SETTINGS)  # git's dates judged, R015 at its usual threshold
    git(root, "init", "-q", "-b", "main")
    commit(root, "2023-01-02", "awal")
    return root


def ooi(root, *args, today: date = TODAY):
    with clock.frozen(today):
        return CliRunner().invoke(app, [*args, "--root", str(root)], env={"OOI_LANG": None, "OOI_ROOT": None})


def status(root, *args, today: date = TODAY) -> dict:
    outcome = ooi(root, "status", "--format", "json", *args, today=today)
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.stdout)


def findings(root, *args, today: date = TODAY) -> list[tuple[str, str, str]]:
    outcome = ooi(root, "validate", "--format", "json", *args, today=today)
    assert outcome.exit_code in (0, 1), outcome.output
    return [(f["path"], f["code"], f["message"]) for f in json.loads(outcome.stdout)["findings"]]


def agency(report: dict) -> str:
    return report["agencies"][0]["status"]


def test_a_plan_raised_to_a_pilot_is_a_plan_before_the_pilot_commit(repo):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    write(repo, PLAN, pilot())
    commit(repo, "2023-07-20")
    april = status(repo, "--per", "2023-04-30")
    assert (april["sumber"], agency(april), april["agencies"][0]["plans"]) == ("git", "planned", [PLAN])
    assert agency(status(repo, "--per", "2023-07-20")) == "achieved"
    # Without git, April sees today's content: a pilot that had not started yet.
    declared = status(repo, "--per", "2023-04-30", "--no-git")
    assert (declared["sumber"], agency(declared)) == ("tanggal_lapor", "missing")


def test_a_file_absent_from_the_commit_does_not_count_whatever_its_date(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-02-01"))
    commit(repo, "2023-08-14")
    assert agency(status(repo, "--per", "2023-03-01")) == "missing"
    assert agency(status(repo, "--per", "2023-03-01", "--no-git")) == "planned"


def test_a_backdated_record_is_r014_with_the_date_to_write(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-02-01"))
    commit(repo, "2023-08-14")
    assert findings(repo) == [(PLAN, "R014", "`tanggal_lapor` 2023-02-01 lebih dari 7 hari sebelum berkas "
                                             "dilaporkan (2023-08-14, menurut git)")]
    outcome = ooi(repo, "validate", "--format", "json")
    assert json.loads(outcome.stdout)["findings"][0]["hint"] == "tulis `tanggal_lapor: 2023-08-14`"
    assert findings(repo, "--no-git") == []


def test_within_the_tolerance_is_not_r014(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-08-07"))
    commit(repo, "2023-08-14")
    assert findings(repo) == []


def test_an_untracked_file_counts_from_today_and_is_judged_against_today(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-11-28"))
    assert agency(status(repo, "--per", "2023-12-01")) == "planned"  # today: the work tree as it is
    assert agency(status(repo, "--per", "2023-11-30")) == "missing"  # yesterday: not committed then
    assert findings(repo) == []
    write(repo, PLAN, plan(tanggal_lapor="2023-03-10"))
    assert findings(repo) == [(PLAN, "R014", "`tanggal_lapor` 2023-03-10 lebih dari 7 hari sebelum berkas "
                                             "dilaporkan (2023-12-01, menurut git)")]
    assert agency(status(repo)) == "missing"  # an error: it does not count


def test_a_rename_keeps_the_filed_date(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-03-10"))
    commit(repo, "2023-03-10")
    git(repo, "mv", PLAN, "data/inovasi/dispendukcapil/penak.yaml")
    commit(repo, "2023-09-01")
    assert findings(repo) == []


def test_a_merge_commit_files_the_branch_on_the_merge_date(repo):
    git(repo, "checkout", "-q", "-b", "usulan")
    write(repo, PLAN, plan(tanggal_lapor="2023-04-28"))
    commit(repo, "2023-04-28")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "gabung", "usulan", when="2023-05-02")
    assert agency(status(repo, "--per", "2023-04-30")) == "missing"  # the branch's own commit is not main's
    assert agency(status(repo, "--per", "2023-05-02")) == "planned"
    assert findings(repo) == []
    git(repo, "checkout", "-q", "-b", "telat", "main~1")
    write(repo, PLAN, plan(tanggal_lapor="2023-04-28"))
    commit(repo, "2023-04-28")
    git(repo, "checkout", "-q", "main~1")
    git(repo, "merge", "-q", "--no-ff", "-m", "gabung", "telat", when="2023-06-30")
    assert [code for _, code, _ in findings(repo)] == ["R014"]  # filed on 30 June, written 28 April


def test_git_sejak_makes_earlier_records_imports_judged_by_tanggal_lapor(repo):
    (repo / "ooi.yaml").write_text(SETTINGS + "git_sejak: 2023-06-30\n", encoding="utf-8")
    write(repo, PLAN, plan(tanggal_lapor="2023-02-01"))
    commit(repo, "2023-06-01", "impor")
    assert findings(repo) == []  # an import: its filed date is its own tanggal_lapor
    assert agency(status(repo, "--per", "2023-03-01")) == "planned"  # the tree as of git_sejak, by tanggal_lapor
    assert agency(status(repo, "--per", "2023-01-31")) == "missing"


def test_a_waiver_expiring_between_two_dates(repo):
    record = pilot(tanggal_lapor="2023-07-03")
    del record["prinsip"]["tanpa_konflik_kepentingan"]["pernyataan"]  # one P4 error
    waiver = {"berkas": PLAN, "kode": "P4", "alasan": "Pernyataan sedang ditandatangani",
              "disetujui_oleh": "Kepala Bappelitbangda", "sampai": "2023-09-30"}
    (repo / "ooi.yaml").write_text(SETTINGS + "pengecualian:\n  - " + json.dumps(waiver) + "\n", encoding="utf-8")
    write(repo, PLAN, record)
    commit(repo, "2023-07-03")
    assert agency(status(repo, "--per", "2023-08-01")) == "achieved"
    assert agency(status(repo, "--per", "2023-10-01")) == "missing"
    # The same --per gives the same answer whatever day it is run.
    assert status(repo, "--per", "2023-08-01", today=date(2027, 5, 1)) == status(repo, "--per", "2023-08-01")


def test_today_is_taken_in_jakarta_not_utc(repo):
    write(repo, PLAN, plan(tanggal_lapor="2023-12-01"))
    early = datetime(2023, 11, 30, 18, 30, tzinfo=timezone.utc)  # 01:30 WIB on 1 December
    outcome = ooi(repo, "validate", "--format", "json", today=early)
    assert json.loads(outcome.stdout)["findings"] == []


def test_a_shallow_clone_says_so_once_and_falls_back(repo, tmp_path):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    write(repo, PLAN, pilot())
    commit(repo, "2023-07-20")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True)
    outcome = ooi(clone, "status", "--format", "json", "--per", "2023-04-30")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr == ("ooi: riwayat git tidak lengkap (clone dangkal); tanggal memakai tanggal_lapor "
                              "(di CI: checkout dengan fetch-depth: 0)\n")
    assert json.loads(outcome.stdout)["sumber"] == "tanggal_lapor"


def test_missing_git_falls_back_with_one_line(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "no-such-folder"))
    outcome = ooi(repo, "status", "--format", "json")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr == "ooi: git tidak ditemukan: riwayat tidak dibaca, tanggal memakai tanggal_lapor\n"


def test_outside_git_says_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = make_root(tmp_path)
    outcome = ooi(root, "status", "--format", "json")
    assert (outcome.exit_code, outcome.stderr, json.loads(outcome.stdout)["sumber"]) == (0, "", "tanggal_lapor")


def history_of(root, *args, today: date = TODAY) -> dict:
    outcome = ooi(root, "history", "--format", "json", *args, today=today)
    assert outcome.exit_code == 0, outcome.output
    return json.loads(outcome.stdout)


def test_history_points_are_what_status_prints_on_each_date(repo):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    write(repo, PLAN, pilot())
    commit(repo, "2023-07-20")
    found = history_of(repo, "--sampai", "2023-08-15")
    assert [point["per"] for point in found["points"]] == [
        "2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31", "2023-06-30", "2023-07-31", "2023-08-15"]
    for point in found["points"]:
        report = status(repo, "--per", point["per"])
        assert (point["total"], point["summary"]) == (report["total"], report["summary"])
    assert found["changes"] == [
        {"kode": "dispendukcapil", "nama": "Dinas Kependudukan dan Pencatatan Sipil", "per": "2023-03-31",
         "dari": "missing", "ke": "planned"},
        {"kode": "dispendukcapil", "nama": "Dinas Kependudukan dan Pencatatan Sipil", "per": "2023-07-31",
         "dari": "planned", "ke": "achieved"}]
    assert (found["tahun"], found["sumber"]) == (2023, "git")


def test_history_weekly_and_csv(repo):
    outcome = ooi(repo, "history", "--format", "csv", "--dari", "2023-01-02", "--sampai", "2023-01-20",
                  "--setiap", "minggu")
    assert outcome.exit_code == 0, outcome.output
    assert [line.split(",")[0] for line in outcome.stdout.splitlines()] == [
        "per", "2023-01-08", "2023-01-15", "2023-01-20"]


def test_history_table_reads_like_a_trend_report(repo):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    outcome = ooi(repo, "history", "--sampai", "2023-04-30")
    assert outcome.exit_code == 0, outcome.output
    assert " Per         ✔ Tercapai  ◆ Rencana  ● Melapor  ✘ Belum  Capaian  Kepatuhan\n" in outcome.stdout
    assert " 2023-04-30           0          1          0        0     0,0%  ████████████████████  100,0%\n" \
        in outcome.stdout
    assert "2023-03-31  dispendukcapil: ✘ Belum melapor → ◆ Direncanakan  Dinas Kependudukan dan Pencatatan Sip…\n" \
        in outcome.stdout


def test_history_at_80_columns_keeps_every_date_whole_and_stops_at_the_end_of_the_year(repo):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    write(repo, PLAN, pilot())
    commit(repo, "2023-07-20")
    with clock.frozen(date(2026, 12, 7)):  # years later: still the target year's twelve months, not 47
        outcome = CliRunner().invoke(app, ["history", "--root", str(repo)],
                                     env={"OOI_LANG": None, "OOI_ROOT": None, "COLUMNS": "80"})
    assert outcome.exit_code == 0, outcome.output
    rows = [line for line in outcome.stdout.splitlines() if line[:5] == " 2023"]
    assert [row.split()[0] for row in rows] == [f"2023-{m:02d}-{d}" for m, d in zip(
        range(1, 13), (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31))]
    assert " Per         ✔ Tercapai  ◆ Rencana  ● Melapor  ✘ Belum  Capaian  Kepatuhan\n" in outcome.stdout
    assert rows[-1] == " 2023-12-31           1          0          0        0   100,0%     100,0%"
    assert max(len(line) for line in outcome.stdout.splitlines()) <= 80
    today = ooi(repo, "history", "--format", "json", today=date(2023, 5, 10))  # the year not over: up to today
    assert json.loads(today.stdout)["points"][-1]["per"] == "2023-05-10"


@pytest.mark.parametrize(("args", "message"), [
    (("--setiap", "tahun"), "`--setiap` harus `bulan` atau `minggu`"),
    (("--dari", "2023-05-01", "--sampai", "2023-04-01"), "`--sampai` 2023-04-01 lebih awal dari `--dari` 2023-05-01"),
    (("--dari", "1-5-2023"), "--dari: `1-5-2023` bukan tanggal YYYY-MM-DD"),
])
def test_history_bad_options_exit_2(repo, args, message):
    outcome = ooi(repo, "history", *args)
    assert outcome.exit_code == 2 and message in outcome.stderr, outcome.output


def test_compare_with_a_date_and_with_a_ref(repo):
    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    git(repo, "branch", "dasar")
    write(repo, PLAN, pilot())
    commit(repo, "2023-07-20")
    by_date = status(repo, "--per", "2023-08-01", "--compare", "2023-04-30")
    assert by_date["compare"]["per"] == "2023-04-30" and by_date["compare"]["summary"]["planned"] == 1
    assert [(a["previous_status"], a["status"]) for a in by_date["agencies"]] == [("planned", "achieved")]
    by_ref = status(repo, "--compare", "dasar")
    assert (by_ref["compare"]["per"], by_ref["compare"]["against"]) == ("2023-12-01", "dasar")
    assert [(a["previous_status"], a["status"]) for a in by_ref["agencies"]] == [("planned", "achieved")]
    markdown = ooi(repo, "status", "--compare", "dasar", "--format", "markdown").stdout
    assert "**Dibandingkan dengan `dasar`: tercapai 0 → 1 OPD, kepatuhan pelaporan 100,0% → 100,0%**" in markdown
    assert "| 🔵 Direncanakan | ↑ 🟢 Tercapai |" in markdown


@pytest.mark.parametrize("ref", ["tidak-ada", "--output=/tmp/x", "main..", ""])
def test_compare_with_an_unknown_ref_exits_2_naming_it(repo, ref):
    outcome = ooi(repo, "status", "--compare", ref)
    assert outcome.exit_code == 2, outcome.output
    assert outcome.stderr == f"ooi: ref git `{ref}` tidak dikenal (di CI: checkout dengan fetch-depth: 0)\n"


def test_memo_reuses_judgements_only_where_no_date_lies_between():
    from ooi.engine.memo import days, pivots

    data = {"tanggal_lapor": "2023-03-10", "skm": {"tahun": 2023}, "nip": "198604152010012004", "teks": "x"}
    assert days(pivots(data)) == (date(2010, 1, 1), date(2023, 1, 1), date(2023, 3, 10))


def test_history_judges_each_point_by_its_own_date_when_it_reuses_a_judgement(repo):
    record = pilot(tanggal_lapor="2023-03-10")
    record["waktu"] = {"uji_coba": "2023-03-06"}
    record["prinsip"]["keterbukaan"]["publikasi"][0]["tanggal"] = "2023-05-15"  # R006 until that day
    write(repo, PLAN, record)
    commit(repo, "2023-03-10")
    found = history_of(repo, "--dari", "2023-03-01", "--sampai", "2023-06-30")
    assert [(p["per"], p["summary"]["achieved"]) for p in found["points"]] == [
        ("2023-03-31", 0), ("2023-04-30", 0), ("2023-05-31", 1), ("2023-06-30", 1)]
    for point in found["points"]:
        assert point["summary"] == status(repo, "--per", point["per"])["summary"]


def test_a_history_spread_over_processes_fills_its_memo_from_the_workers(repo):
    from ooi.engine.source import open_source
    from ooi.input.config import load_settings

    write(repo, PLAN, plan())
    write(repo, "data/opd/dinkes.yaml", {"kode": "dinkes", "nama": "Dinas Kesehatan", "jenis": "dinas",
                                         "urusan": ["1.02"]})  # a second agency: two units for two workers
    write(repo, "data/inovasi/dinkes/sigap-bumil.yaml", plan(opd="dinkes", nama="Sigap Bumil"))
    commit(repo, "2023-03-10")
    days = (date(2023, 3, 31), date(2023, 4, 30))  # no date of either record between them
    settings = load_settings(repo)
    with open_source(repo, settings) as plain:
        expected = [as_of(plain, 2023, day) for day in days]
    with open_source(repo, settings, memo=True) as source:
        first = as_of(source, 2023, days[0], jobs=2)  # the memo is empty: judged in two workers
        files = len(list(repo.glob("data/*/**/*.yaml")))
        assert (len(source.memo), source.memo.hits, source.memo.misses) == (files, 0, 0)
        second = as_of(source, 2023, days[1], jobs=2)  # nearly all in the memo: one process, every file a hit
        assert (source.memo.hits, source.memo.misses) == (files, 0)
        # From the workers as in one process: each innovation as its name and summary, no loaded data.
        # (The second agency's entry lacks fields the schema asks for: judged, no record.)
        assert sorted((path, type(judged.record).__name__, judged.data) for path, judged in source.memo._kept.items()
                      ) == [("data/inovasi/dinkes/sigap-bumil.yaml", "Recalled", None),
                            ("data/inovasi/dispendukcapil/penak-pkk.yaml", "Recalled", None),
                            ("data/opd/dinkes.yaml", "NoneType", None), ("data/opd/dispendukcapil.yaml", "Agency", None)]
    assert [first, second] == expected


@pytest.mark.parametrize("stray", [None, "catatan.txt", "data/inovasi/dispendukcapil/draf.yaml"])
def test_a_past_day_of_a_clean_head_is_judged_in_the_work_tree_without_writing_it_out(repo, monkeypatch, stray):
    from ooi.engine import source as asof
    from ooi.input.config import load_settings

    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    with asof.open_source(repo, load_settings(repo)) as source:
        expected = as_of(source, 2023, date(2023, 4, 30))  # through a snapshot, written out
    if stray is not None:  # untracked (or ignored: .gitignore is committed) files: the work tree is not HEAD's
        (repo / ".gitignore").write_text("*.txt\n")
        commit(repo, "2023-03-11")
        (repo / stray).write_text("nama: x\n")
    written = []
    monkeypatch.setattr(asof.Snapshot, "move_to", lambda self, commit, real=asof.Snapshot.move_to:
                        written.append(commit) or real(self, commit))
    with asof.open_source(repo, load_settings(repo), memo=True) as source:
        assert as_of(source, 2023, date(2023, 4, 30)) == expected
    assert len(written) == (stray is not None)


def test_a_past_registry_still_answers_after_its_snapshot_is_gone(repo):
    from ooi.engine.source import open_source
    from ooi.input.config import load_settings

    agency = repo / "data/opd/dispendukcapil.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace("Dinas Kependudukan", "Dinas Baru"), encoding="utf-8")
    commit(repo, "2023-06-01")
    with clock.frozen(TODAY), open_source(repo, load_settings(repo)) as source:
        past, now = source.result(date(2023, 3, 1)), source.result(TODAY)
        folders = [snapshot.root for snapshot in source._snapshots.values()]
    assert folders and not any(folder.exists() for folder in folders)  # the past was written out, then removed
    assert (past.root, past.agencies.complete, now.agencies.complete) == (repo, True, True)
    assert [(kode, agency.nama) for kode, agency in past.agencies.items()] == [
        ("dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil")]
    assert now.agencies["dispendukcapil"].nama == "Dinas Baru dan Pencatatan Sipil"


# The history memo keeps what a later point needs of a judgement, no more (issue 29: memory at national scale).

def test_the_history_memo_keeps_an_innovation_as_its_name_and_summary_and_no_loaded_data(repo):
    from dataclasses import fields

    from ooi.engine.memo import Judgement, Recalled, days
    from ooi.engine.source import open_source
    from ooi.history.series import Point, series
    from ooi.input.config import load_settings
    from ooi.model.records import Agency
    from ooi.model.summary import Summary

    write(repo, PLAN, plan())
    commit(repo, "2023-03-10")
    memos = []
    with open_source(repo, load_settings(repo)) as source:  # the series brings its own memo, and lets it go
        found = series(source, 2023, [date(2023, 3, 31), date(2023, 4, 30)],
                       progress=lambda done, total: memos.append(source.memo))
        assert source.memo is None and memos[0] is memos[1] is not None
    kept = dict(memos[0]._kept)  # what the memo holds, by path
    assert [f.name for f in fields(Judgement)] == ["today", "pivots", "findings", "record", "data", "signature",
                                                   "places", "blob", "salt", "filed"]
    assert [f.name for f in fields(Recalled)] == ["opd", "nama", "summary"]
    judged = kept[PLAN]
    # The record's dates: a NIP's appointment month, the year of a `tahun_*`, its filing day.
    assert (judged.today, days(judged.pivots), judged.data) == (
        date(2023, 3, 31), (date(2010, 1, 1), date(2023, 1, 1), date(2023, 3, 10)), None)
    nama = "SIAP ANTAR (Sistem Antar Akta ke Rumah Warga)"
    assert judged.record == Recalled("dispendukcapil", nama, Summary(
        nama, "inisiatif", date(2023, 3, 10), 2023, None, "pelayanan_publik", "digital", "2.12"))
    assert judged.findings == ()
    assert [path for path, judged in kept.items() if isinstance(judged.record, Agency)] == [
        "data/opd/dispendukcapil.yaml"]
    assert all(judged.data is None for judged in kept.values())
    assert [f.name for f in fields(Point)] == ["pemda", "per", "sumber", "total", "counts", "achievement",
                                               "compliance", "agencies_with_innovation", "innovations", "later"]
    assert [(p.per, p.counts, p.later) for p in found.points] == [  # achieved, planned, reported, missing
        (date(2023, 3, 31), (0, 1, 0, 0), 0), (date(2023, 4, 30), (0, 1, 0, 0), 0)]


def test_a_series_keeps_only_the_findings_its_figures_turn_on_and_gives_what_status_prints(repo):
    from ooi.engine.source import open_source
    from ooi.history.series import series
    from ooi.input.config import load_settings

    folder = "data/inovasi/dispendukcapil"
    write(repo, "data/opd/dispendukcapil.yaml", {**AGENCY, "kuota": 2})
    write(repo, f"{folder}/satu.yaml", pilot(nama="Sigap Satu"))  # a near-copy of `dua` (R015): the two count once
    write(repo, f"{folder}/dua.yaml", pilot(nama="Sigap Dua"))
    late = pilot(nama="Lain Sekali", latar_belakang=" ".join(["warga"] * 18))  # S010, a warning
    late["prinsip"]["keterbukaan"]["publikasi"][0]["tanggal"] = "2023-09-15"  # P6 and R006, errors until that day
    write(repo, f"{folder}/lain.yaml", late)
    commit(repo, "2023-03-10")
    days, memos = [date(2023, 8, 31), date(2023, 9, 30)], []
    with open_source(repo, load_settings(repo)) as source:  # what the memo holds after the first point, by path
        found = series(source, 2023, days, progress=lambda done, total: memos.append(dict(source.memo._kept)))
    kept = memos[0]
    # The warning goes; the errors stay (a waiver may lift any); R015 is judged across files, never kept by a file.
    assert [(f.code, f.severity.value) for f in kept[f"{folder}/lain.yaml"].findings] == [
        ("P6", "error"), ("R006", "error")]
    assert [kept[f"{folder}/{name}.yaml"].findings for name in ("satu", "dua")] == [(), ()]
    # One of two copies in T is short of the quota (reported); with `lain` counting, two: achieved.
    assert [(p.per, p.counts) for p in found.points] == [(days[0], (0, 0, 1, 0)), (days[1], (1, 0, 0, 0))]
    for point in history_of(repo, "--dari", "2023-08-01", "--sampai", "2023-09-30")["points"]:
        assert point["summary"] == status(repo, "--per", point["per"])["summary"]


def test_a_memo_for_figures_keeps_a_warning_where_its_going_could_change_them():
    from ooi.coverage.tally import moves_figures
    from ooi.engine.memo import Memo
    from ooi.engine.result import FileResult
    from ooi.model.findings import CAP, Finding, Severity

    memo, warning, error = Memo(read=moves_figures), Severity.WARNING, Severity.ERROR
    flooded = [Finding(PLAN, 2 + line, 1, "S001", warning) for line in range(CAP)] + [Finding(PLAN, 99, 1, "S001", error)]
    findings = [Finding(PLAN, 1, 1, "P1", warning), Finding(PLAN, 1, 1, "P2", error),
                Finding(PLAN, 1, 1, "R007", warning), *flooded]  # R007 is joined by the check across a folder
    result = FileResult(PLAN, "inovasi", None, list(findings))
    memo.put((PLAN, "b" * 40, b"salt", None), date(2023, 3, 31), result, {})
    # Past CAP, capping keeps S001's first CAP whatever their severity: dropping its warnings would let its error count.
    assert [f.code for f in result.findings] == ["P2", "R007", *["S001"] * (CAP + 1)]
    assert memo.get((PLAN, "b" * 40, b"salt", None), date(2023, 3, 31)).findings == tuple(result.findings)


def test_a_memo_judgement_serves_another_day_only_while_no_date_of_the_record_lies_between():
    from ooi.engine.memo import Memo
    from ooi.engine.result import FileResult
    from ooi.model.findings import Finding, Severity

    memo = Memo()
    data = {"tanggal_lapor": "2023-03-10", "waktu": {"uji_coba": "2023-07-03"}, "jadwal": [{"tanggal": "2023-05-01"}]}
    key = (PLAN, "b" * 40, b"salt", None)
    memo.put(key, date(2023, 3, 31), FileResult(PLAN, "inovasi", None, [Finding(PLAN, 1, 1, "R006", Severity.ERROR)]),
             data)
    assert memo.get(key, date(2023, 5, 31)) is not None  # a plan's schedule (jadwal) does not turn a judgement
    assert memo.get(key, date(2023, 7, 2)) is not None
    assert memo.get(key, date(2023, 7, 3)) is None  # the pilot's start lies between: judged again
    assert memo.get(key, date(2023, 3, 10)) is not None  # the filing day itself is not between 3-10 and 3-31
    assert memo.get(key, date(2023, 3, 9)) is None
    named = ("b.yaml", "c" * 40, b"salt", None)  # a message that names the day it was judged for serves only that day
    memo.put(named, date(2023, 3, 31), FileResult("b.yaml", "inovasi", None, [Finding(
        "b.yaml", 1, 1, "R006", Severity.ERROR, message="tanggal setelah 2023-03-31")]), {})
    assert memo.get(named, date(2023, 3, 31)) is not None and memo.get(named, date(2023, 4, 1)) is None
    assert (memo.hits, memo.misses) == (4, 3)


def test_a_run_that_keeps_whole_records_is_judged_afresh_beside_a_memo(repo):
    from ooi.engine.checker import check
    from ooi.engine.memo import Memo
    from ooi.input.config import load_settings
    from ooi.model.records import Innovation
    from ooi.model.summary import summarize

    write(repo, PLAN, plan())
    settings, memo = load_settings(repo), Memo()
    check(repo, settings, today=date(2023, 3, 31), records=summarize, memo=memo)
    filled = (len(memo), memo.hits, memo.misses)
    whole = check(repo, settings, today=date(2023, 3, 31), memo=memo)  # records=True: the memo holds summaries only
    assert isinstance(next(r.record for r in whole.files if r.path == PLAN), Innovation)
    assert (len(memo), memo.hits, memo.misses) == filled
    summed = check(repo, settings, today=date(2023, 3, 31), records=summarize, memo=memo)
    assert memo.hits == len(memo) and next(r.record for r in summed.files if r.path == PLAN) == summarize(
        next(r.record for r in whole.files if r.path == PLAN))
