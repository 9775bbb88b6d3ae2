"""ooi.yaml's part-two settings (SPEC §6): defaults, accepted values, and one clear error for each bad one."""

from __future__ import annotations

from datetime import date

import pytest

from ooi.input.config import load_settings
from ooi.model.errors import OoiError


def settings_of(tmp_path, text: str):
    (tmp_path / "ooi.yaml").write_text("pemda: Kota Contoh\n" + text, encoding="utf-8")
    return load_settings(tmp_path)


def test_defaults_when_absent(tmp_path):
    s = settings_of(tmp_path, "")
    assert (s.zona_waktu, s.git_sejak, s.toleransi_lapor_hari, s.kemiripan_maks, s.pengecualian_maks_hari,
            s.tenggat, s.kuota) == ("Asia/Jakarta", None, 7, 0.8, 365, None, 1)
    assert s.tinjauan_maks_hari == 30


def test_values_are_read(tmp_path):
    s = settings_of(tmp_path, "zona_waktu: Asia/Makassar\ngit_sejak: 2026-11-28\ntoleransi_lapor_hari: 3\n"
                              "kemiripan_maks: 0.9\npengecualian_maks_hari: 90\ntenggat: 2023-12-31\nkuota: 2\n"
                              "tinjauan_maks_hari: 14\n")
    assert (s.zona_waktu, s.git_sejak, s.toleransi_lapor_hari, s.kemiripan_maks, s.pengecualian_maks_hari,
            s.tenggat, s.kuota, s.tinjauan_maks_hari) == ("Asia/Makassar", date(2026, 11, 28), 3, 0.9, 90,
                                                           date(2023, 12, 31), 2, 14)


# The settings that could switch a check off are bounded (SPEC §10): each bound's last value is accepted.
@pytest.mark.parametrize(("text", "field", "value"), [
    ("toleransi_lapor_hari: 0\n", "toleransi_lapor_hari", 0), ("toleransi_lapor_hari: 31\n", "toleransi_lapor_hari", 31),
    ("tinjauan_maks_hari: 0\n", "tinjauan_maks_hari", 0), ("tinjauan_maks_hari: 90\n", "tinjauan_maks_hari", 90),
    ("kemiripan_maks: 0.5\n", "kemiripan_maks", 0.5), ("kemiripan_maks: 0.95\n", "kemiripan_maks", 0.95),
])
def test_bounded_settings_take_their_bounds(tmp_path, text, field, value):
    assert getattr(settings_of(tmp_path, text), field) == value


@pytest.mark.parametrize(("text", "message"), [
    ("zona_waktu: Mars/Olympus\n", "ooi.yaml:2:1: `zona_waktu` harus nama zona waktu IANA, mis. Asia/Jakarta"),
    ("zona_waktu: ../../etc/passwd\n", "ooi.yaml:2:1: `zona_waktu` harus nama zona waktu IANA, mis. Asia/Jakarta"),
    ("git_sejak: 20261128\n", "ooi.yaml:2:1: `git_sejak` harus tanggal YYYY-MM-DD"),
    ('tenggat: "2023-W52-7"\n', "ooi.yaml:2:1: `tenggat` harus tanggal YYYY-MM-DD"),
    ("tenggat: 2023-02-30\n", "ooi.yaml:2:1: `tenggat` harus tanggal YYYY-MM-DD"),
    ("kuota: 0\n", "ooi.yaml:2:1: `kuota` harus bilangan bulat 1–100"),
    ("kuota: yes\n", "ooi.yaml:2:1: `kuota` harus bilangan bulat 1–100"),
    ("toleransi_lapor_hari: -1\n", "ooi.yaml:2:1: `toleransi_lapor_hari` harus bilangan bulat 0–31"),
    ("toleransi_lapor_hari: 32\n", "ooi.yaml:2:1: `toleransi_lapor_hari` harus bilangan bulat 0–31"),
    ("toleransi_lapor_hari: 3660\n", "ooi.yaml:2:1: `toleransi_lapor_hari` harus bilangan bulat 0–31"),
    ("tinjauan_maks_hari: -1\n", "ooi.yaml:2:1: `tinjauan_maks_hari` harus bilangan bulat 0–90"),
    ("tinjauan_maks_hari: 91\n", "ooi.yaml:2:1: `tinjauan_maks_hari` harus bilangan bulat 0–90"),
    ("kemiripan_maks: 0\n", "ooi.yaml:2:1: `kemiripan_maks` harus angka 0.5 sampai 0.95, mis. 0.8"),
    ("kemiripan_maks: 0.49\n", "ooi.yaml:2:1: `kemiripan_maks` harus angka 0.5 sampai 0.95, mis. 0.8"),
    ("kemiripan_maks: 0.96\n", "ooi.yaml:2:1: `kemiripan_maks` harus angka 0.5 sampai 0.95, mis. 0.8"),
    ("kemiripan_maks: 1.0\n", "ooi.yaml:2:1: `kemiripan_maks` harus angka 0.5 sampai 0.95, mis. 0.8"),
])
def test_bad_values_are_one_clear_error(tmp_path, text, message):
    with pytest.raises(OoiError) as caught:
        settings_of(tmp_path, text)
    assert str(caught.value) == message


@pytest.mark.parametrize(("text", "message"), [
    ("tahun_target: 0\n", "ooi.yaml:2:1: `tahun_target` harus tahun 1900–2100"),
    ("tahun_target: 12345678901234567890\n", "ooi.yaml:2:1: `tahun_target` harus tahun 1900–2100"),
    ("jendela_tahun: -1\n", "ooi.yaml:2:1: `jendela_tahun` harus bilangan bulat 0–20"),
    ("bahasa: jv\n", "ooi.yaml:2:1: `bahasa` harus id atau en"),
    ("sekretariat: 12\n",
     'ooi.yaml:2:1: `sekretariat` harus handle tim dalam tanda kutip, mis. "@pemkot-batu/sekretariat"'),
    ("kuotaa: 2\n", "ooi.yaml:2:1: kunci `kuotaa` tidak dikenal (maksudnya `kuota`?)"),
    ("aturan:\n  P6: warning\n  P9: error\n", "ooi.yaml:4:3: kode aturan `P9` tidak dikenal (daftar kode: ooi rules)"),
    ("aturan:\n  P6: off\n", "ooi.yaml:3:3: tingkat `P6` harus error atau warning; aturan tidak dapat dimatikan"),
    ("kuota: 0\nbahasa: jv\n", "ooi.yaml:2:1: `kuota` harus bilangan bulat 1–100 "
                               "(dan 1 masalah lain: `ooi validate` menampilkan semuanya)"),
])
def test_every_key_is_checked_by_the_settings_model(tmp_path, text, message):
    with pytest.raises(OoiError) as caught:
        settings_of(tmp_path, text)
    assert str(caught.value) == message


def test_pemda_that_is_not_text_is_a_finding_of_validate_and_stops_status(tmp_path):
    import json

    from conftest import make_root
    from typer.testing import CliRunner

    from ooi.cli import app

    root = make_root(tmp_path, settings="pemda: 123\ntahun_target: 2023\nbahasa: id\nkuotaa: 1\n")
    outcome = CliRunner().invoke(app, ["validate", "--root", str(root), "--format", "json"])
    assert outcome.exit_code == 1, outcome.output
    found = json.loads(outcome.stdout)["findings"]
    assert [(f["path"], f["line"], f["column"], f["code"], f["message"]) for f in found] == [
        ("ooi.yaml", 1, 1, "S003", "`pemda` harus teks, nama pemerintah daerah"),
        ("ooi.yaml", 4, 1, "S002", "kunci `kuotaa` tidak dikenal")]
    for command in (["status", "--format", "markdown"], ["principles"]):
        outcome = CliRunner().invoke(app, [*command, "--root", str(root)])
        assert outcome.exit_code == 2, outcome.output
        assert outcome.output == ("ooi: ooi.yaml:1:1: `pemda` harus teks, nama pemerintah daerah "
                                  "(dan 1 masalah lain: `ooi validate` menampilkan semuanya)\n")


def test_a_flood_of_unknown_keys_in_ooi_yaml_is_summed_up(tmp_path):
    from conftest import make_root

    from ooi.engine.checker import check
    from ooi.input.config import load_settings

    root = make_root(tmp_path, settings="pemda: Kota Uji\n" + "".join(f"k{i}: 1\n" for i in range(80)))
    result = check(root, load_settings(root, strict=False))
    assert [(f.line, f.code, f.message) for f in result.findings][49:] == [
        (51, "S002", "kunci `k49` tidak dikenal"), (52, "S002", "dan 30 temuan S002 lagi di berkas ini")]
