"""The one shape of an innovation past judging: the few fields coverage, reports and the matrix read, made once."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, TypeVar

from ooi.model.records import Innovation
from ooi.pools import Pool
from ooi.text_safety import name


class Dates(NamedTuple):
    uji_coba: date | None
    penerapan: date | None


class Summary(NamedTuple):
    """What coverage and `ooi show` read of an innovation: a few fields instead of a ~17 KB record."""

    nama: str
    tahapan: str
    tanggal_lapor: date
    tahun_rencana: int | None
    waktu: Dates | None
    bentuk: str = ""  # form, type and main sector: what the report breaks innovations down by
    jenis: str = ""
    urusan: str = ""
    flat: tuple[object, ...] | None = None  # every field as one flat row, for exports only (coverage.rows.summarize_flat)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # A worker's summaries arrive in the parent as new objects, each with its own copy of the same few stages,
        # forms, sectors and dates: made again through `held`, 100,000 summaries hold each of those once.
        return held, tuple(self)


# The stages, forms, types, sectors, dates and pairs of dates of summaries made before: a few thousand values at
# 100,000 records, each kept once. Bounded, as values come from files.
_SHARED: Pool[object, object] = Pool()
T = TypeVar("T")


def shared(value: T) -> T:
    """`value`, or an equal one kept before (a summary's strings, dates and `Dates`; None stays None)."""
    if value is None:
        return value
    return _SHARED.one(value, value)  # type: ignore[return-value]  # equal to `value`, so of its type


def held(nama: str, tahapan: str, tanggal_lapor: date, tahun_rencana: int | None, waktu: Dates | None,
         bentuk: str = "", jenis: str = "", urusan: str = "", flat: tuple[object, ...] | None = None) -> Summary:
    """A summary made, unpickled or read back from the judgement cache: its repeated values shared with the
    summaries already in this process."""
    if waktu is not None:
        waktu = shared(Dates(shared(waktu.uji_coba), shared(waktu.penerapan)))
    return Summary(nama, shared(tahapan), shared(tanggal_lapor), tahun_rencana, waktu, shared(bentuk), shared(jenis),
                   shared(urusan), flat)


def summarize(record: Innovation) -> Summary:
    """Pass as `check(..., records=summarize)` so a national run keeps summaries, not records."""
    waktu = Dates(record.waktu.uji_coba, record.waktu.penerapan) if record.waktu else None
    return held(name(record.nama), record.tahapan, record.tanggal_lapor, record.tahun_rencana, waktu,
                record.bentuk, record.jenis, record.urusan.utama)
