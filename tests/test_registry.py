"""One agency registry for the whole run: a stale file claiming another agency's `kode` replaces nothing."""

from __future__ import annotations

import json

import pytest
from conftest import AGENCY, dump, make_root, sample
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


KECAMATAN = {"kode": "kec-utara", "nama": "Kecamatan Utara", "singkatan": "Kec. Utara", "jenis": "kecamatan",
             "urusan": ["7.01"]}
KELURAHAN = {"kode": "kel-sumberejo", "nama": "Kelurahan Sumberejo", "singkatan": "Kel. Sumberejo",
             "jenis": "kelurahan", "urusan": ["7.01"], "induk": "kec-utara"}


def test_the_registry_cannot_be_changed(tmp_path):
    from ooi.engine.registry import Registry

    root = make_root(tmp_path, agencies=[KECAMATAN, KELURAHAN])
    registry = check(root, load_settings(root)).agencies
    assert not hasattr(registry, "offer") and registry.complete
    with pytest.raises(TypeError):
        registry["kel-sumberejo"] = registry["kec-utara"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del registry["kec-utara"]  # type: ignore[attr-defined]
    renamed = Registry.of({"kec-utara": registry["kec-utara"].model_copy(update={"nama": "Kecamatan Baru"})})
    added = registry.with_entries({"kec-utara": None})  # a new registry; the one it was made from stays as it was
    assert (list(registry), registry["kec-utara"].nama) == (["kec-utara", "kel-sumberejo"], "Kecamatan Utara")
    assert (list(added), list(renamed), renamed["kec-utara"].nama) == (["kel-sumberejo"], ["kec-utara"],
                                                                       "Kecamatan Baru")
    tree = Registry(root)  # the tree's registry: what a file says when asked, kept though the file changes
    assert tree["kec-utara"].nama == "Kecamatan Utara"
    (root / "data/opd/kec-utara.yaml").write_text(dump({**KECAMATAN, "nama": "Kecamatan Lain"}), encoding="utf-8")
    assert tree["kec-utara"].nama == "Kecamatan Utara" and Registry(root)["kec-utara"].nama == "Kecamatan Lain"


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_run_over_one_file_and_a_whole_run_answer_alike(tmp_path, jobs):
    record = {**sample("penerapan"), "opd": "kel-sumberejo"}
    root = make_root(tmp_path, {"data/inovasi/kel-sumberejo/layanan.yaml": record,
                                "data/opd/kel-rusak.yaml": "kode: [\n"}, agencies=[KECAMATAN, KELURAHAN])
    settings = load_settings(root)
    whole = check(root, settings, jobs=jobs)
    alone = check(root, settings, jobs=jobs, targets=[root / "data/inovasi/kel-sumberejo/layanan.yaml"])
    assert (whole.agencies.complete, alone.agencies.complete) == (True, False)  # the rest read when asked
    assert [f.path for f in alone.files] == ["data/inovasi/kel-sumberejo/layanan.yaml"]
    for registry in (whole.agencies, alone.agencies):
        assert list(registry) == ["kec-utara", "kel-sumberejo"] and len(registry) == 2
        assert registry["kel-sumberejo"].induk == "kec-utara" and registry.get("kel-rusak") is None
        assert registry.first(1, lambda agency: agency.jenis == "kelurahan") == ["kel-sumberejo"]
    assert dict(alone.agencies) == dict(whole.agencies)
    rel = "data/inovasi/kel-sumberejo/layanan.yaml"
    assert alone.files[0].findings == next(r for r in whole.files if r.path == rel).findings


def test_a_whole_run_judges_by_the_agencies_it_judged_without_reading_them_again(tmp_path, monkeypatch):
    from ooi.engine import registry

    record = {**sample("penerapan"), "opd": "kel-sumberejo", "nama": "Layanan Kelurahan"}
    root = make_root(tmp_path, {"data/inovasi/kel-sumberejo/layanan.yaml": record,
                                "data/inovasi/kec-utara/layanan.yaml": {**record, "opd": "kec-utara"}},
                     agencies=[KECAMATAN, {**KELURAHAN, "induk": "kec-lain"}])
    read = []
    real = registry.load
    monkeypatch.setattr(registry, "load", lambda path, root=None: read.append(path) or real(path, root))
    result = check(root, load_settings(root), jobs=1)
    assert read == []  # each folder's own agency came with its unit; `induk` is looked up once every agency is judged
    assert [(f.path, f.line, f.column, f.code) for f in result.findings if f.is_error] == [
        ("data/opd/kel-sumberejo.yaml", 7, 1, "R001")]  # induk: kec-lain
