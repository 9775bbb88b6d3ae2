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


def test_values_are_read(tmp_path):
    s = settings_of(tmp_path, "zona_waktu: Asia/Makassar\ngit_sejak: 2026-11-28\ntoleransi_lapor_hari: 3\n"
                              "kemiripan_maks: 1\npengecualian_maks_hari: 90\ntenggat: 2023-12-31\nkuota: 2\n")
    assert (s.zona_waktu, s.git_sejak, s.toleransi_lapor_hari, s.kemiripan_maks, s.pengecualian_maks_hari,
            s.tenggat, s.kuota) == ("Asia/Makassar", date(2026, 11, 28), 3, 1.0, 90, date(2023, 12, 31), 2)


@pytest.mark.parametrize(("text", "message"), [
    ("zona_waktu: Mars/Olympus\n", "ooi.yaml: `zona_waktu` harus nama zona waktu IANA, mis. Asia/Jakarta"),
    ("zona_waktu: ../../etc/passwd\n", "ooi.yaml: `zona_waktu` harus nama zona waktu IANA, mis. Asia/Jakarta"),
    ("git_sejak: 20261128\n", "ooi.yaml: `git_sejak` harus tanggal YYYY-MM-DD"),
    ('tenggat: "2023-W52-7"\n', "ooi.yaml: `tenggat` harus tanggal YYYY-MM-DD"),
    ("tenggat: 2023-02-30\n", "ooi.yaml: `tenggat` harus tanggal YYYY-MM-DD"),
    ("kuota: 0\n", "ooi.yaml: `kuota` harus bilangan bulat 1–100"),
    ("kuota: yes\n", "ooi.yaml: `kuota` harus bilangan bulat 1–100"),
    ("toleransi_lapor_hari: -1\n", "ooi.yaml: `toleransi_lapor_hari` harus bilangan bulat 0–3660"),
    ("kemiripan_maks: 0\n", "ooi.yaml: `kemiripan_maks` harus angka di atas 0 sampai 1, mis. 0.8"),
])
def test_bad_values_are_one_clear_error(tmp_path, text, message):
    with pytest.raises(OoiError) as caught:
        settings_of(tmp_path, text)
    assert str(caught.value) == message
