"""The one shape of an innovation past judging: the few fields coverage, reports and the matrix read, made once."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from ooi.model.records import Innovation
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


def summarize(record: Innovation) -> Summary:
    """Pass as `check(..., records=summarize)` so a national run keeps summaries, not records."""
    waktu = Dates(record.waktu.uji_coba, record.waktu.penerapan) if record.waktu else None
    return Summary(name(record.nama), record.tahapan, record.tanggal_lapor, record.tahun_rencana, waktu,
                   record.bentuk, record.jenis, record.urusan.utama)
