"""`ooi new`: from flags or prompts, never over a file, and its skeleton validates down to what is left to fill."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timezone

import pytest
from conftest import AGENCY, make_root
from typer.testing import CliRunner

from ooi.cli import app, authoring
from ooi.engine import clock
from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.input.loading import load
from ooi.workflow.template import SCHEMA_COMMENT, slugify

DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}
FLAGS = ["--opd", "dinkes", "--nama", "Sigap Lansia: Kunjungan Rumah", "--tahapan"]
PATH = "data/inovasi/dinkes/sigap-lansia-kunjungan-rumah.yaml"


def run(*args, input=None):
    return CliRunner().invoke(app, ["new", *args], input=input, env={"OOI_LANG": None, "OOI_ROOT": None})


@pytest.fixture
def root(tmp_path):
    return make_root(tmp_path, agencies=[AGENCY, DINKES])


def _blanks(value, keys=()):
    """Dotted paths of every value the skeleton leaves for the writer: "" and empty required lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _blanks(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _blanks(item, (*keys, index))
    elif value == "":
        yield keys


def _name(keys) -> str:
    return "".join(f"[{k}]" if isinstance(k, int) else (f".{k}" if i else k) for i, k in enumerate(keys))


@pytest.mark.parametrize("stage", ["inisiatif", "uji_coba", "penerapan"])
def test_flags_write_a_skeleton_that_validates_down_to_the_blanks(root, stage):
    # 20:30 UTC is already the next morning in Jakarta: the record is filed on ooi's date, not the machine's.
    with clock.frozen(datetime(2026, 12, 7, 20, 30, tzinfo=timezone.utc)):
        outcome = run("--root", str(root), *FLAGS, stage, input="")
        findings = check(root, load_settings(root), targets=[root / PATH]).findings
    assert outcome.exit_code == 0, outcome.output
    assert PATH in outcome.stdout
    text = (root / PATH).read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    document = load(root / PATH)
    assert document.issues == [] and document.data["tahapan"] == stage
    assert document.data["nama"] == "Sigap Lansia: Kunjungan Rumah" and document.data["opd"] == "dinkes"
    assert document.data["tanggal_lapor"] == "2026-12-08"
    assert findings and all(f.code[0] in "SP" and f.path == PATH for f in findings), findings
    reported = {f.field for f in findings}
    blanks = {_name(keys) for keys in _blanks(document.data)}
    # Every blank is reported in the first round, the principle statements included (no second wave).
    assert blanks <= reported, blanks - reported
    assert reported - blanks == {"penerima_manfaat.kelompok"}  # the one empty list a record must fill


def test_every_line_says_what_to_write(root):
    run("--root", str(root), *FLAGS, "penerapan", input="")
    lines = (root / PATH).read_text(encoding="utf-8").splitlines()
    keyed = [line for line in lines if not line.lstrip().startswith("#")]
    assert all("  # " in line for line in keyed), [line for line in keyed if "  # " not in line]
    assert any("pilihan: tata_kelola, pelayanan_publik, lainnya" in line for line in lines)
    assert any("urusan OPD ini: 1.02" in line for line in lines)


def test_english_comments_with_lang_en(root):
    run("--root", str(root), *FLAGS, "inisiatif", "--lang", "en", input="")
    text = (root / PATH).read_text(encoding="utf-8")
    assert "# name of the innovation" in text and "choices: digital, non_digital" in text


def test_never_overwrites_without_force(root):
    assert run("--root", str(root), *FLAGS, "inisiatif", input="").exit_code == 0
    (root / PATH).write_text("nama: sudah diisi\n", encoding="utf-8")
    outcome = run("--root", str(root), *FLAGS, "uji_coba", input="")
    assert outcome.exit_code == 2 and "sudah ada" in outcome.stderr and "--force" in outcome.stderr
    assert (root / PATH).read_text(encoding="utf-8") == "nama: sudah diisi\n"
    assert run("--root", str(root), *FLAGS, "uji_coba", "--force", input="").exit_code == 0
    assert load(root / PATH).data["tahapan"] == "uji_coba"
    assert [p.name for p in (root / PATH).parent.iterdir()] == [PATH.rsplit("/", 1)[1]]  # no temporary left


def test_missing_flags_without_a_terminal_are_named_not_asked(root):
    outcome = run("--root", str(root), "--opd", "dinkes", input="")
    assert outcome.exit_code == 2
    assert outcome.stderr.startswith("ooi: --nama, --tahapan belum diberikan"), outcome.stderr
    assert not (root / "data/inovasi/dinkes").exists()


def test_closed_stdin_in_a_real_process_exits_2_at_once(root):
    done = subprocess.run([sys.executable, "-m", "ooi", "new", "--root", str(root), "--opd", "dinkes"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
                          env={**{k: v for k, v in os.environ.items() if k != "OOI_ROOT"}, "OOI_LANG": "id"})
    assert done.returncode == 2 and "--nama, --tahapan" in done.stderr, done.stderr


@pytest.mark.parametrize("flags, message", [
    (["--opd", "dinks"], "maksudnya `dinkes`?"),
    (["--opd", "Dinkes", "--tahapan", "ujicoba"], "maksudnya `uji_coba`?"),
    (["--opd", "dinkes", "--tahapan", "inisiatif", "--slug", "Bad Slug"], "bukan slug"),
])
def test_wrong_flags_exit_2_with_a_suggestion(root, flags, message):
    outcome = run("--root", str(root), "--nama", "Sigap", *flags, input="")
    assert outcome.exit_code == 2 and message in outcome.stderr, outcome.stderr


def test_abbreviation_and_stage_spelling_are_accepted(root):
    outcome = run("--root", str(root), "--opd", "DINKES", "--nama", "Pojok Baca", "--tahapan", "uji coba",
                  "--slug", "pojok-baca-warga", input="")
    assert outcome.exit_code == 0, outcome.output
    assert load(root / "data/inovasi/dinkes/pojok-baca-warga.yaml").data["tahapan"] == "uji_coba"


def test_prompts_in_a_terminal(root, monkeypatch):
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    # A wrong code and an empty name are asked again; the agency is chosen by number, the stage by name.
    outcome = run("--root", str(root), input="dinks\n1\n\nPojok Baca Warga\npenerapan\n")
    assert outcome.exit_code == 0, outcome.output
    assert "tidak ada di daftar" in outcome.stdout and "wajib diisi" in outcome.stdout
    data = load(root / "data/inovasi/dinkes/pojok-baca-warga.yaml").data
    assert (data["opd"], data["nama"], data["tahapan"]) == ("dinkes", "Pojok Baca Warga", "penerapan")


def test_prompts_ask_only_for_what_flags_did_not_give(root, monkeypatch):
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    outcome = run("--root", str(root), "--opd", "dispendukcapil", input="Akta Antar\n\n")
    assert outcome.exit_code == 0, outcome.output
    assert "OPD yang terdaftar" not in outcome.stdout
    assert load(root / "data/inovasi/dispendukcapil/akta-antar.yaml").data["tahapan"] == "inisiatif"  # the default


def test_input_ending_early_cancels_cleanly(root, monkeypatch):
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    outcome = run("--root", str(root), input="dinkes\n")
    assert outcome.exit_code == 130 and "dibatalkan" in outcome.stderr
    assert not (root / "data/inovasi/dinkes").exists()


@pytest.mark.parametrize("name, slug", [
    ("SIGAP BUMIL (Sistem Informasi Ibu Hamil)", "sigap-bumil"),  # the acronym beside the words
    ("Pendampingan Keluarga Penerima Manfaat Program Keluarga Harapan (PKH)", "pkh"),
    ("SIGAP Bumil (Ibu Hamil)", "sigap-bumil-ibu-hamil"),  # neither side is an acronym alone
    ("Pelayanan Ékspres — Akta & KK", "pelayanan-ekspres-akta-kk"),
    ("Inovasi " + "sangat " * 20 + "panjang", "inovasi" + "-sangat" * 4),  # 35 characters: at most 40, at a word
])
def test_slugify(name, slug):
    assert slugify(name) == slug


KECAMATAN = {"kode": "kec-batu", "nama": "Kecamatan Batu", "singkatan": "Kec. Batu", "jenis": "kecamatan",
             "urusan": ["2.20"]}


@pytest.mark.parametrize("typed, kode", [
    ("dinkes", "dinkes"),  # its code
    ("3", "kec-batu"),  # its number in the list
    ("dinas kependudukan dan  pencatatan sipil", "dispendukcapil"),  # its name, in any case and spacing
    ("KEC. BATU", "kec-batu"),  # its abbreviation
])
def test_the_agency_prompt_takes_a_code_number_name_or_abbreviation(tmp_path, monkeypatch, typed, kode):
    root = make_root(tmp_path, agencies=[AGENCY, DINKES, KECAMATAN])
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    outcome = run("--root", str(root), "--nama", "Pojok Baca", "--tahapan", "inisiatif", input=f"{typed}\n")
    assert outcome.exit_code == 0, outcome.output
    assert " 1. Dinkes: Dinas Kesehatan" in outcome.stdout and " 3. Kec. Batu: Kecamatan Batu" in outcome.stdout
    assert load(root / f"data/inovasi/{kode}/pojok-baca.yaml").data["opd"] == kode


def test_the_agency_prompt_offers_the_nearest_agency_for_a_typo(tmp_path, monkeypatch):
    root = make_root(tmp_path, agencies=[AGENCY, DINKES, KECAMATAN])
    monkeypatch.setattr(authoring, "_interactive", lambda: True)
    outcome = run("--root", str(root), "--nama", "Pojok Baca", "--tahapan", "inisiatif",
                  input="Dinas Kesehatn\nya\n")
    assert outcome.exit_code == 0, outcome.output
    assert ("`Dinas Kesehatn` tidak ada di daftar; maksudnya 1. Dinkes (Dinas Kesehatan)? ketik ya, atau ketik lagi"
            in " ".join(outcome.stdout.split()))
    assert load(root / "data/inovasi/dinkes/pojok-baca.yaml").data["opd"] == "dinkes"


def test_a_name_or_abbreviation_is_taken_by_the_opd_flag_too(root):
    outcome = run("--root", str(root), "--opd", "Dinas Kesehatan", "--nama", "Pojok Baca", "--tahapan", "inisiatif",
                  input="")
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.splitlines()[:2] == [
        "Dibuat: data/inovasi/dinkes/pojok-baca.yaml",
        "Isi lewat tanya-jawab dengan: ooi isi data/inovasi/dinkes/pojok-baca.yaml"]
