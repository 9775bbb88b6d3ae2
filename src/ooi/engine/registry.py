"""The agency registry as rules see it: each entry read on first use, so a run costs what it touches."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ooi.input.discovery import AGENCIES, SUFFIX, discover
from ooi.input.loading import load
from ooi.model.names import is_slug
from ooi.model.records import Agency


class Registry(Mapping[str, Agency]):
    """kode → Agency, for every `data/opd/<kode>.yaml` that passes the schema and names itself `kode`.

    Looking up one code reads one file; iterating (rare: a hint that lists the codes, the
    CODEOWNERS comparison) reads them all. Both give the same answers, so a run over one
    changed file sees the registry a run over the whole repository sees (SPEC §7
    `--changed-since`). At national scale the registry holds ~20,000 agencies.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._known: dict[str, Agency | None] = {}  # kode → Agency, or None when it is not a valid entry
        self._complete = False
        self._paths: dict[str, str] | None = None  # stem → file, listed once when `first` needs it

    def offer(self, kode: str, record: Agency | None) -> None:
        """The record the checker built from `data/opd/<kode>.yaml` (None if it failed the schema)."""
        self._known[kode] = record if record is not None and record.kode == kode else None

    def __getitem__(self, kode: str) -> Agency:
        if kode not in self._known and not self._complete:
            self._known[kode] = self._read(kode)
        record = self._known.get(kode)
        if record is None:
            raise KeyError(kode)
        return record

    def __iter__(self) -> Iterator[str]:
        self._read_all()
        return iter(sorted(kode for kode, record in self._known.items() if record is not None))

    def __len__(self) -> int:
        self._read_all()
        return sum(record is not None for record in self._known.values())

    def first(self, count: int, where: Callable[[Agency], bool] | None = None) -> list[str]:
        """The first `count` codes in order (of the entries `where` accepts), as iterating lists them.

        A hint shows a dozen codes: entries are read in order only until they are found, not the
        whole registry (20,000 files at national scale) once per worker for one unregistered code.
        """
        paths = self._paths
        if not self._complete and paths is None:
            paths = self._paths = {entry.stem: entry.path for entry in discover(self.root, within=[AGENCIES]).entries}
        known = {kode for kode, record in self._known.items() if record is not None}
        found = []
        for kode in sorted(known if self._complete or paths is None else known | paths.keys()):
            if kode not in self._known:
                self._known[kode] = _agency(paths[kode], kode, self.root) if paths else None
            record = self._known[kode]
            if record is not None and (where is None or where(record)):
                found.append(kode)
                if len(found) == count:
                    break
        return found

    def _read(self, kode: str) -> Agency | None:
        if not is_slug(kode):
            return None  # not a file name ooi would read
        path = self.root / AGENCIES / f"{kode}{SUFFIX}"
        # The safe reader refuses what is absent, not a regular file, or a link out of the repository.
        return _agency(str(path), kode, self.root)

    def _read_all(self) -> None:
        if self._complete:
            return
        for entry in discover(self.root, within=[AGENCIES]).entries:
            if entry.stem not in self._known:
                self._known[entry.stem] = _agency(entry.path, entry.stem, self.root)
        self._known = {kode: record for kode, record in self._known.items() if record is not None}
        self._complete = True


def _agency(path: str, kode: str, root: Path) -> Agency | None:
    from ooi.schema.validation import validate_agency

    data = load(path, root).data
    record = validate_agency(data)[0] if isinstance(data, dict) else None
    return record if record is not None and record.kode == kode else None
