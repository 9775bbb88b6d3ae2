"""The one clock: today in the deployment's time zone, and the as-of date every judgement uses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from ooi.i18n import tr
from ooi.model.dates import parse_date
from ooi.model.errors import OoiError

DEFAULT_ZONE = "Asia/Jakarta"

# The only call to the machine's time in ooi. Tests replace it (`frozen`), so a run is
# reproducible on any day: the same `--per` on the same commit prints the same thing.
_now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)  # noqa: E731


def now() -> datetime:
    """The current instant, aware, in UTC."""
    return _now().astimezone(timezone.utc)


def today(zone: str | None = None) -> date:
    """Today's date in `zone` (`zona_waktu`, default Asia/Jakarta), never the machine's UTC date."""
    return now().astimezone(ZoneInfo(zone or DEFAULT_ZONE)).date()


def as_of(text: str | None, zone: str | None = None, option: str = "--per") -> date:
    """The date of `--per` (written YYYY-MM-DD), or today when it is not given."""
    if text is None:
        return today(zone)
    day = parse_date(text.strip())
    if day is not None:
        return day
    raise OoiError(tr("{o}: `{v}` bukan tanggal YYYY-MM-DD yang ada di kalender (mis. 2023-02-05)",
                      "{o}: `{v}` is not a calendar date written YYYY-MM-DD (e.g. 2023-02-05)", o=option, v=text))


def end_of(day: date, zone: str | None = None) -> int:
    """The last second of `day` in `zone`, as Unix time (what git's commit dates are compared with)."""
    start = datetime.combine(day + timedelta(days=1), time(), tzinfo=ZoneInfo(zone or DEFAULT_ZONE))
    return int(start.timestamp()) - 1


def day_of(seconds: int, zone: str | None = None) -> date:
    """The calendar date in `zone` of a Unix time (a commit's date as the deployment reads it)."""
    return datetime.fromtimestamp(seconds, ZoneInfo(zone or DEFAULT_ZONE)).date()


class frozen:
    """`with clock.frozen(datetime(...))`: every reading of the clock inside gives that instant (for tests)."""

    def __init__(self, instant: datetime | date):
        if not isinstance(instant, datetime):  # a date: noon in Jakarta, well inside the day
            instant = datetime.combine(instant, time(12), tzinfo=ZoneInfo(DEFAULT_ZONE))
        self.instant = instant if instant.tzinfo else instant.replace(tzinfo=timezone.utc)

    def __enter__(self) -> frozen:
        global _now
        self._saved, _now = _now, lambda: self.instant
        return self

    def __exit__(self, *_: object) -> None:
        global _now
        _now = self._saved
