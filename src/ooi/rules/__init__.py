"""The explicit rule registry: every rule module by name; `get(code)` fails loudly."""

from __future__ import annotations

from functools import cache
from types import ModuleType

from ooi.rules import (
    content,
    free_text,
    iid_claims,
    imports,
    office_contact,
    ownership,
    p1_efisiensi,
    p2_efektivitas,
    p3_kualitas_pelayanan,
    p4_tanpa_konflik_kepentingan,
    p5_kepentingan_umum,
    p6_keterbukaan,
    p7_kepatutan,
    p8_akuntabilitas,
    references,
    reporting_date,
    similarity,
)

ALL: tuple[ModuleType, ...] = (
    references,
    content,
    p1_efisiensi,
    p2_efektivitas,
    p3_kualitas_pelayanan,
    p4_tanpa_konflik_kepentingan,
    p5_kepentingan_umum,
    p6_keterbukaan,
    p7_kepatutan,
    p8_akuntabilitas,
    iid_claims,
    reporting_date,
    imports,
    ownership,
    office_contact,
    free_text,
    similarity,
)


def codes_of(rule: ModuleType) -> tuple[str, ...]:
    return getattr(rule, "CODES", None) or (rule.CODE,)


def get(code: str) -> ModuleType:
    for rule in ALL:
        if code in codes_of(rule):
            return rule
    raise KeyError(f"no rule has code {code!r}")


def for_record(record) -> tuple[ModuleType, ...]:
    return _for_kind(type(record))


@cache
def _for_kind(kind: type) -> tuple[ModuleType, ...]:
    """The rules of a kind of record, chosen once per kind (asked for every file)."""
    return tuple(rule for rule in ALL if issubclass(kind, rule.RECORDS))
