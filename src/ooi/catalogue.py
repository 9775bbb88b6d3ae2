"""One catalogue of every finding code: Y/S/R from `codes`, P1…P8 from their rule modules."""

from __future__ import annotations

from functools import cache

from ooi.codes import CODES
from ooi.findings import Severity

PRINCIPLE_CODES = tuple(f"P{n}" for n in range(1, 9))


@cache
def known_codes() -> tuple[str, ...]:
    return (*CODES, *PRINCIPLE_CODES)


def default_severity(code: str) -> Severity:
    entry = CODES.get(code)
    return entry.severity if entry else Severity.ERROR


def title(code: str) -> str:
    from ooi.i18n import tr

    entry = CODES.get(code)
    if entry:
        return tr(entry.title_id, entry.title_en)
    return code
