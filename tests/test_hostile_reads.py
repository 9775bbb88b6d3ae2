"""Files a hostile pull request plants for ooi to read: FIFOs, link loops, odd names, an ooi.yaml folder; no hang."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from conftest import assert_valid_sarif, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import find_root, load_settings
from ooi.model.errors import OoiError

FOLDER = "data/inovasi/dispendukcapil"


def findings(root):
    result = check(root, load_settings(root), today=date(2026, 11, 28))
    return [(f.path, f.line, f.column, f.code, f.message) for f in result.findings]


def test_a_fifo_named_yaml_is_refused_unread(tmp_path):
    root = make_root(tmp_path)
    (root / FOLDER).mkdir()
    os.mkfifo(root / FOLDER / "pipa.yaml")  # opening it for reading would wait for a writer forever
    assert findings(root) == [(f"{FOLDER}/pipa.yaml", 1, 1, "Y001", "bukan berkas biasa (FIFO); tidak dibaca")]


def test_a_symlink_loop_is_unreadable_not_a_crash(tmp_path):
    root = make_root(tmp_path)
    (root / FOLDER).mkdir()
    os.symlink("b.yaml", root / FOLDER / "a.yaml")
    os.symlink("a.yaml", root / FOLDER / "b.yaml")
    os.symlink("putar", root / "data/inovasi/putar")
    loop = "berkas tidak dapat dibaca: tautan simbolik berputar tanpa ujung"
    assert findings(root) == [
        (f"{FOLDER}/a.yaml", 1, 1, "Y001", loop),
        (f"{FOLDER}/b.yaml", 1, 1, "Y001", loop),
        ("data/inovasi/putar", 1, 1, "Y013", "berkas inovasi harus berada di folder OPD-nya"),
    ]


@pytest.mark.parametrize("make", [os.mkdir, os.mkfifo], ids=["folder", "fifo"])
def test_an_ooi_yaml_that_is_not_a_file_stops_the_search_for_the_root(tmp_path, make):
    make_root(tmp_path)  # a real root above: the search must not walk on up to it
    inner = tmp_path / "data/inovasi/tamu"
    inner.mkdir()
    make(inner / "ooi.yaml")
    with pytest.raises(OoiError) as caught:
        find_root(start=inner)
    assert str(caught.value) == f"{inner / 'ooi.yaml'} bukan berkas biasa (folder, FIFO, atau tautan yang putus)"


def test_a_file_name_that_is_not_utf8_is_a_finding_and_output_stays_valid(tmp_path):
    root = make_root(tmp_path, {f"{FOLDER}/baik.yaml": sample("uji_coba")})
    os.rename(root / FOLDER / "baik.yaml", os.fsencode(root / FOLDER) + b"/caf\xe9.yaml")
    # A real process with a strict UTF-8 stdout, as CI has: a lone surrogate would crash the write.
    for format in ("text", "json", "sarif", "github"):
        done = subprocess.run([sys.executable, "-m", "ooi", "validate", "--root", str(root), "--format", format],
                              capture_output=True, env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
        assert done.returncode == 1, done.stderr.decode()
        assert b"Traceback" not in done.stderr
        text = done.stdout.decode("utf-8")  # strict: valid UTF-8
        if format == "sarif":
            assert_valid_sarif(text)
        if format in ("json", "sarif"):
            report = json.loads(text)
            text = report["findings"][0]["path"] if format == "json" else ""
        assert f"{FOLDER}/caf\\xe9.yaml" in text or format == "sarif"


def test_changed_since_never_reads_through_a_link_to_a_device(tmp_path, git_identity):
    record = sample("uji_coba")
    record["bukti"][0]["berkas"] = "bukti/dispendukcapil/lama.pdf"
    root = make_root(tmp_path, {f"{FOLDER}/baik.yaml": record, "bukti/dispendukcapil/lama.pdf": b"%PDF"})
    os.symlink("/dev/zero", root / FOLDER / "nol.yaml")  # discovery refuses it (outside); _citing must not read it
    os.symlink("/dev/zero", root / "data/inovasi/nol.yaml")

    def git(*args):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "awal")
    (root / "bukti/dispendukcapil/lama.pdf").unlink()  # a deleted file outside data/: every record is searched for citing it
    outcome = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json", "--changed-since", "main"])
    assert outcome.exit_code == 1, outcome.output
    assert [(f["path"], f["code"], f["message"]) for f in json.loads(outcome.stdout)["findings"]] == [
        (f"{FOLDER}/baik.yaml", "R008", "berkas bukti `bukti/dispendukcapil/lama.pdf` tidak ada")]


def test_ooi_isi_refuses_a_fifo_at_once(tmp_path):
    root = make_root(tmp_path)
    (root / FOLDER).mkdir()
    os.mkfifo(root / FOLDER / "pipa.yaml")
    outcome = CliRunner().invoke(app, ["isi", str(root / FOLDER / "pipa.yaml"), "--root", str(root)])
    assert outcome.exit_code == 2, outcome.output
    assert outcome.output == f"ooi: {root / FOLDER / 'pipa.yaml'} bukan berkas biasa\n"


def test_ooi_codeowners_does_not_wait_on_a_fifo(tmp_path):
    root = make_root(tmp_path, settings="pemda: Kota Uji\nsekretariat: \"@kota/sekretariat\"\n")
    (root / ".github").mkdir()
    os.mkfifo(root / ".github/CODEOWNERS")
    outcome = CliRunner().invoke(app, ["codeowners", "--check", "--root", str(root)])
    assert outcome.exit_code == 1, outcome.output  # a FIFO is not the file ooi would write: stale


@pytest.mark.parametrize(("written", "most", "expected", "read_back"), [
    (b"0123456789", 5, 3, b"01234"),  # a file that grew past its size: read up to the limit, and no further
    (b"0123456789", 20, 3, b"0123456789"),  # grew, within the limit: all of it
    (b"0123456789", 20, 11, b"0123456789"),  # as large as it said
    (b"", 20, 1, b"")])
def test_a_read_stops_at_its_limit_whatever_size_the_file_said(written, most, expected, read_back):
    from ooi.input.reading import _read_up_to

    out, into = os.pipe()
    os.write(into, written)
    os.close(into)
    try:
        assert _read_up_to(out, most, expected) == read_back
    finally:
        os.close(out)
