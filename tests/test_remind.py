"""`ooi remind`: a letter per agency short of the target, to its head by office, with the deadline when there is one.

What the head reads is plain Indonesian; paths, commands and YAML keys only in the note under `Catatan teknis`.
"""

from __future__ import annotations

import json
import re

import pytest
from test_status_cli import WHEN, golden_root, run


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = golden_root(tmp_path_factory.mktemp("remind"))
    setda = root / "data/opd/setda.yaml"
    setda.write_text(setda.read_text(encoding="utf-8") + "kontak: {nama: Bagian Organisasi, jabatan: Kepala Bagian "
                     "Organisasi, email: organisasi@batukota.go.id, telepon: \"(0341) 512345\"}\n", encoding="utf-8")
    return root


def remind(root, *args):
    outcome = run("remind", "--root", str(root), *WHEN, *args)
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def letter_part(isi: str) -> str:
    """The letter without its technical note."""
    assert isi.count("\nCatatan teknis\n") == 1
    return isi.split("\nCatatan teknis\n")[0]


# What the head of an office must not have to read: a path, a command, a YAML key, an ISO date, a rule code.
NOT_FOR_THE_HEAD = re.compile(r"data/|\.ya?ml\b|\booi\s|--\w|`|\b[a-z]+_[a-z_]+\b|\d{4}-\d\d-\d\d|\b[SRIYC]\d{3}\b")


def test_json_for_a_mail_merge_lists_every_agency_short_of_the_target(root):
    messages = json.loads(remind(root, "--format", "json"))
    status = json.loads(run("status", "--root", str(root), *WHEN, "--format", "json").stdout)
    assert [m["kode"] for m in messages] == [a["kode"] for a in status["agencies"] if a["status"] != "achieved"]
    assert all(list(m) == ["kode", "kepada", "email", "judul", "isi"] for m in messages)
    setda = messages[0]
    assert (setda["kepada"], setda["email"]) == ("Kepala Bagian Organisasi, Sekretariat Daerah",
                                                 "organisasi@batukota.go.id")
    assert setda["judul"] == "Pengingat Gerakan Satu Instansi Satu Inovasi tahun 2023"
    assert setda["isi"].splitlines() == [
        "Pemerintah Kota Uji",
        "30 Juni 2023",
        "",
        "Yth. Kepala Bagian Organisasi",
        "Sekretariat Daerah",
        "di tempat",
        "",
        "Perihal: Pengingat Gerakan Satu Instansi Satu Inovasi tahun 2023",
        "",
        "Dengan hormat,",
        "",
        "Berdasarkan data per 30 Juni 2023, status Sekretariat Daerah dalam Gerakan Satu Instansi Satu Inovasi "
        "tahun 2023 adalah: belum melapor. Belum ada inovasi maupun rencana inovasi yang tercatat untuk tahun 2023.",
        "",
        "Kami mohon Bapak/Ibu berkenan:",
        "1. Mengajukan rencana inovasi untuk tahun 2023, atau melaporkan inovasi yang sudah diuji coba atau "
        "diterapkan pada tahun 2023.",
        "",
        "Bila ada pertanyaan, silakan menghubungi Sekretariat Gerakan Satu Instansi Satu Inovasi.",
        "",
        "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
        "",
        "Hormat kami,",
        "Sekretariat Gerakan Satu Instansi Satu Inovasi",
        "Pemerintah Kota Uji",
        "",
        "----------------------------------------",
        "Catatan teknis",
        "(untuk operator OPD)",
        "- ajukan rencana inovasi 2023 dengan `ooi new --opd setda --tahapan inisiatif`",
        "- inovasi yang sudah diuji coba pada 2023 dilaporkan dengan `ooi new --opd setda --tahapan uji_coba`",
    ]
    for message in messages:
        assert not NOT_FOR_THE_HEAD.findall(letter_part(message["isi"])), message["kode"]
    assert "paling lambat" not in "".join(m["isi"] for m in messages)  # no deadline in ooi.yaml: none is named
    assert [m["email"] for m in messages if m["kode"] != "setda"] == [None] * (len(messages) - 1)


def test_deadline_and_the_secretariat_contact(root):
    settings = root / "ooi.yaml"
    before = settings.read_text(encoding="utf-8")
    settings.write_text(before + "tenggat: 2023-12-31\nkontak_sekretariat: {nama: Tim Inovasi, jabatan: Kepala Bagian "
                        "Organisasi, email: inovasi@batukota.go.id, telepon: \"(0341) 512300\"}\n", encoding="utf-8")
    try:
        lines = remind(root, "--opd", "setda").splitlines()
    finally:
        settings.write_text(before, encoding="utf-8")
    assert "Mohon tindak lanjut paling lambat 31 Desember 2023." in lines
    assert ("Bila ada pertanyaan, silakan menghubungi Tim Inovasi, Kepala Bagian Organisasi melalui surel "
            "inovasi@batukota.go.id atau telepon (0341) 512300.") in lines


def test_each_status_says_what_it_lacks_and_a_broken_report_is_mended_not_replaced(root):
    by_kode = {m["kode"]: m for m in json.loads(remind(root, "-f", "json"))}
    assert by_kode["dinkes"]["kepada"] == "Kepala Dinas Kesehatan"
    dinkes = letter_part(by_kode["dinkes"]["isi"])
    assert "adalah: direncanakan. Rencana inovasi untuk tahun 2023 sudah diajukan" in dinkes
    assert "1. Memulai uji coba inovasi yang direncanakan pada tahun 2023" in dinkes
    disparta = letter_part(by_kode["disparta"]["isi"])
    assert "adalah: sudah melapor. Sudah ada 1 inovasi yang dilaporkan untuk tahun 2021–2022" in disparta
    assert ("1. Memperbaiki laporan inovasi yang isinya belum dapat dibaca (laporan yang sama, tidak perlu membuat "
            "yang baru):\n   - penulisan berkasnya rusak di baris 2 sehingga isinya tidak terbaca; rinciannya untuk "
            "operator ada di catatan teknis di bawah\n2. Bila inovasi di atas tidak diuji coba atau diterapkan pada "
            "tahun 2023: mengajukan rencana") in disparta
    assert "- data/inovasi/disparta/rusak.yaml:2:1: Y003 sintaks YAML salah" in by_kode["disparta"]["isi"]
    assert by_kode["kel-sisir"]["kepada"] == "Lurah Sisir" and by_kode["kec-batu"]["kepada"] == "Camat Batu"


def test_a_record_with_errors_is_named_and_what_to_fix_said_in_words(tmp_path):
    root = golden_root(tmp_path / "root")
    rusak = root / "data/inovasi/disparta/rusak.yaml"
    rusak.write_text("nama: Wisata Ramah Difabel\nopd: disparta\ntahapan: penerapan\ntanggal_lapor: 2023-13-01\n",
                     encoding="utf-8")
    isi = json.loads(remind(root, "--opd", "disparta", "-f", "json"))[0]["isi"]
    head = letter_part(isi)
    assert ("1. Memperbaiki laporan inovasi «Wisata Ramah Difabel» (laporan yang sama, tidak perlu membuat yang "
            "baru):\n") in head
    assert "   - tanggal catatan ini pertama kali dilaporkan: 2023-13-01 bukan tanggal yang sah\n" in head
    assert "   - bentuk inovasi: belum diisi\n" in head
    assert "   - tanggal uji coba dan penerapan: belum diisi (wajib pada tahapan penerapan)\n" in head
    assert not NOT_FOR_THE_HEAD.findall(head.replace("2023-13-01", "")), NOT_FOR_THE_HEAD.findall(head)
    assert ("\n- data/inovasi/disparta/rusak.yaml:4:1: S006 `tanggal_lapor`: `2023-13-01` bukan tanggal yang sah "
            "(tulis tanggal YYYY-MM-DD yang ada di kalender, mis. 2023-02-28)\n") in isi  # the operator reads where


def test_markdown_escapes_and_opd_filter(root):
    text = remind(root, "--opd", "kec-batu", "--opd", "dispendukcapil", "--format", "markdown")
    assert text.startswith("## Pengingat Gerakan Satu Instansi Satu Inovasi tahun 2023\n\nPemerintah Kota Uji  \n"
                           "30 Juni 2023  \n  \nYth. Camat Batu  \n")
    assert "**Catatan teknis**" in text and "`ooi new --opd kec-batu --tahapan inisiatif`" in text
    assert "Dispendukcapil" not in text
    assert remind(root, "--opd", "dispendukcapil") == "Semua OPD yang diminta sudah mencapai target 2023.\n"
    assert json.loads(remind(root, "--opd", "dispendukcapil", "-f", "json")) == []


def test_html_for_printing_and_one_file_per_agency(root, tmp_path):
    html = remind(root, "--format", "html")
    assert html.count('<article class="surat"') == len(json.loads(remind(root, "-f", "json")))
    assert "break-before: page" in html and "size: A4" in html and "<script" not in html
    outcome = run("remind", "--root", str(root), *WHEN, "--opd", "setda", "--opd", "kec-batu", "--output",
                  str(tmp_path))
    assert (outcome.exit_code, outcome.stderr) == (0, f"ditulis: {tmp_path}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kec-batu.txt", "setda.txt"]
    assert (tmp_path / "setda.txt").read_text(encoding="utf-8").startswith("Pemerintah Kota Uji\n30 Juni 2023\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--opd", "dinks"], "ooi: OPD `dinks` tidak terdaftar (maksudnya `dinkes`?)\n"),
    (["--format", "pdf"], "ooi: --format pdf tidak dikenal; pilih: text, markdown, json, html\n"),
    (["--output", "tidak-ada"], "ooi: --output tidak-ada: bukan folder yang ada; buat dulu foldernya\n"),
])
def test_usage_errors(root, args, message):
    outcome = run("remind", "--root", str(root), *WHEN, *args)
    assert (outcome.exit_code, outcome.stderr) == (2, message)


def test_names_from_records_cannot_steer_the_terminal(tmp_path):
    root = golden_root(tmp_path / "root")
    setda = root / "data/opd/setda.yaml"
    setda.write_text(setda.read_text(encoding="utf-8").replace("nama: Sekretariat Daerah",
                                                               'nama: "Sekretariat\\e[2K Daerah"'), encoding="utf-8")
    text = remind(root, "--opd", "setda")
    assert "\x1b" not in text and "Sekretariat\\x1b[2K Daerah" in text


@pytest.mark.lambat
def test_html_letters_print_one_a4_page_each_in_chromium(root, tmp_path):
    import re

    from browser import print_pdf

    page = tmp_path / "surat.html"
    page.write_text(remind(root, "--format", "html", "--opd", "setda", "--opd", "kec-batu", "--opd", "dinkes"),
                    encoding="utf-8")
    pdf = print_pdf(page, tmp_path / "surat.pdf")
    boxes = {tuple(round(float(n)) for n in box.split()) for box in re.findall(rb"/MediaBox\s*\[([^\]]+)\]", pdf)}
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 3 and boxes == {(0, 0, 595, 842)}  # A4, a page a letter

