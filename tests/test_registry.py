"""One agency registry for the whole run: a stale file claiming another agency's `kode` replaces nothing."""

from __future__ import annotations

import json

from conftest import AGENCY, make_root
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import load_settings

STALE = {**AGENCY, "nama": "Dinas Kependudukan (nama lama)", "singkatan": "Lama"}


def test_a_stale_file_claiming_a_registered_kode_is_an_error_and_replaces_nothing(tmp_path):
    root = make_root(tmp_path, agencies=[AGENCY], files={"data/opd/zz-dispendukcapil-lama.yaml": STALE})
    result = check(root, load_settings(root))
    assert result.agencies["dispendukcapil"].nama == "Dinas Kependudukan dan Pencatatan Sipil"
    assert list(result.agencies) == ["dispendukcapil"]
    stale = [f for f in result.findings if f.path == "data/opd/zz-dispendukcapil-lama.yaml"]
    assert [(f.line, f.column, f.code, f.severity.value, f.message) for f in stale] == [
        (1, 1, "R002", "error", "`kode` dispendukcapil milik data/opd/dispendukcapil.yaml; berkas "
                                "zz-dispendukcapil-lama.yaml tidak dihitung sebagai OPD itu")]


def test_status_shows_the_real_entry_whatever_the_file_order(tmp_path):
    root = make_root(tmp_path, agencies=[AGENCY], files={"data/opd/zz-dispendukcapil-lama.yaml": STALE})
    done = CliRunner().invoke(app, ["status", "--root", str(root), "--format", "json", "--per", "2023-06-01"])
    agencies = json.loads(done.stdout)["agencies"]
    assert [(a["kode"], a["nama"]) for a in agencies] == [
        ("dispendukcapil", "Dinas Kependudukan dan Pencatatan Sipil")]


def test_a_kode_that_no_file_owns_keeps_the_plain_mismatch_message(tmp_path):
    root = make_root(tmp_path, agencies=[{**AGENCY, "kode": "dukcapil"}])
    (root / "data/opd/dukcapil.yaml").rename(root / "data/opd/capil.yaml")
    result = check(root, load_settings(root))
    assert [(f.code, f.message) for f in result.findings] == [
        ("R002", "`kode` dukcapil berbeda dengan nama berkas capil.yaml")]
    assert result.agencies == {}
