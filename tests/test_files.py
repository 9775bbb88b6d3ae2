"""What lies around the records: links, sizes, misplaced files, names, and cross-file checks."""

from __future__ import annotations

import os
from datetime import date

import pytest
from conftest import make_root, sample

from ooi.engine.checker import check
from ooi.input.config import load_settings
from ooi.input.loading import MAX_BYTES
from ooi.model.errors import OoiError


def codes(root, targets=None):
    result = check(root, load_settings(root), targets=targets, today=date(2026, 11, 28))
    return [(f.path, f.code) for f in result.findings]


def test_symlink_outside_the_root_is_refused_unread(tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("kata_sandi: rahasia\n")
    root = make_root(tmp_path / "root")
    os.symlink(secret, root / "data/inovasi/dispendukcapil.yaml")
    (root / "data/inovasi/dispendukcapil").mkdir()
    os.symlink(secret, root / "data/inovasi/dispendukcapil/bocor.yaml")
    os.symlink(tmp_path, root / "data/inovasi/dinas-luar")
    found = codes(root)
    assert ("data/inovasi/dispendukcapil/bocor.yaml", "Y012") in found
    assert ("data/inovasi/dinas-luar", "Y012") in found
    assert all(code in ("Y012",) for _, code in found), found


def test_symlink_inside_the_root_is_followed(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/asli.yaml": sample("penerapan")})
    os.symlink(root / "data/inovasi/dispendukcapil/asli.yaml", root / "data/inovasi/dispendukcapil/salinan.yaml")
    assert [code for _, code in codes(root)] == ["R007", "R007"]


def test_broken_symlink_is_unreadable(tmp_path):
    root = make_root(tmp_path)
    (root / "data/inovasi/dispendukcapil").mkdir()
    os.symlink(root / "hilang.yaml", root / "data/inovasi/dispendukcapil/rusak.yaml")
    assert codes(root) == [("data/inovasi/dispendukcapil/rusak.yaml", "Y001")]


def test_file_over_the_limit_is_not_parsed(tmp_path):
    big = b"catatan: " + b"a" * MAX_BYTES + b"\n"
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/besar.yaml": big})
    assert codes(root) == [("data/inovasi/dispendukcapil/besar.yaml", "Y007")]


def test_misplaced_files_are_reported_not_skipped(tmp_path):
    root = make_root(tmp_path, {
        "data/inovasi/dispendukcapil/inovasi.yml": sample("penerapan"),
        "data/inovasi/lepas.yaml": sample("penerapan"),
        "data/inovasi/dispendukcapil/2023/dalam.yaml": sample("penerapan"),
        "data/opd/catatan.txt": "bukan OPD",
        "data/inovasi/dispendukcapil/.gitkeep": "",
    })
    assert codes(root) == [
        ("data/inovasi/dispendukcapil/2023", "Y013"),
        ("data/inovasi/dispendukcapil/inovasi.yml", "Y013"),
        ("data/inovasi/lepas.yaml", "Y013"),
        ("data/opd/catatan.txt", "Y013"),
    ]


def test_folder_of_an_unknown_agency(tmp_path):
    record = sample("penerapan")
    record["opd"] = "dinas-fiktif"
    root = make_root(tmp_path, {"data/inovasi/dinas-fiktif/inovasi.yaml": record})
    assert codes(root) == [("data/inovasi/dinas-fiktif/inovasi.yaml", "R001")]


def test_file_name_must_be_a_slug(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/Inovasi Baru.yaml": sample("penerapan")})
    assert codes(root) == [("data/inovasi/dispendukcapil/Inovasi Baru.yaml", "R003")]


def test_agency_kode_equals_file_name_and_induk_is_a_kecamatan(tmp_path):
    agencies = [
        {"kode": "kec-a", "nama": "Kecamatan A", "singkatan": "Kec. A", "jenis": "kecamatan", "urusan": ["7.01"]},
        {"kode": "kel-b", "nama": "Kelurahan B", "singkatan": "Kel. B", "jenis": "kelurahan", "urusan": ["7.01"],
         "induk": "kec-a"},
        {"kode": "kel-c", "nama": "Kelurahan C", "singkatan": "Kel. C", "jenis": "kelurahan", "urusan": ["7.01"],
         "induk": "kel-b"},
    ]
    root = make_root(tmp_path, agencies=agencies)
    (root / "data/opd/kel-b.yaml").rename(root / "data/opd/kel-d.yaml")
    assert codes(root) == [("data/opd/kel-c.yaml", "R001"), ("data/opd/kel-d.yaml", "R002")]


def test_targets_check_only_those_files_with_their_folder_as_context(tmp_path):
    first, second = sample("penerapan"), sample("penerapan")
    root = make_root(tmp_path, {
        "data/inovasi/dispendukcapil/a.yaml": first,
        "data/inovasi/dispendukcapil/b.yaml": second,
        "data/inovasi/dispendukcapil/rusak.yaml": "nama: [",
    })
    assert codes(root, [root / "data/inovasi/dispendukcapil/a.yaml"]) == [
        ("data/inovasi/dispendukcapil/a.yaml", "R007")]
    assert len(codes(root, [root / "data/inovasi"])) == 3


def test_targets_outside_the_root_or_missing_are_usage_errors(tmp_path):
    root = make_root(tmp_path / "root")
    with pytest.raises(OoiError):
        codes(root, [tmp_path])
    with pytest.raises(OoiError):
        codes(root, [root / "data/inovasi/tidak-ada.yaml"])
