"""What one run is asked: the data root and its settings, which files, as of when, and how to go about it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ooi.engine.cache import Cache
from ooi.engine.filing import Filed
from ooi.engine.memo import Memo
from ooi.model.records import Innovation
from ooi.model.settings import Settings
from ooi.model.summary import Summary


class Against(NamedTuple):
    """What a pull-request check is compared with: the git tree of the innovations at the merge base, and the
    paths touched since (relative to the data root). Every other file holds what that tree holds, unless git
    does not look at one of them (`unwatched`: None when not asked of git yet)."""

    tree: str
    touched: frozenset[str]
    unwatched: bool | None = None


@dataclass(frozen=True)
class Run:
    """One run of the checks, handed whole down the engine (not ten parameters and attributes set before a call).

    `targets`: only these files and folders (None: every file). `today`: the as-of date (None:
    today in `zona_waktu`). `jobs`: processes (None: automatic).
    `records`: keep each record (True), let it go once judged (False), or keep what the function
    makes of it (the few fields coverage needs). `iid_export`: hold every innovation to the IID
    portal's requirements (I005, I006). `progress(done, total)` hears the files checked so far.
    `filed`: path → the date git says it was filed (`.get`; None outside git, R014). `memo`:
    judgements kept across the runs of one history. `blobs`: path → git blob id, when known
    without reading (a snapshot's files), so a file the memo knows is not even read.
    `cache`: judgements kept between runs (serves runs that keep no records; a history uses its
    memo). `similar_to_all`: R015 compares the records of a run over some files with every
    record of the root (a pull request's near-copy of another agency's innovation); `against`: what
    they hold, so the other records' signatures come from the cache's index of that tree.
    """

    root: Path
    settings: Settings
    targets: tuple[Path, ...] | None = None
    today: date | None = None
    jobs: int | None = None
    records: bool | Callable[[Innovation], Summary] = True
    iid_export: bool = False
    progress: Callable[[int, int], None] | None = None
    filed: Filed | None = None
    memo: Memo | None = None
    blobs: Mapping[str, str] = field(default_factory=dict)
    cache: Cache | None = None
    similar_to_all: bool = False
    against: Against | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets", tuple(self.targets) if self.targets else None)  # [] asks for no subset
