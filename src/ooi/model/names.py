"""The shapes of names: the slug of a code or file name, and the one did-you-mean every suggestion uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ooi.i18n import tr

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"  # agency codes and file names: `dinkes`, `sigap-bumil`
_SLUG = re.compile(SLUG)


def is_slug(text: object) -> bool:
    return isinstance(text, str) and _SLUG.fullmatch(text) is not None


def control_character(text: str) -> str | None:
    """The first control character of a path-like value, as `U+0000`; a NUL makes every file-system call fail."""
    import unicodedata

    bad = next((char for char in text if unicodedata.category(char) == "Cc"), None)
    return None if bad is None else f"U+{ord(bad):04X}"


def did_you_mean(wanted: object, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice nearest to what was written, if one is near enough to be what was meant."""
    if isinstance(wanted, str):
        text = wanted
    else:  # imported here, with the other things only a suggestion needs: `ooi --help` imports this module
        from ooi.model.findings import excerpt

        text = excerpt(wanted)
    if len(text) > 100:
        return None  # no choice is that long; comparing 1 MiB of text with each would only cost time
    from difflib import get_close_matches

    close = get_close_matches(text, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def meant(choice: str) -> str:
    """The words of a suggestion, in the current language."""
    return tr("maksudnya `{c}`?", "did you mean `{c}`?", c=choice)


def find_agency(typed: str, agencies: Mapping[str, Any], also: Iterable[str] = ()) -> tuple[str | None, str | None]:
    """(kode, None) when `typed` is an agency's code, abbreviation or name (any case); else (None, the nearest or None).

    `agencies` maps kode → a record with `singkatan` and `nama`; `also` adds codes known otherwise (a folder of
    records). A typo is matched against all three; a word of one agency's name only (`sosial`) suggests that agency.
    """
    names = {kode: kode for kode in agencies}
    for kode, agency in agencies.items():
        names.setdefault(agency.singkatan.casefold(), kode)
    for kode, agency in agencies.items():
        names.setdefault(" ".join(agency.nama.casefold().split()), kode)
    for kode in also:
        names.setdefault(kode, kode)
    wanted = " ".join(typed.casefold().split())
    if wanted in names:
        return names[wanted], None
    close = did_you_mean(wanted, names)
    if close is None and wanted:
        holders = {kode for name, kode in names.items() if set(wanted.split()) <= set(name.split())}
        close = next(iter(holders)) if len(holders) == 1 else None
        return None, close
    return None, names[close] if close else None
