"""Numbers and dates as people read them: `94,3%`, `1.800`, `7 Desember 2026` (English with `--lang en`).

The one helper for every output meant for a person (tables, HTML, letters, spreadsheet
labels); JSON and CSV data values stay machine values (`94.3`, `2026-12-07`).
"""

from __future__ import annotations

from datetime import date

from ooi.i18n import current

MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def _indonesian() -> bool:
    return current() != "en"


def number(value: int | float, decimals: int = 0) -> str:
    """`1.800` and `2,5` in Indonesian (point between thousands, comma before decimals); `1,800`, `2.5` in English."""
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if _indonesian() else text


def percent(value: float, decimals: int = 1) -> str:
    """`94,3%` in Indonesian, `94.3%` in English."""
    return number(value, decimals) + "%"


def month(day: date, short: bool = False) -> str:
    """`November 2023`, or `Nov` when `short`."""
    name = (MONTHS_ID if _indonesian() else MONTHS_EN)[day.month - 1]
    return name[:3] if short else f"{name} {day.year}"


def day(value: date) -> str:
    """`7 Desember 2026` (`7 December 2026` in English)."""
    return f"{value.day} {month(value)}"
