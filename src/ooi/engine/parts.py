"""A folder too large to be one unit of work, cut into parts that run like agencies; its checks across files run after."""

from __future__ import annotations

from dataclasses import dataclass

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
class Judged:
    """What a Part gives back: its files' results, what the folder's checks across files read of each record."""

    folder: str
    results: list
    names: list[tuple[str, Named]]
    fresh: list  # what the worker added to its copy of a history's memo, for the parent's


@dataclass(frozen=True, slots=True)
class Named:
    """A record as R007 (one innovation filed twice in a folder) reads it: its agency and its name."""

    opd: str
    nama: str


def split(units: list[tuple[Entry | None, list[Entry]]]) -> list:
    """The units, each folder of more than PART files cut into Parts (its registry file then a unit alone)."""
    out = []
    for agency, entries in units:
        if len(entries) <= PART:
            out.append((agency, entries))
            continue
        if agency is not None:
            out.append((agency, []))
        folder = entries[0].folder
        out += [Part(folder, entries[at:at + PART]) for at in range(0, len(entries), PART)]
    return out


def weight(item) -> int:
    """Files in a unit or a Part: how the work is weighed and spread."""
    if isinstance(item, Part):
        return len(item.entries)
    return len(item[1]) + (item[0] is not None)
