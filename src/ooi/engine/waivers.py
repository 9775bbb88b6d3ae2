"""Waivers (`pengecualian` in ooi.yaml): an approved finding stays shown as waived until its end date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ooi.i18n import tr
from ooi.model.dates import parse_date
from ooi.model.findings import Problem
from ooi.model.names import control_character, did_you_mean, meant
from ooi.model.settings import SETTINGS_FILE, Settings

if TYPE_CHECKING:
    from ooi.engine.result import FileResult

KEYS = ("berkas", "kode", "alasan", "disetujui_oleh", "sampai")
NOTICE_DAYS = 30  # a waiver ending this soon is announced on every run


@dataclass(frozen=True)
class Waiver:
    index: int
    berkas: str
    kode: str
    alasan: str
    disetujui_oleh: str
    sampai: date

    def label(self) -> str:
        """What a waived finding carries in `waived_by`: who approved it, until when, and why."""
        return tr("{o}, sampai {s}: {a}", "{o}, until {s}: {a}", o=self.disetujui_oleh, s=self.sampai, a=self.alasan)


def apply(files: list[FileResult], root: Path, settings: Settings, today: date, targets: list[Path] | None = None,
          ) -> list[FileResult]:
    """Mark the waived findings in `files`, and return the findings about the waivers as a result for ooi.yaml.

    A waived finding is never dropped: it keeps its place and severity with `waived_by` set,
    and no longer counts as an error or warning. An expired or invalid waiver does not apply.
    """
    waivers, problems = parse(settings.pengecualian, root)
    problems += [Problem(("aturan", code), tr(
        "`aturan` tidak dapat melemahkan {c}: berkas yang tidak terbaca atau tidak sesuai skema tidak pernah dinilai",
        "`aturan` cannot weaken {c}: a file that cannot be read or fails the schema was never judged", c=code),
        tr("hapus `{c}` dari `aturan`; {c} tetap error", "remove `{c}` from `aturan`; {c} stays an error", c=code),
        "R012") for code in settings.aturan_ditolak]
    checked = {file.path for file in files}
    latest = today + timedelta(days=settings.pengecualian_maks_hari)
    for waiver in waivers:
        keys = ("pengecualian", waiver.index, "sampai")
        if waiver.sampai > latest:  # a waiver ending in 2999 is a rule switched off, not a waiver
            problems.append(Problem(keys, tr(
                "pengecualian {k} untuk {b} berakhir {s}, lebih dari {n} hari setelah hari ini; tidak berlaku",
                "the waiver of {k} for {b} ends on {s}, more than {n} days after today; it does not apply",
                k=waiver.kode, b=waiver.berkas, s=waiver.sampai, n=settings.pengecualian_maks_hari), tr(
                "pilih `sampai` paling lambat {d} (batas `pengecualian_maks_hari` di ooi.yaml)",
                "choose a `sampai` no later than {d} (the limit `pengecualian_maks_hari` in ooi.yaml)", d=latest),
                "R012"))
            continue
        if waiver.sampai < today:
            problems.append(Problem(keys, tr(
                "pengecualian {k} untuk {b} berakhir {s}; temuannya berlaku lagi",
                "the waiver of {k} for {b} ended on {s}; its findings apply again", k=waiver.kode, b=waiver.berkas,
                s=waiver.sampai), _RENEW, "R013"))
            continue
        matched = _waive(files, waiver)
        if waiver.sampai <= today + timedelta(days=NOTICE_DAYS):
            problems.append(Problem(keys, tr(
                "pengecualian {k} untuk {b} berakhir {s} ({n} hari lagi)",
                "the waiver of {k} for {b} ends on {s} (in {n} days)", k=waiver.kode, b=waiver.berkas,
                s=waiver.sampai, n=(waiver.sampai - today).days), _RENEW, "R013"))
        if not matched and waiver.berkas in checked:
            problems.append(Problem(("pengecualian", waiver.index, "kode"), tr(
                "pengecualian {k} untuk {b} tidak mengenai temuan apa pun",
                "the waiver of {k} for {b} matches no finding", k=waiver.kode, b=waiver.berkas),
                tr("hapus pengecualian yang tidak terpakai", "remove the unused waiver"), "R013"))
    if not problems or not _covers_settings(root, targets):
        return []
    from ooi.engine.result import FileResult, stamp
    from ooi.input.loading import load

    locator = load(root / SETTINGS_FILE, root).locator()
    findings = sorted(stamp(SETTINGS_FILE, problem, locator.locate(problem.keys), settings) for problem in problems)
    return [FileResult(SETTINGS_FILE, "lain", None, findings)]


def parse(raw: object, root: Path) -> tuple[list[Waiver], list[Problem]]:
    """The valid waivers of `pengecualian`, and an R012 problem for everything wrong with the others."""
    if not isinstance(raw, (list, tuple)):
        return [], [Problem(("pengecualian",), tr("`pengecualian` harus berupa daftar",
                                                  "`pengecualian` must be a list"), _EXAMPLE, "R012")]
    waivers: list[Waiver] = []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        found = _check(index, item, root) if isinstance(item, dict) else [Problem(
            ("pengecualian", index), tr("pengecualian ke-{n} harus berupa pemetaan", "waiver {n} must be a mapping",
                                        n=index + 1), _EXAMPLE, "R012")]
        problems += found
        if not found:
            day = parse_date(item["sampai"])
            assert day is not None, "_check found the date valid"
            waivers.append(Waiver(index, _posix(item["berkas"]), item["kode"], " ".join(item["alasan"].split()),
                                  " ".join(item["disetujui_oleh"].split()), day))
    return waivers, problems


def waivable() -> set[str]:
    """Codes of rules that judge a readable record; a file that fails to load or fit the schema cannot be waived."""
    from ooi import rules

    return {code for rule in rules.ALL for code in rules.codes_of(rule)}


def _check(index: int, item: dict[str, object], root: Path) -> list[Problem]:
    """Every problem of one waiver: unknown keys, missing values, and bad code, file or date."""
    from ooi.model.codes import known_codes
    from ooi.rules.catalogue import suggest
    from ooi.rules.wording import placeholder

    at = ("pengecualian", index)
    problems = []
    for key in item:
        if key not in KEYS:
            close = did_you_mean(key, KEYS)
            problems.append(Problem((*at, key), tr("kunci `{k}` tidak dikenal", "unknown key `{k}`", k=key),
                                    meant(close) if close else _EXAMPLE,
                                    "R012"))
    given: dict[str, str | date] = {}
    for key in KEYS:
        value = item.get(key)
        if isinstance(value, str) and not placeholder(value) or key == "sampai" and isinstance(value, date):
            given[key] = value
        else:
            problems.append(Problem((*at, key) if key in item else at, _MISSING[key], _EXAMPLE, "R012"))
    code = given.get("kode")
    if isinstance(code, str) and code not in known_codes():
        close = suggest(code)
        problems.append(Problem((*at, "kode"), tr("kode `{c}` tidak dikenal", "unknown code `{c}`", c=code),
                                meant(close) if close
                                else tr("daftar kode: ooi rules", "all codes: ooi rules"), "R012"))
    elif isinstance(code, str) and code not in waivable():
        problems.append(Problem((*at, "kode"), tr("kode {c} tidak dapat dikecualikan", "code {c} cannot be waived",
                                                  c=code),
                                tr("berkas yang tidak terbaca atau tidak sesuai skema harus diperbaiki",
                                   "a file that cannot be read or fails the schema must be fixed"), "R012"))
    path = _posix(str(given["berkas"])) if "berkas" in given else None
    if path is not None and control_character(path):
        problems.append(Problem((*at, "berkas"), tr("`berkas` memuat karakter kendali {c}",
                                                    "`berkas` holds the control character {c}",
                                                    c=control_character(path)),
                                tr("tulis jalur berkas sebagai teks biasa", "write the path as plain text"), "R012"))
    elif path is not None and (PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts
                             or not (root / path).is_file()):
        problems.append(Problem((*at, "berkas"), tr("berkas `{b}` tidak ada di repositori", "file `{b}` is not in "
                                                    "the repository", b=given["berkas"]),
                                tr("tulis jalur relatif terhadap akar data, mis. data/inovasi/dinkes/sigap-bumil.yaml",
                                   "write the path relative to the data root, e.g. "
                                   "data/inovasi/dinkes/sigap-bumil.yaml"), "R012"))
    if "sampai" in given and parse_date(given["sampai"]) is None:
        problems.append(Problem((*at, "sampai"), tr("`sampai`: `{v}` bukan tanggal YYYY-MM-DD",
                                                    "`sampai`: `{v}` is not a date YYYY-MM-DD", v=given["sampai"]),
                                tr("tulis tanggal berakhirnya, mis. 2024-06-30",
                                   "write the end date, e.g. 2024-06-30"), "R012"))
    return problems


def _waive(files: list[FileResult], waiver: Waiver) -> bool:
    matched = False
    for file in files:
        if file.path != waiver.berkas:
            continue
        for index, finding in enumerate(file.findings):
            if finding.code == waiver.kode:
                matched = True
                if not finding.waived_by:
                    file.findings[index] = replace(finding, waived_by=waiver.label())
    return matched


def _covers_settings(root: Path, targets: list[Path] | None) -> bool:
    """Findings on ooi.yaml belong to a run over the whole root, or one that names ooi.yaml or the root."""
    if not targets:
        return True
    wanted = {root.resolve(), (root / SETTINGS_FILE).resolve()}
    return any(Path(target).resolve() in wanted for target in targets)


def _posix(path: str) -> str:
    return PurePosixPath(path.strip().replace("\\", "/")).as_posix().removeprefix("./")


# Catalogue messages: rendered in the language a reporter writes in, so they can be made once.
_RENEW = tr("perbaiki temuannya lalu hapus pengecualian ini, atau perpanjang `sampai` dengan persetujuan baru",
            "fix the finding and remove this waiver, or extend `sampai` with a new approval")
_EXAMPLE = tr("tulis `- {berkas: data/inovasi/<opd>/<berkas>.yaml, kode: P3, alasan: …, disetujui_oleh: …, "
              "sampai: 2024-06-30}`", "write `- {berkas: data/inovasi/<opd>/<file>.yaml, kode: P3, alasan: …, "
              "disetujui_oleh: …, sampai: 2024-06-30}`")


_MISSING = {
    "berkas": tr("pengecualian tanpa `berkas`", "waiver without `berkas` (file)"),
    "kode": tr("pengecualian tanpa `kode`", "waiver without `kode` (code)"),
    "alasan": tr("pengecualian tanpa `alasan`", "waiver without `alasan` (reason)"),
    "disetujui_oleh": tr("pengecualian tanpa `disetujui_oleh`", "waiver without `disetujui_oleh` (approver)"),
    "sampai": tr("pengecualian tanpa tanggal `sampai`", "waiver without an end date (`sampai`)"),
}
