"""The one strict date form of every record, setting and option: `YYYY-MM-DD` in ASCII digits, on the calendar."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # [0-9], not \d: \d also takes Arabic-Indic digits


def parse_date(value: object) -> date | None:
    """A date for `2023-02-05` (or a date already), None for anything else (`20230205`, `2023-W05-7`, `2023-02-30`)."""
    if isinstance(value, date):
        return value
    return _parsed(value) if isinstance(value, str) else None


@lru_cache(maxsize=8192)  # a record holds half a dozen dates, and a city's records share most of their days
def _parsed(text: str) -> date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def is_date_form(value: object) -> bool:
    """Written YYYY-MM-DD, whether or not the calendar has that day (to tell a typo from an impossible date)."""
    return isinstance(value, str) and _DATE.fullmatch(value) is not None
