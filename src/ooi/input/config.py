"""Find the data root and read its `ooi.yaml` into Settings."""

from __future__ import annotations

import os
from pathlib import Path

from ooi.i18n import tr
from ooi.input.paths import resolves_inside
from ooi.input.reading import is_regular
from ooi.model.dates import parse_date
from ooi.model.errors import OoiError
from ooi.model.findings import Severity
from ooi.model.names import did_you_mean, meant
from ooi.model.settings import SETTINGS_FILE, Settings


def find_root(option: str | None = None, start: Path | None = None) -> Path:
    """`--root`, else OOI_ROOT, else the nearest folder upwards holding `ooi.yaml` (as git finds `.git`)."""
    chosen = option or os.environ.get("OOI_ROOT")
    if chosen:
        root = Path(chosen).expanduser()
        if not os.path.lexists(root / SETTINGS_FILE):
            raise OoiError(tr("{f} tidak ada di {r}", "{f} not found in {r}", f=SETTINGS_FILE, r=root))
        return _regular(root.absolute())
    here = (start or Path.cwd()).absolute()
    for folder in (here, *here.parents):
        # The first `ooi.yaml` of any kind decides: a folder or FIFO of that name stops the walk, it is not skipped.
        if os.path.lexists(folder / SETTINGS_FILE):
            return _regular(folder)
    raise OoiError(tr(
        "{f} tidak ditemukan di {h} maupun di folder induknya; jalankan dari repositori data atau pakai --root",
        "{f} not found in {h} or any parent; run inside the data repository or pass --root",
        f=SETTINGS_FILE, h=here))


def _regular(root: Path) -> Path:
    if not is_regular(root / SETTINGS_FILE):
        raise OoiError(tr("{p} bukan berkas biasa (folder, FIFO, atau tautan yang putus)",
                          "{p} is not a regular file (a folder, a FIFO, or a broken link)", p=root / SETTINGS_FILE))
    return root


def load_settings(root: Path) -> Settings:
    from ooi.input.loading import load

    path = root / SETTINGS_FILE
    if not resolves_inside(path, root):
        # Refused unread: an error quoting its first key would leak a file from elsewhere on the machine.
        raise OoiError(tr("{f} adalah tautan simbolik ke luar repositori; tidak dibaca",
                          "{f} is a symbolic link leading outside the repository; not read", f=SETTINGS_FILE))
    document = load(path, root)
    if document.issues:
        issue = document.issues[0]
        raise OoiError(f"{SETTINGS_FILE}:{issue.line}:{issue.column}: {issue.message}")
    data = dict(document.data)
    known = Settings.__dataclass_fields__
    for key in data:
        if key not in known:
            close = did_you_mean(key, known)
            raise OoiError(tr("{f}: kunci `{k}` tidak dikenal{s}", "{f}: unknown key `{k}`{s}", f=SETTINGS_FILE, k=key,
                              s=f" ({meant(close)})" if close else ""))
    for key in ("tahun_target", "jendela_tahun"):
        if key in data and (type(data[key]) is not int or data[key] < 0):
            raise OoiError(tr("{f}: `{k}` harus bilangan bulat", "{f}: `{k}` must be a whole number",
                              f=SETTINGS_FILE, k=key))
    data["aturan"] = _severities(data.get("aturan") or {})
    # A file that did not load or fit the schema was never judged (SPEC §4): its Y and S codes stay errors.
    data["aturan_ditolak"] = tuple(code for code, level in data["aturan"].items()
                                   if code[0] in "YS" and level is Severity.WARNING)
    for code in data["aturan_ditolak"]:
        del data["aturan"][code]
    if data.get("bahasa") not in (None, "id", "en"):
        raise OoiError(tr("{f}: `bahasa` harus id atau en", "{f}: `bahasa` must be id or en", f=SETTINGS_FILE))
    data["pengecualian"] = tuple(data.get("pengecualian") or ())
    _check_part_two(data)
    if data.get("sekretariat") is not None and not isinstance(data["sekretariat"], str):
        raise OoiError(tr('{f}: `sekretariat` harus handle tim dalam tanda kutip, mis. "@pemkot-batu/sekretariat"',
                          '{f}: `sekretariat` must be a team handle in quotes, e.g. "@pemkot-batu/sekretariat"',
                          f=SETTINGS_FILE))
    return Settings(**data)


def _severities(rules: object) -> dict[str, Severity]:
    if not isinstance(rules, dict):
        raise OoiError(tr("{f}: `aturan` harus berupa pemetaan KODE: error|warning",
                          "{f}: `aturan` must map CODE: error|warning", f=SETTINGS_FILE))
    from ooi.model.codes import known_codes

    result = {}
    for code, level in rules.items():
        if code not in known_codes():
            raise OoiError(tr("{f}: kode aturan `{c}` tidak dikenal", "{f}: unknown rule code `{c}`",
                              f=SETTINGS_FILE, c=code))
        if level not in ("error", "warning"):
            raise OoiError(tr("{f}: tingkat `{c}` harus error atau warning; aturan tidak dapat dimatikan",
                              "{f}: the level of `{c}` must be error or warning; rules cannot be switched off",
                              f=SETTINGS_FILE, c=code))
        result[code] = Severity(level)
    return result


def _check_part_two(data: dict) -> None:
    """The settings of SPEC §10–14: whole numbers in range, strict dates, a real time zone."""
    for key, low, high in (("toleransi_lapor_hari", 0, 3660), ("pengecualian_maks_hari", 1, 3660), ("kuota", 1, 100)):
        if key in data and (type(data[key]) is not int or not low <= data[key] <= high):
            raise OoiError(tr("{f}: `{k}` harus bilangan bulat {a}–{b}", "{f}: `{k}` must be a whole number {a}–{b}",
                              f=SETTINGS_FILE, k=key, a=low, b=high))
    if "kemiripan_maks" in data:
        value = data["kemiripan_maks"]
        if type(value) not in (int, float) or not 0 < value <= 1:
            raise OoiError(tr("{f}: `kemiripan_maks` harus angka di atas 0 sampai 1, mis. 0.8",
                              "{f}: `kemiripan_maks` must be a number above 0 up to 1, e.g. 0.8", f=SETTINGS_FILE))
        data["kemiripan_maks"] = float(value)
    for key in ("git_sejak", "tenggat"):
        if key in data and data[key] is not None:
            day = parse_date(data[key])
            if day is None:
                raise OoiError(tr("{f}: `{k}` harus tanggal YYYY-MM-DD", "{f}: `{k}` must be a date YYYY-MM-DD",
                                  f=SETTINGS_FILE, k=key))
            data[key] = day
    if "zona_waktu" in data:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        zone = data["zona_waktu"]
        try:
            if not isinstance(zone, str) or "/" not in zone or zone.startswith(("/", ".")):
                raise ValueError(zone)
            ZoneInfo(zone)
        except (ValueError, ZoneInfoNotFoundError):
            raise OoiError(tr("{f}: `zona_waktu` harus nama zona waktu IANA, mis. Asia/Jakarta",
                              "{f}: `zona_waktu` must be an IANA time zone name, e.g. Asia/Jakarta",
                              f=SETTINGS_FILE)) from None
