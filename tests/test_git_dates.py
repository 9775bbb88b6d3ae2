"""Dates from git that hold in real workflows (SPEC §10): review time, merges of each kind, forged and future
dates, re-used paths, Jakarta's midnight. Each case is a scripted repository with fixed dates."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import SETTINGS, dump
from gitrepo import PLAN, TODAY, Repo, other_plan, plan, statuses

AGENCY = "dispendukcapil"
SECOND = "data/inovasi/dispendukcapil/kedua.yaml"


@pytest.fixture
def repo(tmp_path, git_identity, monkeypatch):
    """Settings and the registry committed on 2023-01-02 (the import); no records yet."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    return Repo.made(tmp_path / "repo")


def r014(repo: Repo, *args: str, today: date = TODAY) -> list[tuple[str, str]]:
    """(path, message) of every R014 `ooi validate` reports."""
    found = repo.validate(*args, today=today)["findings"]
    return [(f["path"], f["message"]) for f in found if f["code"] == "R014"]


def status_at(repo: Repo, day: str, today: date = TODAY) -> str:
    return statuses(repo.status("--per", day, today=today))[AGENCY]


def same_as_status(repo: Repo, *args: str, today: date = TODAY) -> dict:
    """`ooi history`, each of whose points is asserted to be what `ooi status --per` that day prints."""
    found = repo.history(*args, today=today)
    year = ("--tahun", str(found["tahun"]))
    for point in found["points"]:
        alone = repo.status("--per", point["per"], *year, today=today)
        assert (point["total"], point["summary"], point["sumber"]) == (alone["total"], alone["summary"],
                                                                       alone["sumber"]), point["per"]
    return found


def late(day: str, days: int) -> str:
    """The message R014 gives a record written `day` and filed `days` days late."""
    return f"`tanggal_lapor` {day} lebih dari 7 hari sebelum berkas dilaporkan ({days}, menurut git)"


# Review time: GitHub's three merge buttons, after a review of 14 and of 40 days.

def open_pull_request(repo: Repo, branch: str = "usulan", day: str = "2023-04-28") -> None:
    repo.branch(branch)
    repo.write(PLAN, plan(tanggal_lapor=day))
    repo.commit(day)


def test_a_merge_commit_after_a_14_day_review_keeps_the_submitted_date(repo):
    open_pull_request(repo)
    repo.merge("usulan", "2023-05-12")
    assert r014(repo) == []
    assert (status_at(repo, "2023-05-11"), status_at(repo, "2023-05-12")) == ("missing", "planned")
    same_as_status(repo, "--sampai", "2023-06-30")


def test_a_merge_commit_after_a_40_day_review_is_r014_from_the_merge(repo):
    open_pull_request(repo)
    repo.merge("usulan", "2023-06-07")
    assert r014(repo) == [(PLAN, late("2023-04-28", "2023-06-07"))]
    assert status_at(repo, "2023-06-30") == "missing"  # a file with an error does not count


def test_the_review_windows_last_day_passes_and_the_day_after_does_not(repo):
    open_pull_request(repo)
    repo.merge("usulan", "2023-05-28")  # 30 days after 28 April
    assert r014(repo) == []
    repo.branch("telat", "main~1")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-04-28"))
    repo.commit("2023-04-28")
    repo.merge("telat", "2023-05-29")  # 31 days
    assert r014(repo) == [(SECOND, late("2023-04-28", "2023-05-29"))]


def test_tinjauan_maks_hari_sets_the_window(repo):
    repo.write("ooi.yaml", SETTINGS + "tinjauan_maks_hari: 10\n")
    repo.commit("2023-01-03")
    open_pull_request(repo)
    repo.merge("usulan", "2023-05-12")
    assert r014(repo) == [(PLAN, late("2023-04-28", "2023-05-12"))]


def test_a_squash_merge_keeps_no_submission_date(repo):
    open_pull_request(repo)
    repo.squash("usulan", "2023-05-12")
    assert r014(repo) == [(PLAN, late("2023-04-28", "2023-05-12"))]


def test_a_rebase_merge_keeps_each_commits_author_date(repo):
    open_pull_request(repo)
    repo.rebase_merge("usulan", "2023-05-12")
    assert r014(repo) == []
    assert (status_at(repo, "2023-05-11"), status_at(repo, "2023-05-12")) == ("missing", "planned")


# Forged dates.

def test_a_forged_early_date_fails_the_pull_request_check(repo):
    repo.write("ooi.yaml", SETTINGS + "git_sejak: 2023-01-05\n")
    repo.commit("2023-01-03")
    repo.write(SECOND, other_plan("lain"))
    repo.commit("2023-05-01")
    repo.branch("palsu")
    repo.write(PLAN, plan(tanggal_lapor="2023-01-04"))
    repo.commit("2023-01-04")  # author and committer dated before git_sejak: it would pass as an import
    today = date(2023, 5, 12)
    assert r014(repo, "--changed-since", "main", today=today) == [(PLAN, late("2023-01-04", "2023-05-12"))]
    repo.branch("jujur", "main")
    repo.write(PLAN, plan(tanggal_lapor="2023-04-28"))
    repo.commit("2023-04-28")  # honest, and re-checked after two weeks of review
    assert r014(repo, "--changed-since", "main", today=today) == []


def test_a_forged_early_date_fast_forwarded_onto_main_counts_from_today(repo):
    repo.write(SECOND, other_plan("lain", tanggal_lapor="2023-05-01"))
    repo.commit("2023-05-01")
    repo.branch("palsu")
    repo.write(PLAN, plan(tanggal_lapor="2023-01-04"))
    forged = repo.commit("2023-01-04")
    repo.fast_forward("palsu")
    today = date(2023, 5, 12)
    report = repo.validate(today=today)
    assert report["tanggal_tidak_dipercaya"] == [{"commit": forged[:10], "tanggal": "2023-01-04",
                                                  "dipakai": "2023-05-12"}]
    assert r014(repo, today=today) == [(PLAN, late("2023-01-04", "2023-05-12"))]
    assert repo.status("--per", "2023-05-11", today=today)["agencies"][0]["plans"] == [SECOND]  # PLAN: not yet


def test_one_commit_dated_in_the_future_hides_nothing_after_it(repo):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    repo.write("data/opd/dinkes.yaml", {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes",
                                        "jenis": "dinas", "urusan": ["1.02"]})
    future = repo.commit("2030-01-01")
    repo.write(SECOND.replace(AGENCY, "dinkes"), other_plan("sehat", opd="dinkes", tanggal_lapor="2023-05-10"))
    repo.commit("2023-05-10")
    assert statuses(repo.status("--per", "2023-05-31")) == {AGENCY: "planned", "dinkes": "planned"}
    assert statuses(repo.status("--per", "2023-05-09")) == {AGENCY: "planned"}
    entry = {"commit": future[:10], "tanggal": "2030-01-01", "dipakai": "2023-05-10"}
    assert repo.status(today=TODAY)["tanggal_tidak_dipercaya"] == [entry]
    found = same_as_status(repo, "--sampai", "2023-06-30")
    assert found["tanggal_tidak_dipercaya"] == [entry]
    for command in (("status",), ("history", "--sampai", "2023-06-30"), ("validate",)):
        text = repo.ooi(*command, today=TODAY).stdout
        assert text.count(future[:10]) == 1, command
        assert (f"tanggal commit {future[:10]} (2030-01-01) tidak dipercaya karena waktu mundur di garis "
                f"first-parent; dipakai 2023-05-10") in text
    # The report names it in the secretariat's appendix only, never in the leaders' part.
    for lengkap, times in ((("--lengkap",), 1), ((), 0)):
        page = repo.root.parent / f"laporan{len(lengkap)}.html"
        outcome = repo.ooi("report", "--per", "2023-06-30", "--output", str(page), *lengkap, today=TODAY)
        assert outcome.exit_code == 0, outcome.output
        html = page.read_text(encoding="utf-8")
        assert html.count(future[:10]) == times, lengkap
        assert html.count(f"Tanggal commit {future[:10]} (1 Januari 2030) tidak dipercaya karena waktu mundur di "
                          f"garis first-parent; dipakai 10 Mei 2023.") == times


def test_a_later_commit_can_change_which_earlier_ones_are_trusted(repo):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    late_one = repo.commit("2023-06-10")
    back = repo.commit("2023-04-10")
    assert [e["commit"] for e in repo.status(today=TODAY)["tanggal_tidak_dipercaya"]] == [back[:10]]
    repo.commit("2023-04-20")
    repo.commit("2023-04-30")  # now two commits run on from 10 April: the one dated June is the odd one out
    assert [e["commit"] for e in repo.status(today=TODAY)["tanggal_tidak_dipercaya"]] == [late_one[:10]]


def test_a_foxtrot_merge_redates_the_other_agencys_record_to_the_push(repo):
    """`git pull` + push makes main's first parent the pusher's work: README says how branch protection stops it."""
    repo.write("data/opd/dinkes.yaml", {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes",
                                        "jenis": "dinas", "urusan": ["1.02"]})
    repo.commit("2023-03-01")
    repo.branch("lokal")
    repo.checkout("main")
    repo.write(SECOND.replace(AGENCY, "dinkes"), other_plan("sehat", opd="dinkes", tanggal_lapor="2023-04-10"))
    repo.commit("2023-04-10")  # another agency's record, on main
    repo.checkout("lokal")
    repo.write(PLAN, plan(tanggal_lapor="2023-03-20"))
    repo.commit("2023-03-20")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branch main", "main", when="2023-04-15")  # git pull
    repo.fast_forward("lokal")  # git push
    assert statuses(repo.status("--per", "2023-04-14")) == {AGENCY: "planned", "dinkes": "missing"}
    assert statuses(repo.status("--per", "2023-04-15")) == {AGENCY: "planned", "dinkes": "planned"}
    assert r014(repo) == []  # its author date lies within the review window of the merge that re-dated it


# Filed dates belong to the record, not the path.

def test_a_reused_path_is_a_new_filing(repo):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    repo.git("mv", PLAN, SECOND)
    repo.commit("2023-04-10")  # renamed: keeps 10 March
    repo.write(PLAN, other_plan("baru", tanggal_lapor="2023-03-10"))
    repo.commit("2023-06-10")  # another innovation at the old path, written as if filed in March
    assert r014(repo) == [(PLAN, late("2023-03-10", "2023-06-10"))]


def test_a_path_removed_and_added_again_is_filed_again(repo):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    repo.git("rm", "-q", PLAN)
    repo.commit("2023-04-10")
    repo.write(PLAN, plan())
    repo.commit("2023-06-10")
    assert r014(repo) == [(PLAN, late("2023-03-10", "2023-06-10"))]


# Boundaries.

@pytest.mark.parametrize(("written", "expected"), [("2023-03-03", []), ("2023-03-02", [(PLAN, late("2023-03-02",
                                                                                                  "2023-03-10"))])])
def test_r014_at_exactly_the_tolerance_and_one_day_past(repo, written, expected):
    repo.write(PLAN, plan(tanggal_lapor=written))
    repo.commit("2023-03-10")
    assert r014(repo) == expected


def test_a_commit_at_235959_and_one_at_000000_jakarta_time(repo):
    repo.write(PLAN, plan(tanggal_lapor="2023-03-03"))
    repo.commit("2023-03-10T23:59:59+07:00")  # 16:59:59 UTC: 10 March either way
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-03"))
    repo.commit("2023-03-11T00:00:00+07:00")  # 17:00 UTC on 10 March: a date taken in UTC would let it pass
    assert r014(repo) == [(SECOND, late("2023-03-03", "2023-03-11"))]
    before, after = (repo.status("--per", day, today=TODAY) for day in ("2023-03-10", "2023-03-11"))
    assert before["agencies"][0]["plans"] == [PLAN]
    assert after["agencies"][0]["plans"] == [PLAN]  # the second has R014: it does not count
    assert after["agencies"][0]["errors"] == 1 and before["agencies"][0]["errors"] == 0


def test_an_agency_added_part_way_through_a_history(repo):
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    repo.write("data/opd/dinkes.yaml", {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes",
                                        "jenis": "dinas", "urusan": ["1.02"]})
    repo.commit("2023-06-10")
    found = same_as_status(repo, "--sampai", "2023-07-31")
    assert [(p["per"], p["total"], p["summary"]["planned"], p["summary"]["missing"]) for p in found["points"]] == [
        ("2023-01-31", 1, 0, 1), ("2023-02-28", 1, 0, 1), ("2023-03-31", 1, 1, 0), ("2023-04-30", 1, 1, 0),
        ("2023-05-31", 1, 1, 0), ("2023-06-30", 2, 1, 1), ("2023-07-31", 2, 1, 1)]
    assert [(c["kode"], c["per"], c["dari"], c["ke"]) for c in found["changes"]] == [
        (AGENCY, "2023-03-31", "missing", "planned")]


def test_before_the_import_commit_points_say_tanggal_lapor(tmp_path, git_identity, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    repo = Repo.made(tmp_path / "repo", when=None, **{PLAN: dump(plan())})
    repo.commit("2023-05-02", "impor")  # the first commit holding data/: every record in it is an import
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-05-20"))
    repo.commit("2023-05-20")
    assert r014(repo) == []
    found = same_as_status(repo, "--sampai", "2023-05-31")
    assert [(p["per"], p["sumber"], p["summary"]["planned"]) for p in found["points"]] == [
        ("2023-01-31", "tanggal_lapor", 0), ("2023-02-28", "tanggal_lapor", 0), ("2023-03-31", "tanggal_lapor", 1),
        ("2023-04-30", "tanggal_lapor", 1), ("2023-05-31", "git", 1)]


# The history memo (engine/memo.py) reuses a judgement only where no date between the two points could turn it.

def test_every_rule_on_a_record_at_two_dates_is_the_same_with_and_without_the_history_memo(repo):
    from conftest import sample

    from ooi.engine import clock
    from ooi.engine import source as asof
    from ooi.input.config import load_settings
    from ooi.model.summary import summarize

    record = sample("penerapan")
    record["tanggal_lapor"] = "2023-03-10"
    record["prinsip"]["kepatutan"]["dasar_hukum"][0]["tanggal"] = "2023-06-01"  # in force from June (P7, R006)
    record["prinsip"]["kualitas_pelayanan"]["skm"]["tahun"] = 2024  # a year still to come until 2024 (P3)
    repo.write(PLAN, record)
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-02-01"))  # R014 from its filing date
    repo.commit("2023-03-10")
    days = [date(2023, 5, 1), date(2023, 7, 1), date(2024, 1, 2)]

    def judged(day: date, source) -> list:
        return sorted((f.path, f.code, f.message) for r in source.result(day, records=summarize).files
                      for f in r.findings)

    settings = load_settings(repo.root)
    with clock.frozen(date(2024, 6, 1)):
        alone = []
        for day in days:
            with asof.open_source(repo.root, settings) as source:
                alone.append(judged(day, source))
        assert len({tuple(found) for found in alone}) == 3  # the dates do turn the judgement
        for order in (days, days[::-1]):
            with asof.open_source(repo.root, settings, memo=True) as source:
                remembered = {day: judged(day, source) for day in order}
            assert [remembered[day] for day in days] == alone


# Imports and git_sejak.

def with_settings(repo: Repo, extra: str, when: str = "2023-01-02") -> None:
    repo.write("ooi.yaml", SETTINGS + extra)
    repo.commit(when, "pengaturan")


def test_a_record_first_committed_on_the_git_sejak_day_is_an_import(repo):
    with_settings(repo, "git_sejak: 2023-03-10\n")
    repo.write(PLAN, plan(tanggal_lapor="2023-01-01"))
    repo.commit("2023-03-10T23:59:59+07:00")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-01-01"))
    repo.commit("2023-03-11T00:00:00+07:00")
    assert r014(repo) == [(SECOND, late("2023-01-01", "2023-03-11"))]


def test_points_before_git_sejak_are_judged_by_tanggal_lapor_and_ooi_says_what_it_did_not_use(repo):
    repo.write(PLAN, plan(tanggal_lapor="2023-02-01"))
    repo.commit("2023-02-01")
    repo.write(SECOND, other_plan("kedua", tanggal_lapor="2023-03-01"))
    repo.commit("2023-03-01")
    with_settings(repo, "git_sejak: 2023-04-01\n", when="2023-04-01")
    outcome = repo.ooi("history", "--format", "json", "--sampai", "2023-05-31")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stderr == ("ooi: 3 commit sebelum git_sejak 2023-04-01 tidak dipakai: sampai tanggal itu "
                              "catatan dinilai menurut tanggal_lapor pada pohon per git_sejak\n")
    found = same_as_status(repo, "--sampai", "2023-05-31")
    assert [(p["per"], p["sumber"], p["summary"]["planned"]) for p in found["points"]] == [
        ("2023-01-31", "tanggal_lapor", 0), ("2023-02-28", "tanggal_lapor", 1), ("2023-03-31", "tanggal_lapor", 1),
        ("2023-04-30", "git", 1), ("2023-05-31", "git", 1)]
    assert r014(repo) == []


def test_git_sejak_after_today_is_a_settings_error(repo):
    with_settings(repo, "git_sejak: 2023-12-02\n")
    outcome = repo.ooi("status")
    assert outcome.exit_code == 2
    assert "ooi.yaml:5:1: `git_sejak` 2023-12-02 lebih lambat dari hari ini (2023-12-01)" in outcome.output
    found = repo.validate()["findings"]
    assert [(f["path"], f["line"], f["code"], f["field"]) for f in found] == [("ooi.yaml", 5, "S007", "git_sejak")]
    assert repo.ooi("status", today=date(2023, 12, 2)).exit_code == 0  # on the day itself


def test_a_bulk_import_after_git_sejak_is_one_r016_and_its_r014_hints_point_there(repo):
    with_settings(repo, "git_sejak: 2023-01-02\n")
    names = ["satu", "dua", "tiga", "empat", "lima"]
    for name in names:
        repo.write(f"data/inovasi/{AGENCY}/{name}.yaml", other_plan(name, tanggal_lapor="2023-02-01"))
    repo.write(PLAN, plan(tanggal_lapor="2023-05-30"))  # one honest record in the same commit
    imported = repo.commit("2023-06-01", "impor catatan lama")
    found = [f for f in repo.validate()["findings"] if f["code"] in ("R014", "R016")]
    assert [(f["path"], f["code"]) for f in found] == [("data/inovasi/dispendukcapil/dua.yaml", "R014"),
                                                       ("data/inovasi/dispendukcapil/empat.yaml", "R014"),
                                                       ("data/inovasi/dispendukcapil/lima.yaml", "R014"),
                                                       ("data/inovasi/dispendukcapil/satu.yaml", "R014"),
                                                       ("data/inovasi/dispendukcapil/tiga.yaml", "R014"),
                                                       ("ooi.yaml", "R016")]
    assert found[-1]["message"] == (f"commit {imported[:10]} (2023-06-01) menambahkan 6 catatan dan 5 di antaranya "
                                    "gagal R014 bersama: tampaknya impor catatan lama setelah `git_sejak`")
    assert found[-1]["hint"] == "bila commit itu mengimpor catatan lama, tulis `git_sejak: 2023-06-01` di ooi.yaml"
    assert {f["hint"] for f in found[:-1]} == {
        f"jangan ubah tanggal_lapor: berkas ini bagian dari impor di commit {imported[:10]}; lihat R016 di ooi.yaml"}
    with_settings(repo, "git_sejak: 2023-06-01\n", when="2023-06-02")  # as R016 says
    assert [f for f in repo.validate()["findings"] if f["code"] in ("R014", "R016")] == []


def test_four_records_failing_together_are_not_a_bulk_import(repo):
    with_settings(repo, "git_sejak: 2023-01-02\n")
    for name in ["satu", "dua", "tiga", "empat"]:
        repo.write(f"data/inovasi/{AGENCY}/{name}.yaml", other_plan(name, tanggal_lapor="2023-02-01"))
    repo.commit("2023-06-01")
    found = repo.validate()["findings"]
    assert [f["code"] for f in found if f["code"] in ("R014", "R016")] == ["R014"] * 4
    assert {f["hint"] for f in found if f["code"] == "R014"} == {"tulis `tanggal_lapor: 2023-06-01`"}


# Bounded settings: a pull request that changes one that could move a figure says so in its job summary.

def test_a_pull_request_changing_a_watched_setting_says_so_in_the_job_summary(repo):
    repo.branch("pengaturan")
    repo.write(PLAN, plan())
    repo.commit("2023-03-10")
    summary = repo.ooi("status", "--compare", "main", "--format", "markdown").stdout
    assert "pengaturan" not in summary  # a record alone changes no setting
    repo.write("ooi.yaml", SETTINGS + "toleransi_lapor_hari: 14\nkuota: 2\naturan:\n  P6: warning\n"
                                      "zona_waktu: Asia/Makassar\n")
    repo.commit("2023-03-11")
    summary = repo.ooi("status", "--compare", "main", "--format", "markdown").stdout
    assert summary.split("#### ")[1].split("\n\n")[:2] == [
        "Pull request ini mengubah pengaturan ooi.yaml",
        "- `toleransi_lapor_hari`: `7` → `14`\n- `kuota`: `1` → `2`\n- `aturan`: `0 entri` → `1 entri`\n"
        "- `zona_waktu`: `Asia/Jakarta` → `Asia/Makassar`"]
    compared = repo.status("--compare", "main")["compare"]["pengaturan_berubah"]
    assert [entry["kunci"] for entry in compared] == ["toleransi_lapor_hari", "kuota", "aturan", "zona_waktu"]


@pytest.mark.lambat
@pytest.mark.parametrize("args", [("--tahun", "2023", "--sampai", "2023-12-31"),
                                  ("--tahun", "2026", "--dari", "2026-11-20", "--sampai", "2026-12-06",
                                   "--setiap", "minggu")])
def test_history_of_the_shipped_sample_is_status_per_at_each_point(args):
    """Before the sample's git_sejak each point is judged by tanggal_lapor, after it by git: both as status says."""
    from pathlib import Path

    shipped = Repo(Path(__file__).parent.parent)
    found = same_as_status(shipped, *args, today=date(2026, 12, 7))
    assert {point["sumber"] for point in found["points"]} == (
        {"tanggal_lapor"} if args[1] == "2023" else {"tanggal_lapor", "git"})
