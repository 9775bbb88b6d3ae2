"""Find the data root and read its `ooi.yaml` into Settings."""

from __future__ import annotations

import os
from pathlib import Path

from ooi.i18n import tr
from ooi.input.loading import Issue
from ooi.input.paths import resolves_inside
from ooi.input.reading import is_regular
from ooi.model.errors import OoiError
from ooi.model.findings import Severity, excerpt
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


def load_settings(root: Path, strict: bool = True, today=None) -> Settings:
    """The settings of `root`; with `strict`, a problem in `ooi.yaml` is one OoiError naming its line and column.

    Without `strict` (for `ooi validate`) the problems travel in `Settings.problems` to be reported as
    findings on `ooi.yaml`, and a key with a bad value keeps its default. `today(zone)` gives today's
    date in a zone, for the settings that may not lie after it (`git_sejak`); None: not judged (a past commit).
    """
    settings = read_settings(root, today)
    if strict and settings.problems:
        first = settings.problems[0]
        more = len(settings.problems) - 1
        raise OoiError(f"{SETTINGS_FILE}:{first.line}:{first.column}: {first.message}"
                       + (f" ({first.hint})" if first.hint and first.code == "S002" else "")
                       + (tr(" (dan {n} masalah lain: `ooi validate` menampilkan semuanya)",
                             " (and {n} more: `ooi validate` shows them all)", n=more) if more else ""))
    return settings


def read_settings(root: Path, today=None) -> Settings:
    """`ooi.yaml` loaded through the safe reader and validated with its model; problems are Issues, placed."""
    from pydantic import ValidationError

    from ooi.input.loading import load
    from ooi.model.settings import SettingsFile

    path = root / SETTINGS_FILE
    if not resolves_inside(path, root):
        # Refused unread, and no finding quotes it: its first key would leak a file from elsewhere on the machine.
        raise OoiError(tr("{f} adalah tautan simbolik ke luar repositori; tidak dibaca",
                          "{f} is a symbolic link leading outside the repository; not read", f=SETTINGS_FILE))
    document = load(path, root)
    if document.data is None:
        return Settings(problems=tuple(document.issues))
    data, issues = document.data, list(document.issues)  # e.g. a duplicate key (Y004): read, and reported
    locator = document.locator()
    try:
        valid = SettingsFile.model_validate(data)
    except ValidationError as error:
        bad = {error_["loc"][0] for error_ in error.errors() if error_["loc"]}
        issues += [_issue(error_, locator) for error_ in error.errors()]
        valid = SettingsFile.model_validate({k: v for k, v in data.items() if k not in bad})
    values = {key: value for key, value in valid if value is not None}
    values["aturan"] = _severities(values.get("aturan") or {}, locator, issues)
    if today is not None and values.get("git_sejak") is not None:
        _not_after_today(values, today(values.get("zona_waktu")), locator, issues)
    # A file that did not load or fit the schema was never judged (SPEC §4): its Y and S codes stay errors
    # (the engine reports each such entry as R012 on ooi.yaml).
    values["aturan_ditolak"] = tuple(code for code, level in values["aturan"].items()
                                     if code[0] in "YS" and level is Severity.WARNING)
    for code in values["aturan_ditolak"]:
        del values["aturan"][code]
    values["pengecualian"] = tuple(values["pengecualian"]) if isinstance(values.get("pengecualian"), list) else \
        values.get("pengecualian") or ()
    return Settings(**values, problems=tuple(sorted(issues, key=lambda issue: (issue.line, issue.column))))


def _issue(error: dict, locator) -> Issue:
    from ooi.model.settings import MUST

    loc, kind = tuple(error["loc"]), error["type"]
    line, column = locator.locate(loc)
    key = str(loc[0]) if loc else ""
    if kind == "extra_forbidden":
        close = did_you_mean(key, MUST)
        return Issue("S002", line, column, tr("kunci `{k}` tidak dikenal", "unknown key `{k}`", k=excerpt(key)),
                     meant(close) if close else tr("kunci yang dikenal: {c}", "known keys: {c}",
                                                   c=", ".join(MUST)), excerpt(key))
    code = "S003" if kind.endswith("_type") else "S004" if kind == "literal_error" else "S007"
    return Issue(code, line, column, tr("`{k}` harus {m}", "`{k}` must be {m}", k=key, m=tr(*MUST[key])), "", key)


def _not_after_today(values: dict, today, locator, issues: list[Issue]) -> None:
    """`git_sejak` after today would make every commit an import and switch R014 off: a settings error."""
    if values["git_sejak"] > today:
        line, column = locator.locate(("git_sejak",))
        issues.append(Issue("S007", line, column, tr(
            "`git_sejak` {d} lebih lambat dari hari ini ({t}); tanggal git tidak akan pernah dipakai",
            "`git_sejak` {d} lies after today ({t}); git's dates would never be used", d=values["git_sejak"],
            t=today), tr("tulis tanggal commit impor catatan lama, atau hapus `git_sejak`",
                         "write the date of the commit that imported existing records, or remove `git_sejak`"),
            "git_sejak"))
        del values["git_sejak"]


def _severities(rules: dict, locator, issues: list[Issue]) -> dict[str, Severity]:
    """`aturan`: each code known and each level error or warning; a bad entry is a finding where it is written."""
    from ooi.model.codes import known_codes

    result = {}
    for code, level in rules.items():
        line, column = locator.locate(("aturan", code))
        if code not in known_codes():
            issues.append(Issue("S002", line, column, tr("kode aturan `{c}` tidak dikenal", "unknown rule code `{c}`",
                                                         c=excerpt(code)), tr("daftar kode: ooi rules",
                                                                               "all codes: ooi rules"), "aturan"))
        elif level not in ("error", "warning"):
            issues.append(Issue("S004", line, column, tr(
                "tingkat `{c}` harus error atau warning; aturan tidak dapat dimatikan",
                "the level of `{c}` must be error or warning; rules cannot be switched off", c=code), "",
                f"aturan.{code}"))
        else:
            result[code] = Severity(level)
    return result
