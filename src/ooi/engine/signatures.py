"""Every innovation's R015 signature outside a run: what a pull-request check compares the changed records with.

Taken from the judgement cache when a pack holds the file's judgement for its bytes and ooi's
code (a signature depends on nothing else: not the settings, the date or the filed date);
else made from the file (read, parsed, validated: no rule runs). A file that cannot be read or
does not pass the schema has no signature, as in a whole run.
"""

from __future__ import annotations

from ooi.engine.cache import Cache, Pack
from ooi.engine.parts import Part
from ooi.input.discovery import Entry
from ooi.input.loading import parse
from ooi.input.reading import Refused, read
from ooi.model.records import Innovation
from ooi.rules.similarity import Signature, signature
from ooi.schema.validation import validate_innovation


def elsewhere(units: list[Part | tuple[Entry | None, list[Entry]]], cache: Cache | None, skip: set[str],
              ) -> list[tuple[str, Signature]]:
    """(path, signature) of the innovation files of `units` not in `skip` (the files the run judged)."""
    found: list[tuple[str, Signature]] = []
    for unit in units:
        entries = [entry for entry in (unit.entries if isinstance(unit, Part) else unit[1]) if entry.rel not in skip]
        if not entries:
            continue
        kept = cache.pack(cache.unit_name(unit)) if cache is not None else None
        for entry in entries:
            known = _kept(kept, entry) if kept is not None else None
            signed = known[0] if known is not None else _signed(entry)
            if signed is not None:
                found.append((entry.rel, signed))
    return found


def _kept(pack: Pack, entry: Entry) -> tuple[Signature | None] | None:
    """(its signature or None when it has none) as the pack holds it for the file's bytes; None when not held."""
    try:
        blob = pack.cache.blob_of(entry.rel, lambda: read(entry.path))[0]
    except Refused:
        return None
    return pack.signature(entry.rel, blob)


def _signed(entry: Entry) -> Signature | None:
    try:
        data = parse(read(entry.path)).data
    except Refused:
        return None
    record = validate_innovation(data)[0] if isinstance(data, dict) else None
    return signature(record) if isinstance(record, Innovation) else None
