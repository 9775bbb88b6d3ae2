"""Registry contacts (`kontak`): office forms only, a mobile or a NIK is a finding; shown by `ooi show`."""

from __future__ import annotations

import json

import pytest
from conftest import AGENCY, dump, make_root
from test_status_cli import WHEN, run


def check_agency(tmp_path, kontak: dict) -> list[tuple]:
    root = make_root(tmp_path, agencies=[{**AGENCY, "kontak": kontak}])
    outcome = run("validate", "--root", str(root), "--format", "json")
    findings = json.loads(outcome.stdout)["findings"]
    return [(f["line"], f["column"], f["code"], f["field"], f["message"]) for f in findings]


@pytest.mark.parametrize("kontak", [
    {"nama": "Sekretariat Dispendukcapil", "jabatan": "Sekretaris Dinas", "email": "dispendukcapil@batukota.go.id",
     "telepon": "(0341) 512345"},
    {"email": "organisasi@batukota.go.id"},
    {"telepon": "+62 341 512345"},
    {"telepon": "0341-512345"},
])
def test_office_contacts_pass(tmp_path, kontak):
    assert check_agency(tmp_path, kontak) == []


@pytest.mark.parametrize(("kontak", "expected"), [
    ({"telepon": "0812-3456-7890"}, (8, 3, "R020", "kontak.telepon",
     "`kontak.telepon` 0812-3456-7890 adalah nomor ponsel: data pribadi tidak boleh ada di daftar OPD yang publik")),
    ({"telepon": "+62 812 3456 7890"}, (8, 3, "R020", "kontak.telepon",
     "`kontak.telepon` +62 812 3456 7890 adalah nomor ponsel: data pribadi tidak boleh ada di daftar OPD yang publik")),
    ({"email": "dinas di batukota"}, (8, 3, "S007", "kontak.email",
     "`kontak.email`: alamat surel berbentuk nama@domain.go.id")),
    ({"telepon": "telp kantor"}, (8, 3, "S007", "kontak.telepon",
     '`kontak.telepon`: nomor telepon kantor berbentuk "(0341) 512345" atau "+62 341 512345"')),
    ({"nama": "Budi 3579012345678901"}, (8, 3, "R009", "kontak.nama",
     "teks memuat 16 angka berurutan yang tampak seperti NIK")),
    ({"nama": "Budi", "ponsel": "0341 1"}, (9, 3, "S002", "kontak.ponsel", None)),
])
def test_private_or_malformed_contacts_are_findings(tmp_path, kontak, expected):
    found = check_agency(tmp_path, kontak)
    assert len(found) == 1, found
    if expected[-1] is None:
        assert found[0][:4] == expected[:4]
    else:
        assert found[0] == expected


def test_show_names_the_contact(tmp_path):
    kontak = {"nama": "Sekretariat Dispendukcapil", "email": "dispendukcapil@batukota.go.id",
              "telepon": "(0341) 512345"}
    root = make_root(tmp_path, agencies=[{**AGENCY, "kontak": kontak}])
    lines = run("show", "dispendukcapil", "--root", str(root), *WHEN).stdout.splitlines()
    assert lines[1] == "Kontak: Sekretariat Dispendukcapil · dispendukcapil@batukota.go.id · (0341) 512345"


def test_flow_mapping_yaml_form(tmp_path):
    """The form the README shows, written as an operator would."""
    root = make_root(tmp_path)
    path = root / "data/opd/dispendukcapil.yaml"
    path.write_text(dump(AGENCY) + 'kontak: {nama: Sekretariat, email: a@batukota.go.id, telepon: "(0341) 512345"}\n',
                    encoding="utf-8")
    assert json.loads(run("validate", "--root", str(root), "-f", "json").stdout)["findings"] == []
