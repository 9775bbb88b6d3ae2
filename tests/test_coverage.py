"""Each rule of SPEC §5 on small data roots: the four statuses, their order, dates around D and the window."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import AGENCY, make_root, sample

from ooi.coverage.tally import ACHIEVED, MISSING, PLANNED, REPORTED, tally
from ooi.engine.checker import check
from ooi.input.config import load_settings

TODAY = date(2026, 11, 28)  # the engine's "today": every date in these roots lies before it
D = date(2023, 6, 30)
FOLDER = "data/inovasi/dispendukcapil"


def agency(kode: str, **extra) -> dict:
    return {"kode": kode, "nama": f"Dinas {kode.title()}", "singkatan": kode.title(), "jenis": "dinas",
            "urusan": ["2.12"], **extra}


def pilot(started: str, filed: str = "2021-01-02", nama: str = "Inovasi Uji", opd: str = "dispendukcapil") -> dict:
    """A valid innovation at `uji_coba` that started on `started` and was filed on `filed`."""
    record = sample("uji_coba")
    record.update(nama=nama, opd=opd, tanggal_lapor=filed, waktu={"uji_coba": started})
    return _dated(record, started, started)


def in_force(started: str, enacted: str, filed: str = "2021-01-02", nama: str = "Inovasi Terap") -> dict:
    record = sample("penerapan")
    record.update(nama=nama, tanggal_lapor=filed, waktu={"uji_coba": started, "penerapan": enacted})
    return _dated(record, started, enacted)


def _dated(record: dict, started: str, last: str) -> dict:
    """Move the dates the principle rules compare with the start (legal basis, SKM, monev) along with it."""
    principles = record["prinsip"]
    for act in principles["kepatutan"].get("dasar_hukum", []):
        act["tanggal"] = started
    if "skm" in principles["kualitas_pelayanan"]:
        principles["kualitas_pelayanan"]["skm"]["tahun"] = int(started[:4])
    if principles["akuntabilitas"].get("monev"):
        principles["akuntabilitas"]["monev"]["tanggal"] = last
    return record


def plan(year: int, filed: str = "2023-01-10", nama: str = "Rencana Uji", opd: str = "dispendukcapil") -> dict:
    record = sample("inisiatif")
    record.update(nama=nama, opd=opd, tanggal_lapor=filed, tahun_rencana=year)
    return record


def coverage(tmp_path, files: dict, per: date = D, tahun: int = 2023, agencies=None):
    root = make_root(tmp_path, files, agencies=agencies)
    return tally(check(root, load_settings(root), today=TODAY), tahun, per)


def status_of(tmp_path, files: dict, per: date = D, kode: str = "dispendukcapil") -> str:
    return coverage(tmp_path, files, per).find(kode).status


def test_each_status(tmp_path):
    agencies = [AGENCY, agency("dinkes"), agency("dishub"), agency("dlh")]
    result = coverage(tmp_path, {
        f"{FOLDER}/a.yaml": pilot("2023-03-06", filed="2023-04-03"),
        "data/inovasi/dinkes/b.yaml": plan(2023, opd="dinkes"),
        "data/inovasi/dishub/c.yaml": pilot("2022-05-02", opd="dishub"),
    }, agencies=agencies)
    assert {a.kode: a.status for a in result.agencies} == {
        "dispendukcapil": ACHIEVED, "dinkes": PLANNED, "dishub": REPORTED, "dlh": MISSING}
    assert result.total == 4
    assert [result.count(status) for status in (ACHIEVED, PLANNED, REPORTED, MISSING)] == [1, 1, 1, 1]
    assert result.achievement == 25.0 and result.compliance == 75.0
    assert result.agencies_with_innovation == 2 and result.innovations == 2
    assert result.find("dinkes").plans == ("data/inovasi/dinkes/b.yaml",)
    assert result.find("dishub").innovations == ("data/inovasi/dishub/c.yaml",)


def test_first_match_wins(tmp_path):
    older, planned, current = pilot("2022-02-01", nama="Lama"), plan(2023, nama="Rencana"), pilot(
        "2023-02-01", filed="2023-02-10", nama="Baru")
    assert status_of(tmp_path / "1", {f"{FOLDER}/a.yaml": older, f"{FOLDER}/b.yaml": planned,
                                      f"{FOLDER}/c.yaml": current}) == ACHIEVED
    assert status_of(tmp_path / "2", {f"{FOLDER}/a.yaml": older, f"{FOLDER}/b.yaml": planned}) == PLANNED
    assert status_of(tmp_path / "3", {f"{FOLDER}/a.yaml": older}) == REPORTED


def test_a_record_filed_after_d_is_ignored_entirely(tmp_path):
    late = pilot("2022-05-02", filed="2023-07-01")
    late["urusan"] = {"utama": "9.99"}  # an error too: it must not show either
    result = coverage(tmp_path, {f"{FOLDER}/a.yaml": late, f"{FOLDER}/b.yaml": plan(2023, filed="2023-07-01")})
    entry = result.find("dispendukcapil")
    assert entry.status == MISSING
    assert (entry.innovations, entry.plans, entry.errors) == ((), (), 0)
    assert result.later == 2 and result.innovations == 0
    assert status_of(tmp_path / "on-d", {f"{FOLDER}/a.yaml": pilot("2022-05-02", filed="2023-06-30")}) == REPORTED


def test_an_innovation_dated_after_d_does_not_count_yet(tmp_path):
    assert status_of(tmp_path / "1", {f"{FOLDER}/a.yaml": pilot("2023-07-03", filed="2023-06-01")}) == MISSING
    assert status_of(tmp_path / "2", {f"{FOLDER}/a.yaml": pilot("2023-06-30", filed="2023-06-01")}) == ACHIEVED
    # Piloted in 2022, in force only after D: it counts for 2022, not for the target year.
    result = coverage(tmp_path / "3", {f"{FOLDER}/a.yaml": in_force("2022-03-01", "2023-09-01")})
    assert result.find("dispendukcapil").status == REPORTED
    assert result.find("dispendukcapil").files[1].years == (2022,)


@pytest.mark.parametrize(("extra", "counted"), [
    ({"aktif_sampai": "2023-06-29"}, False),
    ({"aktif_sampai": "2023-06-30"}, True),
    ({"aktif_sejak": "2023-07-01"}, False),
    ({"aktif_sejak": "2023-06-30"}, True),
])
def test_only_agencies_active_on_d_are_counted(tmp_path, extra, counted):
    result = coverage(tmp_path, {"data/inovasi/lama/a.yaml": pilot("2023-01-09", opd="lama")},
                      agencies=[AGENCY, agency("lama", **extra)])
    assert result.total == (2 if counted else 1)
    assert ("lama" in {a.kode for a in result.agencies}) is counted
    assert result.innovations == (1 if counted else 0)
    if not counted:
        assert [a.kode for a in result.inactive] == ["lama"]
        assert result.find("lama").status == ACHIEVED  # still described for `ooi show`, just not counted


def test_an_agency_whose_only_file_is_broken_shows_its_errors(tmp_path):
    result = coverage(tmp_path, {f"{FOLDER}/rusak.yaml": "nama: [tidak ditutup\n"})
    entry = result.find("dispendukcapil")
    assert entry.status == MISSING and entry.errors >= 1
    assert entry.files[1].record is None and entry.files[1].standing == "broken"


def test_a_record_with_errors_does_not_count_but_its_errors_always_show(tmp_path):
    faulty = pilot("2023-03-06", filed="2023-04-03", nama="Salah")
    faulty["urusan"] = {"utama": "9.99"}
    result = coverage(tmp_path, {f"{FOLDER}/a.yaml": faulty, f"{FOLDER}/b.yaml": pilot("2022-02-01")})
    entry = result.find("dispendukcapil")
    assert entry.status == REPORTED and entry.errors == 1
    assert entry.innovations == (f"{FOLDER}/b.yaml",)
    done = coverage(tmp_path / "2", {f"{FOLDER}/a.yaml": pilot("2023-03-06", filed="2023-04-03"),
                                     f"{FOLDER}/rusak.yaml": "nama: [\n"})
    assert done.find("dispendukcapil").status == ACHIEVED and done.find("dispendukcapil").errors >= 1


def test_a_plan_counts_only_for_its_own_year_and_without_errors(tmp_path):
    assert status_of(tmp_path / "1", {f"{FOLDER}/a.yaml": plan(2024)}) == MISSING
    faulty = plan(2023)
    faulty["urusan"] = {"utama": "9.99"}
    assert status_of(tmp_path / "2", {f"{FOLDER}/a.yaml": faulty}) == MISSING


@pytest.mark.parametrize(("started", "status", "in_window"), [
    ("2020-12-31", MISSING, False),
    ("2021-01-01", REPORTED, True),  # first day of T − jendela_tahun
    ("2021-12-31", REPORTED, True),
    ("2022-01-01", REPORTED, True),
    ("2022-12-31", REPORTED, True),  # last day of T − 1
    ("2023-01-01", ACHIEVED, True),
])
def test_window_edges(tmp_path, started, status, in_window):
    filed = max(started, "2021-01-02")
    result = coverage(tmp_path, {f"{FOLDER}/a.yaml": pilot(started, filed=filed)})
    assert result.find("dispendukcapil").status == status
    assert (result.innovations, result.agencies_with_innovation) == ((1, 1) if in_window else (0, 0))


def test_the_last_day_of_the_target_year(tmp_path):
    files = {f"{FOLDER}/a.yaml": pilot("2023-12-31", filed="2023-12-31")}
    assert status_of(tmp_path / "1", files, per=date(2023, 12, 31)) == ACHIEVED
    assert status_of(tmp_path / "2", files, per=date(2023, 12, 30)) == MISSING


def test_the_window_follows_the_settings(tmp_path):
    root = make_root(tmp_path, {f"{FOLDER}/a.yaml": pilot("2021-05-05")},
                     settings="pemda: Kota Uji\ntahun_target: 2023\njendela_tahun: 1\n")
    result = tally(check(root, load_settings(root), today=TODAY), 2023, D)
    assert result.find("dispendukcapil").status == MISSING and result.window == (2022, 2023)
    assert tally(check(root, load_settings(root), today=TODAY), 2023, D, jendela=2).innovations == 1


def test_kelurahan_are_listed_under_their_kecamatan_and_counted(tmp_path):
    agencies = [
        agency("setda", jenis="sekretariat"), AGENCY,
        {"kode": "kec-batu", "nama": "Kecamatan Batu", "singkatan": "Kec. Batu", "jenis": "kecamatan",
         "urusan": ["7.01"]},
        {"kode": "kec-junrejo", "nama": "Kecamatan Junrejo", "singkatan": "Kec. Junrejo", "jenis": "kecamatan",
         "urusan": ["7.01"]},
        {"kode": "kel-sisir", "nama": "Kelurahan Sisir", "singkatan": "Kel. Sisir", "jenis": "kelurahan",
         "induk": "kec-batu", "urusan": ["7.01"]},
        {"kode": "kel-dadaprejo", "nama": "Kelurahan Dadaprejo", "singkatan": "Kel. Dadaprejo",
         "jenis": "kelurahan", "induk": "kec-junrejo", "urusan": ["7.01"]},
    ]
    result = coverage(tmp_path, {}, agencies=agencies)
    assert [(a.kode, a.depth) for a in result.agencies] == [
        ("setda", 0), ("dispendukcapil", 0), ("kec-batu", 0), ("kel-sisir", 1), ("kec-junrejo", 0),
        ("kel-dadaprejo", 1)]
    assert result.total == 6


def test_files_of_no_active_agency_are_kept_aside(tmp_path):
    result = coverage(tmp_path, {"data/inovasi/hilang/a.yaml": pilot("2022-01-03", opd="hilang"),
                                 "data/inovasi/lepas.yaml": "nama: x\n"})
    assert [f.path for f in result.other] == ["data/inovasi/hilang/a.yaml", "data/inovasi/lepas.yaml"]
    assert result.innovations == 0 and result.total == 1


def test_no_agencies_is_zero_percent_not_a_crash(tmp_path):
    result = coverage(tmp_path, {}, agencies=[])
    assert (result.total, result.achievement, result.compliance) == (0, 0.0, 0.0)


def test_warnings_show_but_do_not_stop_a_file_from_counting(tmp_path):
    settings = "pemda: Kota Uji\ntahun_target: 2023\njendela_tahun: 2\naturan:\n  R004: warning\n"
    warned = pilot("2023-03-06", filed="2023-04-03")
    warned["urusan"] = {"utama": "9.99"}
    counts = []
    for name, record in (("plain", pilot("2023-03-06", filed="2023-04-03")), ("warned", warned)):
        root = make_root(tmp_path / name, {f"{FOLDER}/a.yaml": record}, settings=settings)
        entry = tally(check(root, load_settings(root), today=TODAY), 2023, D).find("dispendukcapil")
        counts.append((entry.status, entry.errors, entry.warnings))
    assert counts[1] == (ACHIEVED, 0, counts[0][2] + 1)


def test_summaries_count_exactly_as_full_records():
    """`ooi status` keeps a few fields per record (memory at national scale); the tally must not change."""
    from datetime import date as day
    from pathlib import Path

    from ooi.coverage.tally import Summary, summarize, tally
    from ooi.engine.checker import check
    from ooi.input.config import load_settings
    from ooi.report import status_json

    shipped = Path(__file__).resolve().parents[1]
    settings = load_settings(shipped)
    full, light = check(shipped, settings), check(shipped, settings, records=summarize)
    assert any(isinstance(f.record, Summary) for f in light.files)
    for per in (day(2023, 2, 5), day(2023, 12, 31)):
        assert status_json.render(tally(light, 2023, per)) == status_json.render(tally(full, 2023, per))
