"""R016 impor massal setelah git_sejak: a commit after `git_sejak` adding many records that all fail R014 together.

Yang diperiksa:
    Bila satu commit setelah `git_sejak` menambahkan sedikitnya 5 catatan dan sedikitnya separuh
    catatan yang ditambahkannya gagal R014 bersama-sama, commit itu tampaknya mengimpor catatan
    lama (misalnya saat repositori mulai dipakai). Satu error dilaporkan pada `ooi.yaml` yang
    menyebut commit itu dan `git_sejak` yang perlu ditulis; temuan R014 berkas-berkas itu tetap
    ada, tetapi sarannya menunjuk ke R016, bukan mengusulkan tanggal baru.
What it checks:
    When one commit after `git_sejak` adds at least 5 records and at least half of the records it
    adds fail R014 together, the commit looks like an import of existing records (e.g. when the
    repository started to be used). One error is reported on `ooi.yaml` naming the commit and the
    `git_sejak` to write; those files' R014 findings stay, but their hint points to R016 instead of
    proposing new dates.
Mengapa:
    Catatan lama yang diimpor sekaligus punya `tanggal_lapor` yang benar di masa lalu. Mengubah
    tanggal itu agar lolos R014 akan memalsukan riwayat; yang perlu diperbaiki adalah `git_sejak`.
Why:
    Records imported at once carry true past reporting dates. Moving those dates forward to pass
    R014 would falsify the history; what needs fixing is `git_sejak`.
Contoh lolos / Passing example:
    # 36 catatan lama di-commit sekaligus pada 2026-11-28
    git_sejak: 2026-11-28
Contoh gagal / Failing example:
    # 36 catatan lama di-commit sekaligus pada 2026-11-28
    git_sejak: 2026-11-01
"""

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
