"""The agency registry of a run: answers fixed when it is made; an agency file is read only when asked about."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ooi.input.discovery import AGENCIES, SUFFIX, discover
from ooi.input.loading import load
from ooi.model.names import is_slug
from ooi.model.records import Agency


class Registry(Mapping[str, Agency]):
    """kode → Agency, for every `data/opd/<kode>.yaml` that passes the schema and names itself `kode`.

    Read-only, with no way to change an answer once made. Its answers come from the records
    it was made with (the agencies a run judged) and, for a registry of a tree (`Registry(root)`),
    from the tree's other agency files, each read the first time it is asked about: a pure
    function of the tree, kept, so looking up one code reads one file and a run over one
    changed file sees the registry a run over the whole repository sees (SPEC §7
    `--changed-since`) without reading ~20,000 agency files at national scale. Iterating
    (rare: a hint that lists the codes, the CODEOWNERS comparison) reads the rest.
    """

    __slots__ = ("_judged", "_tree", "_codes")

    def __init__(self, root: Path) -> None:
        """The registry of the tree at `root`: every agency file, read on first use."""
        self._judged: dict[str, Agency | None] = {}  # kode → its record (None: not a valid entry), sorted by kode
        self._tree: _Tree | None = _Tree(root)
        self._codes: list[str] | None = None  # the valid codes in order, once listed

    @classmethod
    def of(cls, judged: Mapping[str, Agency | None]) -> Registry:
        """Exactly the valid entries of `judged` (kode → its file's record, None if it failed the schema)."""
        return cls._made(judged, None)

    def with_entries(self, judged: Mapping[str, Agency | None]) -> Registry:
        """This registry with the records judged from these codes' files; the rest still answered by the tree."""
        return self._made({**self._judged, **judged}, self._tree)

    @classmethod
    def _made(cls, judged: Mapping[str, Agency | None], tree: _Tree | None) -> Registry:
        made = cls.__new__(cls)
        made._judged = {kode: _valid(kode, judged[kode]) for kode in sorted(judged)}
        made._tree = tree
        made._codes = None
        return made

    @property
    def complete(self) -> bool:
        """Whether every answer is already held: nothing is read, and no folder need stay where it is."""
        return self._tree is None

    def __getitem__(self, kode: str) -> Agency:
        if kode in self._judged:
            record = self._judged[kode]
        else:
            record = self._tree.get(kode) if self._tree is not None else None
        if record is None:
            raise KeyError(kode)
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self._listed())

    def __len__(self) -> int:
        return len(self._listed())

    def __repr__(self) -> str:
        rest = f", the rest read from {self._tree.root}" if self._tree is not None else ""
        return f"Registry({len(self._judged)} judged{rest})"

    def first(self, count: int, where: Callable[[Agency], bool] | None = None) -> list[str]:
        """The first `count` codes in order (of the entries `where` accepts), as iterating lists them.

        A hint shows a dozen codes: entries are read in order only until they are found, not the
        whole registry (20,000 files at national scale) once per worker for one unregistered code.
        """
        if self._codes is not None or self._tree is None:
            codes: list[str] = self._listed()
        else:
            codes = sorted(self._judged.keys() | self._tree.stems())
        found = []
        for kode in codes:
            record = self.get(kode)
            if record is not None and (where is None or where(record)):
                found.append(kode)
                if len(found) == count:
                    break
        return found

    def _listed(self) -> list[str]:
        """The valid codes in order (with a tree: every agency file read once)."""
        if self._codes is None:
            judged = self._judged
            codes = [kode for kode, record in judged.items() if record is not None]
            if self._tree is not None:
                codes = sorted([*codes, *(kode for kode in self._tree.stems()
                                          if kode not in judged and self._tree.get(kode) is not None)])
            self._codes = codes  # kept: the answers cannot change, so neither can their list
        return self._codes


class _Tree:
    """The agency files of one tree, each read when first asked about and its answer kept (the tree stays as it is)."""

    __slots__ = ("root", "_read", "_stems")

    def __init__(self, root: Path) -> None:
        self.root = root
        self._read: dict[str, Agency | None] = {}
        self._stems: list[str] | None = None  # the agency files' names, listed once when needed

    def get(self, kode: str) -> Agency | None:
        try:
            return self._read[kode]
        except KeyError:
            pass
        record = self._read[kode] = _agency(kode, self.root)
        return record

    def stems(self) -> list[str]:
        if self._stems is None:
            self._stems = [entry.stem for entry in discover(self.root, within=[AGENCIES]).entries]
        return self._stems


def _valid(kode: str, record: Agency | None) -> Agency | None:
    """The entry `kode` names: a record filed under another `kode` is no entry (R002 says so)."""
    return record if record is not None and record.kode == kode else None


def _agency(kode: str, root: Path) -> Agency | None:
    from ooi.schema.validation import validate_agency

    if not is_slug(kode):
        return None  # not a file name ooi would read
    # The safe reader refuses what is absent, not a regular file, or a link out of the repository.
    data = load(str(root / AGENCIES / f"{kode}{SUFFIX}"), root).data
    return _valid(kode, validate_agency(data)[0] if isinstance(data, dict) else None)
