"""A data root as it stood in a commit, written to a private temporary folder and kept in step commit by commit."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from ooi.input.discovery import AGENCIES, INNOVATIONS
from ooi.input.git import Entry, Repo
from ooi.model.settings import SETTINGS_FILE


class Snapshot:
    """The files of the data root in one commit, as plain files every reader of ooi already understands.

    Moving to the next commit rewrites only the files whose blob changed, so a series of
    points over a year costs the records that changed, not the whole tree each time.
    """

    def __init__(self, repo: Repo, settings_now: bytes):
        self.repo = repo
        self.root = Path(tempfile.mkdtemp(prefix="ooi-asof-"))
        self.files: dict[str, Entry] = {}
        self.commit: str | None = ""
        self._settings_now = settings_now

    def move_to(self, commit: str | None) -> Path:
        """Make the folder hold the data root of `commit` (None: before the first commit, no records)."""
        if commit == self.commit:
            return self.root
        wanted = self.repo.tree(commit) if commit else {}
        for rel in self.files.keys() - wanted.keys():
            os.unlink(self.root / rel)
        changed = sorted(rel for rel, entry in wanted.items() if self.files.get(rel) != entry and _safe(rel))
        contents = self.repo.read_many(sorted({wanted[rel].blob for rel in changed}))
        for rel in changed:
            self._write(rel, wanted[rel], contents[wanted[rel].blob])
        self.files = {rel: entry for rel, entry in wanted.items() if _safe(rel)}
        for folder in (AGENCIES, INNOVATIONS):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        if SETTINGS_FILE not in self.files:  # no settings yet in that commit: today's, over no records
            (self.root / SETTINGS_FILE).write_bytes(self._settings_now)
        self.commit = commit
        return self.root

    def _write(self, rel: str, entry: Entry, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink() or path.exists():
            path.unlink()
        if entry.mode == "120000":  # a link stays a link, so discovery refuses one leading outside as it would
            os.symlink(os.fsdecode(data), path)
        else:
            path.write_bytes(data)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *_) -> None:
        self.close()


def _safe(rel: str) -> bool:
    parts = PurePosixPath(rel).parts
    return bool(parts) and not PurePosixPath(rel).is_absolute() and ".." not in parts and ".git" not in parts
