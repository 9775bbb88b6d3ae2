"""R016 impor massal setelah git_sejak: a commit after `git_sejak` adding many records that all fail R014 together."""

from __future__ import annotations

from datetime import date

from ooi.i18n import tr
from ooi.model.findings import Problem

CODE = "R016"
RECORDS = ()  # judged across the records of one commit (engine/filing.py), never one record alone
MINIMUM = 5  # records failing R014 together before a commit is taken for an import


def is_bulk(failing: int, added: int) -> bool:
    """At least MINIMUM records, and at least half of those the commit adds, fail R014 together."""
    return failing >= MINIMUM and 2 * failing >= added


def problem(commit: str, day: date, failing: int, added: int) -> Problem:
    return Problem(("git_sejak",), tr(
        "commit {c} ({d}) menambahkan {a} catatan dan {n} di antaranya gagal R014 bersama: tampaknya impor "
        "catatan lama setelah `git_sejak`",
        "commit {c} ({d}) adds {a} records and {n} of them fail R014 together: it looks like an import of "
        "existing records after `git_sejak`", c=commit, d=day, a=added, n=failing),
        tr("bila commit itu mengimpor catatan lama, tulis `git_sejak: {d}` di ooi.yaml",
           "if that commit imported existing records, write `git_sejak: {d}` in ooi.yaml", d=day), code=CODE)


def r014_hint(commit: str) -> str:
    """The hint of an R014 whose cause is the import: never a date that would move a true past date forward."""
    return tr("jangan ubah tanggal_lapor: berkas ini bagian dari impor di commit {c}; lihat R016 di ooi.yaml",
              "do not change tanggal_lapor: this file is part of the import in commit {c}; see R016 in ooi.yaml",
              c=commit)
