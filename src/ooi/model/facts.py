"""The facts the principle rules judge by, read once from the package's `data/prinsip.yaml`."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any, NamedTuple

import yaml


class Principle(NamedTuple):
    """One principle of PP 38/2017 Pasal 3: its code, YAML key, letter and legal wording."""

    code: str
    key: str
    letter: str
    legal: str  # the Indonesian wording of the regulation
    english: str

    @property
    def label(self) -> str:
        """`P2 (efektivitas)`: how a message names a principle."""
        return f"{self.code} ({self.key})"

    @property
    def source(self) -> str:
        return f"PP 38/2017 Pasal 3 huruf {self.letter}"


@cache
def facts() -> dict[str, Any]:
    text = resources.files("ooi").joinpath("data/prinsip.yaml").read_text(encoding="utf-8")
    found: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    return found


@cache
def principles() -> dict[str, Principle]:
    """P1…P8 in order, code → Principle."""
    return {code: Principle(code, row["kunci"], row["huruf"], row["bunyi"], row["en"])
            for code, row in facts()["prinsip"].items()}


def principle(code: str) -> Principle:
    return principles()[code]


def skm_band(value: float) -> str | None:
    """The SKM quality band (A–D) of an index value, or None outside the scale.

    Bands are read by their lower bounds, so a value between two printed ranges
    (64.995) falls in the lower band, as the printed upper bound (64.99) intends.
    """
    table = facts()["skm"]
    if not table["minimal"] <= value <= table["maksimal"]:
        return None
    for band in sorted(table["mutu"], key=lambda row: row["dari"], reverse=True):
        if value >= band["dari"]:
            return str(band["mutu"])
    return None


@cache
def synonyms() -> dict[str, Any]:
    """Everyday words for each choice of a record (`data/sinonim.yaml`): field → choice → {sama, awalan}."""
    text = resources.files("ooi").joinpath("data/sinonim.yaml").read_text(encoding="utf-8")
    found: dict[str, Any] = yaml.load(text, Loader=yaml.CSafeLoader)
    return found


_WORD_TOKEN = re.compile(r"\{(\w+)\.(minimal|saran)\}")


def with_word_counts(text: str) -> str:
    """`{latar_belakang.saran}` → 25: the one table of word counts (`teks` in data/prinsip.yaml), read
    wherever a count is written (rule docs, field docs, template comments, schema descriptions)."""
    if "{" not in text:
        return text
    table = facts()["teks"]
    return _WORD_TOKEN.sub(lambda match: str(table[match.group(1)].get(match.group(2), table[match.group(1)]["minimal"])),
                           text)
