"""`ooi remind`: one message per agency short of the target, to its contact, with the deadline when there is one."""

from __future__ import annotations

import json

import pytest
from test_status_cli import WHEN, golden_root, run


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    root = golden_root(tmp_path_factory.mktemp("remind"))
    setda = root / "data/opd/setda.yaml"
    setda.write_text(setda.read_text(encoding="utf-8") + "kontak: {nama: Bagian Organisasi, jabatan: Kepala Bagian, "
                     "email: organisasi@batukota.go.id, telepon: \"(0341) 512345\"}\n", encoding="utf-8")
    return root


def remind(root, *args):
    outcome = run("remind", "--root", str(root), *WHEN, *args)
    assert outcome.exit_code == 0, outcome.output
    return outcome.stdout


def test_json_for_a_mail_merge_lists_every_agency_short_of_the_target(root):
    messages = json.loads(remind(root, "--format", "json"))
    status = json.loads(run("status", "--root", str(root), *WHEN, "--format", "json").stdout)
    assert [m["kode"] for m in messages] == [a["kode"] for a in status["agencies"] if a["status"] != "achieved"]
    assert all(list(m) == ["kode", "kepada", "judul", "isi"] for m in messages)
    setda = messages[0]
    assert setda["kepada"] == "Bagian Organisasi (Kepala Bagian), Sekretariat Daerah"
    assert setda["judul"] == "Pengingat Satu Instansi Satu Inovasi 2023: Sekretariat Daerah (Belum melapor)"
    assert setda["isi"].splitlines() == [
        "Yth. Bagian Organisasi (Kepala Bagian), Sekretariat Daerah,",
        "",
        "Per 2023-06-30, status Sekretariat Daerah untuk target Satu Instansi Satu Inovasi 2023: Belum melapor.",
        "Belum ada inovasi atau rencana inovasi yang tercatat untuk 2023 maupun untuk 2021–2022.",
        "",
        "Yang masih perlu dilakukan:",
        "1. ajukan rencana inovasi 2023 dengan `ooi new --opd setda --tahapan inisiatif`",
        "2. inovasi yang sudah diuji coba pada 2023 dilaporkan dengan `ooi new --opd setda --tahapan uji_coba`",
        "",
        "Untuk memulai:",
        "    ooi new --opd setda --tahapan inisiatif",
        "",
        "Terima kasih.",
        "Sekretariat Gerakan Satu Instansi Satu Inovasi, Pemerintah Kota Uji",
    ]
    assert "Tenggat" not in "".join(m["isi"] for m in messages)  # no deadline in ooi.yaml: none is named


def test_deadline_and_text_form(root):
    settings = root / "ooi.yaml"
    before = settings.read_text(encoding="utf-8")
    settings.write_text(before + "tenggat: 2023-12-31\n", encoding="utf-8")
    try:
        text = remind(root, "--opd", "setda")
    finally:
        settings.write_text(before, encoding="utf-8")
    lines = text.splitlines()
    assert lines[:2] == ["Kepada: Bagian Organisasi (Kepala Bagian), Sekretariat Daerah <organisasi@batukota.go.id>, "
                         "telp. (0341) 512345",
                         "Perihal: Pengingat Satu Instansi Satu Inovasi 2023: Sekretariat Daerah (Belum melapor)"]
    assert "Tenggat: 2023-12-31." in lines


def test_each_status_says_what_it_lacks(root):
    by_kode = {m["kode"]: m for m in json.loads(remind(root, "-f", "json"))}
    assert by_kode["dinkes"]["kepada"] == "Kepala Dinas Kesehatan"
    assert "Rencana inovasi untuk 2023 sudah diajukan" in by_kode["dinkes"]["isi"]
    assert "Untuk memulai" not in by_kode["dinkes"]["isi"]  # it has started: its plan is the next step
    assert "Sudah melapor 1 inovasi pada 2021–2022" in by_kode["disparta"]["isi"]
    assert "1 error di berkasnya membuat berkas itu tidak terhitung." in by_kode["disparta"]["isi"]
    assert by_kode["kel-sisir"]["kepada"] == "Lurah Sisir" and by_kode["kec-batu"]["kepada"] == "Camat Batu"


def test_markdown_and_opd_filter(root):
    text = remind(root, "--opd", "kec-batu", "--opd", "dispendukcapil", "--format", "markdown")
    assert text.startswith("## Pengingat Satu Instansi Satu Inovasi 2023: Kecamatan Batu (Belum melapor)\n\n"
                           "*Kepada: Camat Batu*\n")
    assert "\n\n    ooi new --opd kec-batu --tahapan inisiatif\n" in text and "Dispendukcapil" not in text
    assert remind(root, "--opd", "dispendukcapil") == "Semua OPD yang diminta sudah mencapai target 2023.\n"
    assert json.loads(remind(root, "--opd", "dispendukcapil", "-f", "json")) == []


@pytest.mark.parametrize(("args", "message"), [
    (["--opd", "dinks"], "ooi: OPD `dinks` tidak terdaftar (maksudnya `dinkes`?)\n"),
    (["--format", "html"], "ooi: --format html tidak dikenal; pilih: text, markdown, json\n"),
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
