"""The files a branch changed against a git ref, and the record files whose checks those changes touch."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ooi.input import codeowners
from ooi.input.git import Changes, changed
from ooi.input.discovery import AGENCIES, INNOVATIONS, SUFFIX
from ooi.input.loading import parse
from ooi.input.reading import Refused, read
from ooi.model.settings import SETTINGS_FILE


def check_since(root: Path, settings, ref: str, within: list[Path] | None = None, today=None, filed=None,
                **options):
    """`checker.check` on what changed since `ref` (only under `within`, when paths are given); `options` go to it.

    `filed(paths, changes)` gives the filed dates (R014) of the paths to judge (None: every file), asked
    once they are known, so a run over one changed file does not read all of git's history.
    """
    from ooi.engine.checker import check
    from ooi.engine.result import Result

    cache = options.get("cache")
    indexed = bool(options.get("similar_to_all") and cache is not None)  # R015 through the index
    changes = changed(root, ref, INNOVATIONS if indexed else None, cache.folder if cache is not None else None)
    if cache is not None and changes.settled is not None:  # blob ids as git status vouched for them
        options["cache"] = replace(cache, settled=changes.settled)
    found = targets(root, changes)
    if indexed:
        from ooi.engine.run import Against
        from ooi.input.git import merge_tree

        tree = merge_tree(root, ref, INNOVATIONS)
        options["against"] = Against(tree, changes.present | changes.deleted, changes.unwatched) if tree else None
    if found is None:  # the settings changed: every file is judged again
        found = within
    elif within:
        found = [path for path in found if any(_under(path, place) for place in within)]
    if found == []:
        return Result(root, settings, [])
    if callable(filed):
        filed = filed(_inside(root, found), changes)
    return check(root, settings, targets=found, today=today, filed=filed, **options)


def _inside(root: Path, paths: list[Path] | None) -> list[str] | None:
    """`paths` relative to the root, those inside it; None (every file) when one of them is the root itself."""
    if paths is None:
        return None
    found = [Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix() for path in paths]
    if "." in found:
        return None
    return [path for path in found if path != ".." and not path.startswith("../")]


def _under(path: Path, place: Path) -> bool:
    inner, outer = os.path.abspath(path), os.path.abspath(place)
    return inner == outer or inner.startswith(outer.rstrip(os.sep) + os.sep)


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
    wanted |= _children_of(root, agencies)
    if agencies or codeowners.PATH in changes.present:
        wanted.add(codeowners.PATH)  # `pemilik` may have changed: is CODEOWNERS still right? (R011)
    wanted |= _citing(root, [path for path in changes.deleted if not path.startswith("data/")])
    return sorted(root / path for path in wanted if os.path.lexists(root / path))


def _children_of(root: Path, kodes: set[str]) -> set[str]:
    """The agency files that name one of `kodes` as their `induk` (a kecamatan's kelurahan), in one pass.

    One pass over the registry for all changed agencies, not one per agency (20 changed in
    1,000 files were 20,000 loads), and only files that can hold the key are parsed.
    """
    if not kodes:
        return set()
    found = set()
    for entry in sorted((root / AGENCIES).glob("*" + SUFFIX)):
        try:  # the one safe reader: a committed link to /dev/zero or outside the repository is not followed
            raw = read(entry, root)
        except Refused:
            continue
        # Most agencies name no parent: a file without the key's letters (or an escape that
        # could spell them, in a quoted key) is not parsed; only UTF-8 loads at all.
        if b"induk" not in raw and b"\\" not in raw:
            continue
        data = parse(raw).data
        parent = data.get("induk") if isinstance(data, dict) else None
        if isinstance(parent, str) and parent in kodes:
            found.add(f"{AGENCIES}/{entry.name}")
    return found


def _citing(root: Path, removed: list[str]) -> set[str]:
    """Innovation files that cite a removed evidence file (`berkas:`), so R008 reports them: one pass for all."""
    if not removed:
        return set()
    wanted = [gone.encode("utf-8", "surrogateescape") for gone in removed]
    found = set()
    for path in (root / INNOVATIONS).glob("*/*" + SUFFIX):
        try:  # the one safe reader: a committed link to /dev/zero or outside the repository is not followed
            raw = read(path, root)
        except Refused:
            continue
        # The bytes as they are: a path's UTF-8 is in the file exactly when it is in the file's text.
        if any(gone in raw for gone in wanted):
            found.add(path.relative_to(root).as_posix())
    return found
