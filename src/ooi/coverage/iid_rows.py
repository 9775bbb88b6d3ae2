"""The IID export as rows (SPEC §14): the portal's profile per innovation, and one row per (innovation, indicator)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ooi.model.iid_catalogue import Catalogue
from ooi.model.records import Innovation

# ooi's own columns before the portal's: where each row comes from, so the secretariat can find the file.
SOURCE_COLUMNS = ("Berkas", "OPD")
INDICATOR_COLUMNS = (*SOURCE_COLUMNS, "Nama Inovasi", "Nomor SID", "Indikator", "Kunci", "Bobot", "Wajib", "Level",
                     "Parameter", "Skor", "Judul Bukti", "Tautan Bukti")


@dataclass(frozen=True)
class IidExport:
    catalogue: Catalogue
    profile_columns: tuple[str, ...]
    profiles: tuple[tuple[object, ...], ...]
    indicator_columns: tuple[str, ...]
    indicators: tuple[tuple[object, ...], ...]


def profile_columns(catalogue: Catalogue) -> tuple[str, ...]:
    """ooi's source columns, then the portal's profile columns in the portal's order (from the catalogue)."""
    return (*SOURCE_COLUMNS, *(column.judul for column in catalogue.columns))


def rows(records: list[tuple[str, Innovation]], catalogue: Catalogue, sectors: dict[str, str]) -> IidExport:
    """Every innovation (any stage: the portal takes plans as `inisiatif`), in path order."""
    ordered = sorted(records, key=lambda pair: pair[0])
    profiles = tuple((path, record.opd, *(_profile_value(record, column.kunci, catalogue, sectors)
                                          for column in catalogue.columns)) for path, record in ordered)
    indicators = tuple(row for path, record in ordered for row in _indicator_rows(path, record, catalogue))
    return IidExport(catalogue, profile_columns(catalogue), profiles, INDICATOR_COLUMNS, indicators)


def _indicator_rows(path: str, record: Innovation, catalogue: Catalogue) -> Iterator[tuple[object, ...]]:
    claims = record.iid or {}
    for item in catalogue.indicators:
        claim = claims.get(item.kunci)
        cited = [record.bukti[i] for i in (claim.bukti if claim else ()) if i < len(record.bukti)]
        level = claim.level if claim else None
        yield (path, record.opd, record.nama, item.nomor, item.nama, item.kunci, item.bobot,
               "ya" if item.wajib else "tidak", level, item.tingkat[level] if level else "",
               item.bobot * level if level and record.tahapan != "inisiatif" else 0,
               "\n".join(evidence.judul for evidence in cited),
               "\n".join(evidence.tautan or evidence.berkas or "" for evidence in cited))


def _profile_value(record: Innovation, key: str, catalogue: Catalogue, sectors: dict[str, str]) -> object:
    """One profile cell as the portal words it; dates stay dates, absent values are empty."""
    words = catalogue.choices.get(key)
    if words is not None:
        value = getattr(record, key)
        return words.get(value, value)
    if key == "urusan.utama":
        return _sector(record.urusan.utama, sectors)
    if key == "urusan.irisan":
        return "; ".join(_sector(code, sectors) for code in record.urusan.irisan)
    if key.startswith("waktu."):
        value = getattr(record.waktu, key.split(".", 1)[1], None) if record.waktu else None
        return value if isinstance(value, date) else ""
    if key == "tematik":
        return "; ".join(record.tematik)
    if key == "anggaran":
        return _budget(record)
    value = getattr(record, key, None)
    return "" if value is None else value


def _sector(code: str, sectors: dict[str, str]) -> str:
    return f"{code} {sectors[code]}" if code in sectors else code


def _budget(record: Innovation) -> str:
    """The portal asks for a budget file: the DPA evidence when there is one, after the source and amount."""
    budget = record.anggaran
    text = "tanpa anggaran" if budget.sumber == "tanpa_anggaran" else f"{budget.sumber.upper()} Rp{budget.jumlah:,}"
    text = text.replace(",", ".")
    files = [f"{e.judul}: {e.tautan or e.berkas}" for e in record.bukti if e.jenis == "dpa" and (e.tautan or e.berkas)]
    return "\n".join([text, *files])
