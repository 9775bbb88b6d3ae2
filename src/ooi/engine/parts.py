"""A folder too large to be one unit of work, cut into parts that run like agencies; its checks across files run after."""

from __future__ import annotations

from dataclasses import dataclass

from ooi.engine.memo import Judgement, Key
from ooi.engine.result import FileResult, Named
from ooi.input.discovery import Entry

# Files of one folder judged together in one process, at most. Agencies file tens of records; a
# folder of 50,000 as one unit ran in one process, held every record at once (~1.8 GB) and left
# the other cores idle. Its checks across files (R007) then run on each record's name only.
PART = 500


@dataclass(frozen=True)
class Part:
    """Some innovation files of one agency folder (`folder`), judged without the folder's checks across files."""

    folder: str
    entries: list[Entry]


@dataclass
class PartResult:
    """What a Part gives back: its files' results, what the folder's checks across files read of each record."""

    folder: str
    results: list[FileResult]
    names: list[tuple[str, Named]]
    fresh: list[tuple[Key, Judgement]]  # what the worker added to its copy of a history's memo, for the parent's


Unit = tuple[Entry | None, list[Entry]]  # one agency: its registry file (if in the run) and its innovation files


def split(units: list[Unit]) -> list[Unit | Part]:
    """The units, each folder of more than PART files cut into Parts (its registry file then a unit alone)."""
    out: list[Unit | Part] = []
    for agency, entries in units:
        if len(entries) <= PART:
            out.append((agency, entries))
            continue
        if agency is not None:
            out.append((agency, []))
        folder = entries[0].folder
        out += [Part(folder, entries[at:at + PART]) for at in range(0, len(entries), PART)]
    return out


def weight(item: Unit | Part) -> int:
    """Files in a unit or a Part: how the work is weighed and spread."""
    if isinstance(item, Part):
        return len(item.entries)
    return len(item[1]) + (item[0] is not None)
