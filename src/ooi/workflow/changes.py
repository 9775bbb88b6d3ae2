"""The files a branch changed against a git ref, and the record files whose checks those changes touch."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ooi.i18n import tr
from ooi.input import codeowners
from ooi.input.discovery import AGENCIES, INNOVATIONS, SUFFIX
from ooi.input.loading import load
from ooi.input.reading import Refused, read
from ooi.model.errors import OoiError
from ooi.model.settings import SETTINGS_FILE


def check_since(root: Path, settings, ref: str, within: list[Path] | None = None, today=None, **options):
    """`checker.check` on what changed since `ref` (only under `within`, when paths are given); `options` go to it."""
    from ooi.engine.checker import check
    from ooi.engine.result import Result

    found = targets(root, changed(root, ref))
    if found is None:  # the settings changed: every file is judged again
        found = within
    elif within:
        found = [path for path in found if any(_under(path, place) for place in within)]
    if found == []:
        return Result(root, settings, [])
    return check(root, settings, targets=found, today=today, **options)


def _under(path: Path, place: Path) -> bool:
    inner, outer = os.path.abspath(path), os.path.abspath(place)
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


@dataclass(frozen=True)
class Changes:
    """Paths relative to the data root: what exists after the change, and what the change removed."""

    present: frozenset[str]
    deleted: frozenset[str]


def changed(root: Path, ref: str) -> Changes:
    """Committed (`REF...HEAD`), uncommitted and untracked changes under the data root."""
    if ref.startswith("-"):
        raise OoiError(tr("ref git `{r}` tidak sah", "`{r}` is not a valid git ref", r=ref))
    _git(root, "rev-parse", "--is-inside-work-tree", failure=tr(
        "{d} bukan repositori git; --changed-since perlu riwayat git", "{d} is not a git repository; "
        "--changed-since needs git history", d=root))
    _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", failure=tr(
        "ref git `{r}` tidak dikenal (di CI: checkout dengan fetch-depth: 0)",
        "unknown git ref `{r}` (in CI: check out with fetch-depth: 0)", r=ref))
    touched: set[str] = set()
    # --relative: paths relative to the data root, and only those inside it (the root may be a subfolder).
    diff = ("diff", "--name-status", "-z", "--find-renames", "--relative", "--no-color", "--no-ext-diff")
    for args in ((*diff, f"{ref}...HEAD", "--"), (*diff, "HEAD", "--")):
        touched |= _name_status(_git(root, *args, failure=tr(
            "git tidak dapat membandingkan dengan `{r}`", "git cannot compare with `{r}`", r=ref)))
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".", failure="")
    touched |= {path for path in untracked.split("\0") if path}
    # Whatever happened in between, what matters is whether the file is there now.
    present = {path for path in touched if os.path.lexists(root / path)}
    return Changes(frozenset(present), frozenset(touched - present))


def targets(root: Path, changes: Changes) -> list[Path] | None:
    """The paths `checker.check` should report for these changes; None means every file (settings changed)."""
    if SETTINGS_FILE in changes.present | changes.deleted:
        return None
    wanted: set[str] = set()
    agencies: set[str] = set()
    for path in changes.present:
        if path.startswith((AGENCIES + "/", INNOVATIONS + "/")):
            wanted.add(path)  # a record, or a file misplaced in the data folders (reported as Y013)
    for path in changes.present | changes.deleted:
        parts = path.split("/")
        if path.startswith(AGENCIES + "/") and len(parts) == 3 and path.endswith(SUFFIX):
            agencies.add(parts[2][: -len(SUFFIX)])
    for kode in agencies:  # an agency changed or gone: its innovations and its kelurahan are judged again
        wanted.add(f"{INNOVATIONS}/{kode}")
        wanted |= _children_of(root, kode)
    if agencies or codeowners.PATH in changes.present:
        wanted.add(codeowners.PATH)  # `pemilik` may have changed: is CODEOWNERS still right? (R011)
    wanted |= _citing(root, [path for path in changes.deleted if not path.startswith("data/")])
    return sorted(root / path for path in wanted if os.path.lexists(root / path))


def _children_of(root: Path, kode: str) -> set[str]:
    """The agency files that name `kode` as their `induk` (a kecamatan's kelurahan)."""
    found = set()
    for entry in sorted((root / AGENCIES).glob("*" + SUFFIX)):
        data = load(entry, root).data
        if isinstance(data, dict) and data.get("induk") == kode:
            found.add(f"{AGENCIES}/{entry.name}")
    return found


def _citing(root: Path, removed: list[str]) -> set[str]:
    """Innovation files that cite a removed evidence file (`berkas:`), so R008 reports them."""
    if not removed:
        return set()
    found = set()
    for path in (root / INNOVATIONS).glob("*/*" + SUFFIX):
        try:  # the one safe reader: a committed link to /dev/zero or outside the repository is not followed
            text = read(path, root).decode("utf-8", errors="replace")
        except Refused:
            continue
        if any(gone in text for gone in removed):
            found.add(path.relative_to(root).as_posix())
    return found


def _name_status(output: str) -> set[str]:
    """Every path named in `git diff --name-status -z` output: both sides of a rename or copy."""
    fields = output.split("\0")
    paths, index = set(), 0
    while index < len(fields) and fields[index]:
        status = fields[index]
        count = 2 if status[:1] in ("R", "C") else 1
        paths.update(fields[index + 1:index + 1 + count])
        index += 1 + count
    return paths


def _git(root: Path, *args: str, failure: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, timeout=120)
    except FileNotFoundError:
        raise OoiError(tr("git tidak ditemukan; pasang git untuk memakai --changed-since",
                          "git not found; install git to use --changed-since")) from None
    except subprocess.TimeoutExpired:
        raise OoiError(tr("git tidak menjawab dalam 120 detik", "git did not answer within 120 seconds")) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        message = failure or tr("git gagal: git {a}", "git failed: git {a}", a=" ".join(args))
        raise OoiError(message + (f" ({detail[-1].strip()})" if detail else ""))
    return done.stdout.decode("utf-8", errors="surrogateescape")
