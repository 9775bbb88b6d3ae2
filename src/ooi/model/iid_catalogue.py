"""The IID catalogues (`data/iid/<year>.yaml`): indicators, weights, levels, evidence, predikat; read once, typed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

LEVELS = (1, 2, 3)


@dataclass(frozen=True)
class Fit:
    """Where the catalogue says a record fact bounds the level: a choice value → level, or a percentage."""

    fact: str = ""  # a dotted path with `[]` for lists, e.g. `prinsip.kepatutan.dasar_hukum[].jenis`
    values: tuple[tuple[str, int], ...] = ()  # fact value → the highest level it supports
    ratio: tuple[str, str] = ("", "")  # numerator, denominator paths: a percentage
    floors: tuple[tuple[int, float], ...] = ()  # level → the lowest percentage that reaches it


@dataclass(frozen=True)
class Indicator:
    nomor: int  # the SID number on the portal
    kunci: str  # the stable key an `iid:` block uses
    nama: str
    bobot: int
    wajib: bool
    tingkat: dict[int, str]  # level → what it means
    bukti_jenis: tuple[str, ...]  # the `bukti.jenis` that fit this indicator
    bukti: str  # the evidence the portal asks for, in words
    sumber: str
    keyakinan: str
    nama_lama: str = ""
    fit: Fit | None = None

    @property
    def maksimum(self) -> int:
        return self.bobot * max(LEVELS)


@dataclass(frozen=True)
class Band:
    nama: str
    dari: float
    sampai: float


@dataclass(frozen=True)
class Column:
    judul: str  # the portal's label
    kunci: str  # the record key that fills it
    minimal_kata: int = 0


@dataclass(frozen=True)
class Catalogue:
    siklus: int
    sumber: str
    keyakinan: str
    catatan: str
    indicators: tuple[Indicator, ...]
    bands: tuple[Band, ...]  # highest first
    bands_sumber: str
    bands_keyakinan: str
    columns: tuple[Column, ...]
    choices: dict[str, dict[str, str]]  # record key → ooi value → the portal's word

    @property
    def maksimum(self) -> int:
        return sum(indicator.maksimum for indicator in self.indicators)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(indicator.kunci for indicator in self.indicators)

    def get(self, kunci: str) -> Indicator | None:
        return next((indicator for indicator in self.indicators if indicator.kunci == kunci), None)

    def predikat(self, percent: float) -> str:
        """The band whose lower bound the percentage (rounded to 2 decimals) reaches; bands are read top down."""
        value = round(percent, 2)
        for band in self.bands:
            if value >= band.dari:
                return band.nama
        return self.bands[-1].nama

    @property
    def min_words(self) -> int:
        """The portal's least word count for `rancang_bangun` (300 in the catalogues shipped)."""
        return next((column.minimal_kata for column in self.columns if column.kunci == "rancang_bangun"), 0)


@cache
def years() -> tuple[int, ...]:
    folder = resources.files("ooi").joinpath("data/iid")
    return tuple(sorted(int(item.name[:-5]) for item in folder.iterdir()
                        if item.name.endswith(".yaml") and item.name[:-5].isdigit()))


def nearest(year: int | None) -> int:
    """The catalogue year for `year`: itself, else the latest before it, else the earliest (None: the latest)."""
    known = years()
    if year is None:
        return known[-1]
    earlier = [y for y in known if y <= year]
    return earlier[-1] if earlier else known[0]


@cache
def catalogue(year: int) -> Catalogue:
    """The catalogue of cycle `year`; KeyError when no file exists for it."""
    if year not in years():
        raise KeyError(year)
    text = resources.files("ooi").joinpath(f"data/iid/{year}.yaml").read_text(encoding="utf-8")
    return _build(yaml.load(text, Loader=yaml.CSafeLoader))


def _build(data: dict[str, Any]) -> Catalogue:
    sumber, keyakinan = data["sumber"], data["keyakinan"]
    indicators = tuple(_indicator(row, sumber, keyakinan) for row in data["indikator"])
    bands = sorted((Band(row["nama"], float(row["dari"]), float(row["sampai"])) for row in data["predikat"]["pita"]),
                   key=lambda band: band.dari, reverse=True)
    profil = data["profil"]
    columns = tuple(Column(row["judul"], row["kunci"], int(row.get("minimal_kata", 0))) for row in profil["kolom"])
    return Catalogue(int(data["siklus"]), sumber, keyakinan, data.get("catatan", ""), indicators, tuple(bands),
                     data["predikat"]["sumber"], data["predikat"]["keyakinan"], columns,
                     {key: {str(k): str(v) for k, v in table.items()} for key, table in profil["pilihan"].items()})


def _indicator(row: dict[str, Any], sumber: str, keyakinan: str) -> Indicator:
    fit = row.get("sesuai")
    return Indicator(
        nomor=int(row["nomor"]), kunci=row["kunci"], nama=row["nama"], bobot=int(row["bobot"]),
        wajib=bool(row.get("wajib", False)), tingkat={int(k): str(v) for k, v in row["tingkat"].items()},
        bukti_jenis=tuple(row["bukti_jenis"]), bukti=row["bukti"], sumber=row.get("sumber", sumber),
        keyakinan=row.get("keyakinan", keyakinan), nama_lama=row.get("nama_lama", ""),
        fit=_fit(fit) if fit else None)


def _fit(row: dict[str, Any]) -> Fit:
    if "rasio" in row:
        return Fit(ratio=tuple(row["rasio"]), floors=tuple((int(k), float(v)) for k, v in row["dari"].items()))
    return Fit(fact=row["fakta"], values=tuple((str(k), int(v)) for k, v in row["nilai"].items()))
