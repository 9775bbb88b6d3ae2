"""Flat rows for exports: one per record (every field under a dotted name), per agency, per finding. Pure.

Dates stay dates and numbers stay numbers; a list becomes one text cell (" | " between its
items), so every record has the same columns whatever it holds. Other exports (the IID
formats) build on `record_rows` and `flatten`.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from datetime import date

from pydantic import BaseModel

from ooi.coverage.tally import LATER, REGISTRY, Coverage, FileStanding
from ooi.model.summary import Summary, summarize
from ooi.input.discovery import INNOVATIONS, folder_of
from ooi.model.records import Agency, Innovation, Kontak

# How each file counts, as the export says it (the standings of coverage.tally).
STANDING = {
    "target": ("terhitung tahun target", "counts in the target year"),
    "window": ("terhitung dalam jendela (sudah melapor)", "counts in the window (reported)"),
    "outside": ("di luar jendela tahun", "outside the window of years"),
    "pending": ("belum terhitung (uji coba setelah tanggal per)", "not yet counted (pilot after the as-of date)"),
    "plan": ("rencana tahun target", "plan for the target year"),
    "other_plan": ("rencana tahun lain", "plan for another year"),
    "errors": ("tidak terhitung: ada error", "does not count: has errors"),
    "broken": ("tidak terbaca sebagai rekaman", "not readable as a record"),
}


def _model(annotation: object) -> type[BaseModel] | None:
    """The record model inside `X | None` or `X`, if any (lists are cells, not columns)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [_model(arg) for arg in typing.get_args(annotation)]
        return next((model for model in found if model is not None), None)
    return None


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Every leaf field of `model` as a dotted name, in the order the model declares them."""
    names = []
    for name, info in model.model_fields.items():
        inner = _model(info.annotation)
        names += columns(inner, f"{prefix}{name}.") if inner else [prefix + name]
    return names


FIELDS = tuple(columns(Innovation))
KONTAK = tuple(f"kontak.{name}" for name in Kontak.model_fields)


def cell(value: object) -> object:
    """A value as one cell: None stays empty, dates and numbers stay typed, a list becomes text."""
    if isinstance(value, list):
        return " | ".join(_item(item) for item in value) if value else None
    if isinstance(value, (bool, int, float, str, date)) or value is None:
        return value
    return str(value)


def _item(item: object) -> str:
    if isinstance(item, dict):
        return "; ".join(f"{key}: {value}" for key, value in item.items() if value is not None and value != [])
    return str(item)


def flatten(record: BaseModel) -> dict[str, object]:
    """Every field of a record under its dotted name; read it by the names of FIELDS (an absent optional
    part, e.g. `waktu: null`, is one key `waktu` there, so its leaves read as empty).

    One `model_dump` (pydantic's compiled serializer) and a walk over plain dicts: twice as
    fast as walking the model's attributes, which matters at 20,000 records.
    """
    row: dict[str, object] = {}
    _walk(record.model_dump(), "", row)
    return row


def _walk(data: dict[str, object], prefix: str, row: dict[str, object]) -> None:
    for name, value in data.items():
        if isinstance(value, dict):
            _walk(value, f"{prefix}{name}.", row)
        else:
            row[prefix + name] = cell(value)


def summarize_flat(record: Innovation) -> Summary:
    """`check(..., records=summarize_flat)`: coverage's summary plus the flat row, made where the record is judged.

    The row is kept as a tuple in the order of FIELDS: a dict per record would cost as much
    memory as the record's text itself (≈2 KB of keys and slots, times 100,000 at national scale).
    """
    flat = flatten(record)
    return summarize(record)._replace(flat=tuple(flat.get(name) for name in FIELDS))


def record_rows(coverage: Coverage) -> Iterator[dict[str, object]]:
    """One row per innovation or plan file as of D: the registered agencies' (active or not), then those of none.

    Rows are made as they are read, so an export holds one at a time besides the flat tuples.
    """
    for entry in (*coverage.agencies, *coverage.inactive):
        for filed in entry.files:
            if filed.standing not in (REGISTRY, LATER):
                yield _row(filed, entry.kode, entry.nama, entry.status)
    for filed in coverage.other:
        if filed.path.startswith(INNOVATIONS + "/"):
            yield _row(filed, folder_of(filed.path), None, None)


def record_count(coverage: Coverage) -> int:
    """How many rows `record_rows` gives."""
    registered = sum(f.standing not in (REGISTRY, LATER) for e in (*coverage.agencies, *coverage.inactive)
                     for f in e.files)
    return registered + sum(f.path.startswith(INNOVATIONS + "/") for f in coverage.other)


_EMPTY = (None,) * len(FIELDS)


def _row(filed: FileStanding, kode: str, nama: str | None, status: str | None) -> dict[str, object]:
    flat = getattr(filed.record, "flat", None) or _EMPTY
    return {"path": filed.path, "kode_opd": kode, "nama_opd": nama, "status_opd": status,
            "terhitung": filed.standing, "tahun_terhitung": ", ".join(map(str, filed.years)) or None,
            "error": filed.errors, "peringatan": filed.warnings, **dict(zip(FIELDS, flat))}


# The name first and the path last (SPEC §12): a person reads a row from what it is to where it lives.
RECORD_COLUMNS = ("nama", "kode_opd", "nama_opd", "tahapan", *(f for f in FIELDS if f not in ("nama", "tahapan")),
                  "status_opd", "terhitung", "tahun_terhitung", "error", "peringatan", "path")


def contact(agency: Agency) -> dict[str, object]:
    kontak = agency.kontak
    return {name: getattr(kontak, name.split(".")[1]) if kontak else None for name in KONTAK}


AGENCY_COLUMNS = ("nama", "kode", "singkatan", "jenis", "induk", "status", "inovasi", "rencana", "error",
                  "peringatan", *KONTAK)


def agency_rows(coverage: Coverage) -> list[dict[str, object]]:
    """One row per active agency, in the order of `ooi status`."""
    return [{"kode": e.kode, "nama": e.nama, "singkatan": e.agency.singkatan, "jenis": e.agency.jenis,
             "induk": e.agency.induk, "status": e.status, "inovasi": len(e.innovations), "rencana": len(e.plans),
             "error": e.errors, "peringatan": e.warnings, **contact(e.agency)} for e in coverage.agencies]


FINDING_COLUMNS = ("pesan", "saran", "kunci", "tingkat", "kode", "dikecualikan", "baris", "kolom", "path")


def finding_rows(coverage: Coverage) -> list[dict[str, object]]:
    """Every finding of the files coverage judged (filed after D: left out), by path and line."""
    files = [f for e in (*coverage.agencies, *coverage.inactive) for f in e.files if f.standing != LATER]
    files += coverage.other
    return [{"path": f.path, "baris": f.line, "kolom": f.column, "kode": f.code, "tingkat": f.severity.value,
             "kunci": f.field, "pesan": str(f.message), "saran": str(f.hint), "dikecualikan": bool(f.waived_by)}
            for filed in sorted(files, key=lambda filed: filed.path) for f in filed.findings]
