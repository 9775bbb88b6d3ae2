"""Hostile records, round three (issue 27): each case the red team found, with its exact finding or output."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from conftest import AGENCY, SETTINGS, TEST_DEFAULTS, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.coverage.tally import REPORTED, tally
from ooi.engine.checker import check
from ooi.input.config import load_settings

FOLDER = "data/inovasi/dispendukcapil"
REL = f"{FOLDER}/sigap.yaml"
DAY = date(2023, 12, 31)
DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}


def run(root, *args, **env):
    return CliRunner().invoke(app, [*args, "--root", str(root)], env={"OOI_LANG": None, "OOI_DEBUG": None, **env})


def found(root, code: str | None = None) -> list[tuple]:
    result = check(root, load_settings(root))
    return [(f.path, f.line, f.column, f.code, f.field, f.message, f.hint) for f in result.findings
            if code is None or f.code == code]


# --- field names are key paths; a fault is exit 3 --------------------------------------------------------------

def test_a_key_holding_a_bracket_is_an_unknown_key_not_a_traceback(tmp_path):
    text = (make_root(tmp_path, {REL: sample("uji_coba")}) / REL).read_text(encoding="utf-8")
    (tmp_path / REL).write_text(text + '"a[b": 1\n', encoding="utf-8")
    line = text.count("\n") + 1
    outcome = run(tmp_path, "validate", "--format", "json")
    assert outcome.exit_code == 1, outcome.output
    [finding] = json.loads(outcome.stdout)["findings"]
    assert (finding["line"], finding["column"], finding["code"], finding["field"], finding["message"]) == (
        line, 1, "S002", "a[b", "kunci `a[b` tidak dikenal")


@pytest.fixture
def broken(monkeypatch):
    """A fault inside ooi: the engine raises what no user could have caused."""
    import ooi.engine.checker

    def fault(*args, **kwargs):
        raise RuntimeError("indeks rusak \x1b[2K")

    monkeypatch.setattr(ooi.engine.checker, "check", fault)


BUG_LINE = ("ooi: kesalahan di dalam ooi sendiri (bug), bukan di data Anda: RuntimeError: indeks rusak \\x1b[2K. "
            "Laporkan sebagai issue di repositori ooi, dengan perintah yang sama dijalankan ulang memakai --debug "
            "(atau OOI_DEBUG=1).\n")


def test_a_fault_in_ooi_exits_3_with_one_line(tmp_path, broken):
    outcome = run(make_root(tmp_path), "validate")
    assert outcome.exit_code == 3
    assert outcome.stderr == BUG_LINE and outcome.stdout == ""


@pytest.mark.parametrize(("args", "env"), [(["--debug"], {}), ([], {"OOI_DEBUG": "1"})])
def test_the_traceback_only_when_asked(tmp_path, broken, args, env):
    outcome = run(make_root(tmp_path), "validate", *args, **env)
    assert outcome.exit_code == 3
    assert outcome.stderr.startswith("Traceback (most recent call last):\n") and outcome.stderr.endswith(BUG_LINE)


def test_user_errors_stay_exit_2_and_findings_exit_1(tmp_path):
    root = make_root(tmp_path, {REL: dict(sample("uji_coba"), tahapan="selesai")})
    assert run(root, "status", "--format", "xml").exit_code == 2
    assert run(root, "validate").exit_code == 1


# --- one guard for every output -----------------------------------------------------------------------------------

def test_iid_table_shows_rich_markup_as_written(tmp_path):
    root = make_root(tmp_path, {REL: dict(sample("uji_coba"), nama="Sigap [/x] Bumil")})
    outcome = run(root, "iid")
    assert outcome.exit_code == 0, outcome.output
    assert [line.split()[:4] for line in outcome.stdout.splitlines() if "Sigap" in line] == [
        ["1", "Sigap", "[/x]", "Bumil"]]


def test_iid_export_prints_findings_through_the_validate_reporter(tmp_path):
    record = sample("uji_coba")
    record["iid"] = {"x\n::error file=ooi.yaml::semua lolos\x1b[2K": {"level": 1, "bukti": [0]}}
    root = make_root(tmp_path, {REL: record})
    outcome = run(root, "iid", "--export", str(tmp_path / "iid.csv"))
    assert outcome.exit_code == 1
    line = next(line for line in outcome.stderr.splitlines() if " I001 " in line)
    assert line.startswith(f"{REL}:")
    assert line.endswith(" error I001 indikator IID `x\\n::error file=ooi.yaml::semua lolos\\x1b[2K` tidak dikenal")
    assert not [line for line in outcome.stderr.splitlines() if line.startswith("::")]


def test_remind_markdown_escapes_links_html_and_mentions(tmp_path):
    agency = dict(DINKES, nama="Dinas [klik](https://evil.example) <img src=x> @everyone")
    root = make_root(tmp_path, settings=SETTINGS + TEST_DEFAULTS, agencies=[AGENCY, agency])
    outcome = run(root, "remind", "--format", "markdown", "--opd", "dinkes", "--tahun", "2023", "--per", "2023-06-30")
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert "Yth. Kepala Dinas \\[klik\\](https\\://evil.example) &lt;img src=x&gt; `@`everyone  " in lines
    assert ("Berdasarkan data per 30 Juni 2023, status Dinas \\[klik\\](https\\://evil.example) &lt;img src=x&gt; "
            "`@`everyone dalam Gerakan Satu Instansi Satu Inovasi tahun 2023 adalah: belum melapor. Belum ada inovasi "
            "maupun rencana inovasi yang tercatat untuk tahun 2023.  ") in lines


def test_export_csv_on_standard_output_carries_no_raw_control_character(tmp_path):
    root = make_root(tmp_path, {REL: dict(sample("uji_coba"), hasil="Naik\x07 dari 3\x1b[2K\nke 7 hari.")})
    outcome = run(root, "export", "--format", "csv", "--output", "-", "--per", "2023-12-31")
    assert outcome.exit_code == 0, outcome.output
    assert "\x07" not in outcome.stdout and "\x1b" not in outcome.stdout
    [row] = list(csv.DictReader(io.StringIO(outcome.stdout.lstrip("\ufeff"))))
    assert row["hasil"] == "Naik\\x07 dari 3\\x1b[2K\\nke 7 hari."


# --- texts compared as a person sees them ----------------------------------------------------------------------

def _padded(change) -> dict:
    record = sample("uji_coba")
    for key in ("nama", "latar_belakang", "rancang_bangun", "tujuan", "manfaat"):
        record[key] = change(record[key])
    record["nama"] = change("Penak Kolektif Kedua")
    return record


@pytest.mark.parametrize(("kind", "change", "disguise"), [
    ("kiril", lambda text: text.replace("a", "\u0430"), "`nama`: kata `Pen\u0430k`, `Kolektif`"),
    ("zwsp", lambda text: "\u200b ".join(text.split(" ")), "`nama` memuat karakter tak terlihat: U+200B"),
])
def test_r015_finds_a_copy_padded_with_look_alikes_or_zero_width_spaces(tmp_path, kind, change, disguise):
    copy = f"{FOLDER}/salinan.yaml"
    root = make_root(tmp_path, {REL: sample("uji_coba"), copy: _padded(change)}, settings=SETTINGS)
    assert [row[:6] for row in found(root, "R015")] == [
        (copy, 1, 1, "R015", "nama", f"isi inovasi ini 80% sama dengan {REL}"),
        (REL, 1, 1, "R015", "nama", f"isi inovasi ini 80% sama dengan {copy}")]
    [warning] = [row for row in found(root, "R021") if row[4] == "nama"]
    assert warning[:5] == (copy, 1, 1, "R021", "nama") and warning[5].startswith(disguise.split(",")[0])


def test_r021_names_the_mixed_word_and_the_invisible_characters(tmp_path):
    record = dict(sample("uji_coba"), nama="Sig\u0430p Bumil", tujuan="Meningkatkan\u2060cakupan akta\u202e kelahiran anak.")
    root = make_root(tmp_path, {REL: record})
    assert [row[1:] for row in found(root, "R021")] == [
        (1, 1, "R021", "nama", "`nama`: kata `Sig\u0430p` mencampur huruf dari aksara berbeda (huruf yang tampak Latin "
         "tetapi bukan)", "ketik ulang kata itu dengan huruf Latin biasa dari papan ketik"),
        (15, 1, "R021", "tujuan", "`tujuan` memuat karakter tak terlihat: U+2060 WORD JOINER, U+202E RIGHT-TO-LEFT "
         "OVERRIDE", "hapus karakter itu: ketik ulang teksnya (jangan disalin dari dokumen atau pesan lain), dengan "
         "spasi biasa di antara kata")]


def test_a_renamed_copy_does_not_meet_a_quota_of_two(tmp_path):
    copy = dict(sample("uji_coba"), nama="PENAK PKK Plus Kedua")
    root = make_root(tmp_path, {REL: sample("uji_coba"), f"{FOLDER}/kedua.yaml": copy},
                     settings=SETTINGS + "kuota: 2\n")
    result = check(root, load_settings(root), today=DAY)
    assert [f.code for f in result.findings] == ["R015", "R015"] and not result.errors
    entry = tally(result, 2023, DAY).find("dispendukcapil")
    assert (entry.status, entry.in_target, entry.quota_text) == (REPORTED, 1, "1 dari 2")


def test_a_waived_pair_counts_twice(tmp_path):
    copy = dict(sample("uji_coba"), nama="PENAK PKK Plus Kedua")
    waiver = ("pengecualian:\n  - {berkas: " + f"{FOLDER}/kedua.yaml" + ", kode: R015, alasan: dua kelurahan berbeda,"
              " disetujui_oleh: Kepala Bappelitbangda, sampai: 2024-03-31}\n")
    root = make_root(tmp_path, {REL: sample("uji_coba"), f"{FOLDER}/kedua.yaml": copy},
                     settings=SETTINGS + "kuota: 2\n" + waiver)
    result = check(root, load_settings(root), today=DAY)
    assert [(f.code, bool(f.waived_by)) for f in result.findings] == [("R015", True), ("R015", False)]
    entry = tally(result, 2023, DAY).find("dispendukcapil")
    assert entry.in_target == 2, [(f.code, f.waived_by, f.message) for f in result.findings]


# --- bounds -------------------------------------------------------------------------------------------------------

def test_a_name_past_150_characters(tmp_path):
    root = make_root(tmp_path, {REL: dict(sample("uji_coba"), nama="Sigap " * 26)})
    assert [row[1:] for row in found(root, "S011")] == [
        (1, 1, "S011", "nama", "`nama` 156 karakter; paling banyak 150",
         "tulis nama yang singkat, paling banyak 150 karakter, mis. `Sigap Bumil`; uraiannya masuk `latar_belakang`")]


def test_a_text_past_5000_words(tmp_path):
    root = make_root(tmp_path, {REL: dict(sample("uji_coba"), catatan="kata " * 5001)})
    [row] = found(root, "S011")
    assert row[3:] == ("S011", "catatan", "`catatan` lebih dari 5.000 kata",
                       "ringkas menjadi paling banyak 5.000 kata; dokumen lengkapnya lampirkan sebagai `bukti` "
                       "(tautan atau `berkas`)")
    assert found(make_root(tmp_path / "pas", {REL: dict(sample("uji_coba"), catatan="kata " * 5000)}), "S011") == []


@pytest.mark.parametrize(("host", "address"), [
    ("127.1", "127.0.0.1"), ("0177.0.0.1", "127.0.0.1"), ("0x7f.0.0.1", "127.0.0.1"), ("2130706433", "127.0.0.1"),
    ("0xa9.0xfe.0xa9.0xfe", "169.254.169.254"), ("192.168.1", "192.168.0.1"), ("[::1]", None), ("[fe80::1]", None),
])
def test_a_link_to_an_ip_address_in_any_notation(tmp_path, host, address):
    record = sample("uji_coba")
    record["bukti"][0]["tautan"] = f"https://{host}/sk.pdf"
    [row] = found(make_root(tmp_path, {REL: record}), "R008")
    assert row[1:6] == (46, 3, "R008", "bukti[0].tautan",
                        f"tautan `https://{host}/sk.pdf` memakai alamat IP{f' ({address})' if address else ''}, "
                        "bukan nama domain publik")


def test_localhost_is_no_public_host(tmp_path):
    record = sample("uji_coba")
    record["bukti"][0]["tautan"] = "https://LOCALHOST./sk.pdf"
    [row] = found(make_root(tmp_path, {REL: record}), "R008")
    assert row[1:6] == (46, 3, "R008", "bukti[0].tautan", "tautan `https://LOCALHOST./sk.pdf` bukan laman publik")


@pytest.mark.parametrize("berkas", ["data/inovasi/dispendukcapil/lain.yaml", "ooi.yaml", "data/opd/dinkes.yaml",
                                    "bukti/dinkes/sk.pdf", "bukti/sk.pdf"])
def test_evidence_only_from_the_agency_or_the_shared_folder(tmp_path, berkas):
    record = sample("uji_coba")
    record["bukti"][0]["berkas"] = berkas
    root = make_root(tmp_path, {REL: record, f"{FOLDER}/lain.yaml": dict(sample("uji_coba"), nama="Lain"),
                                "bukti/dinkes/sk.pdf": b"%PDF", "bukti/sk.pdf": b"%PDF"}, agencies=[AGENCY, DINKES])
    rows = [row for row in found(root, "R008") if row[0] == REL]
    assert rows == [(REL, 48, 3, "R008", "bukti[0].berkas",
                     f"berkas bukti `{berkas}` tidak berada di bukti/dispendukcapil/ atau bukti/bersama/",
                     "simpan berkasnya di `bukti/dispendukcapil/` dan tulis `berkas: bukti/dispendukcapil/"
                     f"{'sk-inovasi.pdf' if berkas.endswith('.yaml') else 'sk.pdf'}` (bukti yang dipakai bersama "
                     "beberapa OPD: `bukti/bersama/`)")]


@pytest.mark.parametrize("berkas", ["bukti/dispendukcapil/sk.pdf", "bukti/bersama/perwali.pdf"])
def test_evidence_from_the_agency_or_the_shared_folder_passes(tmp_path, berkas):
    record = sample("uji_coba")
    record["bukti"][0]["berkas"] = berkas
    root = make_root(tmp_path, {REL: record, berkas: b"%PDF"})
    assert found(root) == []


@pytest.mark.parametrize(("kontak", "field", "shown"), [
    ({"nama": "Budi (0812 3456 7890)"}, "nama", "0812 3456 7890"),
    ({"jabatan": "Sekretaris, WA +62 0812-3456-7890"}, "jabatan", "+62 0812-3456-7890"),
    ({"nama": "Sekretariat", "jabatan": "Sekretaris 62.812.3456.7890"}, "jabatan", "62.812.3456.7890"),
    ({"email": "budi.081234567890@batukota.go.id"}, "email", "081234567890"),
])
def test_a_mobile_number_in_any_contact_field_and_notation(tmp_path, kontak, field, shown):
    root = make_root(tmp_path, agencies=[{**AGENCY, "kontak": kontak}])
    [row] = found(root, "R020")
    assert row[:6] == ("data/opd/dispendukcapil.yaml", 8 + list(kontak).index(field), 3, "R020", f"kontak.{field}",
                       f"`kontak.{field}` memuat nomor ponsel {shown}: data pribadi tidak boleh ada di daftar OPD "
                       "yang publik")


def test_a_mobile_phone_written_plus_62_0812(tmp_path):
    root = make_root(tmp_path, agencies=[{**AGENCY, "kontak": {"telepon": "+62 0812 3456 7890"}}])
    assert [row[1:6] for row in found(root, "R020")] == [
        (8, 3, "R020", "kontak.telepon", "`kontak.telepon` +62 0812 3456 7890 adalah nomor ponsel: data pribadi tidak "
         "boleh ada di daftar OPD yang publik")]


@pytest.mark.parametrize("email", ["dinkes@batukota.go.id?cc=x@evil.example&body=halo", "mailto:dinkes@batukota.go.id",
                                   "dinkes@batukota.go.id?body=halo.id"])
def test_contact_email_is_a_plain_address(tmp_path, email):
    root = make_root(tmp_path, agencies=[{**AGENCY, "kontak": {"email": email}}])
    assert [row[1:] for row in found(root)] == [
        (8, 3, "S007", "kontak.email", "`kontak.email`: alamat surel berbentuk nama@domain.go.id",
         "tulis `email: dinkes@batukota.go.id` (surel kantor)")]


def test_r021_sees_characters_written_as_yaml_escapes(tmp_path):
    text = (make_root(tmp_path, {REL: sample("uji_coba")}) / REL).read_text(encoding="utf-8")
    nama = text.splitlines()[0]
    (tmp_path / REL).write_text(text.replace(nama, 'nama: "Sig\\u0430p\\x01 Bumil"', 1), encoding="ascii")
    assert [row[1:6] for row in found(tmp_path, "R021")] == [
        (1, 1, "R021", "nama", "`nama` memuat karakter tak terlihat: U+0001 CONTROL CHARACTER"),
        (1, 1, "R021", "nama", "`nama`: kata `Sig\u0430p` mencampur huruf dari aksara berbeda (huruf yang tampak Latin "
         "tetapi bukan)")]
