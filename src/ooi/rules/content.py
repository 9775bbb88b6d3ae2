"""S010 isian teks: the free texts outside the principles say something real, not a placeholder."""

from __future__ import annotations

from collections.abc import Iterator

from ooi.i18n import tr
from ooi.model.findings import Problem, Severity, field_name
from ooi.model.records import Innovation
from ooi.rules.context import Context
from ooi.rules.independent import independent
from ooi.rules.wording import filled, normal_words, placeholder

CODE = "S010"
RECORDS = (Innovation,)

_GUIDES = {
    "latar_belakang": ("uraikan masalahnya, siapa yang terdampak, seberapa besar (dengan angka), dan mengapa "
                       "perlu diselesaikan sekarang", "describe the problem, who it affects, how much (with "
                       "figures), and why it must be solved now"),
    "rancang_bangun": ("uraikan cara kerja inovasi langkah demi langkah dan apa yang berubah dibanding cara lama",
                       "describe how the innovation works step by step and what changes against the old way"),
    "tujuan": ("tulis apa yang ingin dicapai, sebaiknya terukur", "write what it aims to achieve, best measurably"),
    "manfaat": ("tulis apa yang didapat penerima manfaat", "write what the beneficiaries gain"),
    "hasil": ("tulis capaian dengan angka, mis. \"waktu layanan turun dari 7 menjadi 3 hari\"",
              "write the results with figures, e.g. \"the service time fell from 7 to 3 days\""),
}


def check(record: Innovation, context: Context) -> Iterator[Problem]:
    yield from independent(*(_text(record, key, guide) for key, guide in _GUIDES.items()), _same(record),
                           _short(record))


def _text(record: Innovation, key: str, guide: tuple[str, str]) -> Iterator[Problem]:
    text = getattr(record, key)
    if text is not None:
        yield from filled((key,), text, key, guide, f"`{key}`")


def _same(record: Innovation) -> Iterator[Problem]:
    if not placeholder(record.manfaat) and normal_words(record.manfaat) == normal_words(record.tujuan):
        yield Problem(("manfaat",), tr("`manfaat` sama dengan `tujuan`", "`manfaat` is the same as `tujuan`"),
                      tr(*_GUIDES["manfaat"]), severity=Severity.WARNING)


def _short(record: Innovation) -> Iterator[Problem]:
    short = [(("keluaran", "indikator"), record.keluaran.indikator),
             (("penerima_manfaat", "uraian"), record.penerima_manfaat.uraian)]
    short += [(("jadwal", i, "kegiatan"), step.kegiatan) for i, step in enumerate(record.jadwal or ())]
    yield from independent(*(_not_placeholder(keys, text) for keys, text in short))


def _not_placeholder(keys: tuple, text: str) -> Iterator[Problem]:
    if placeholder(text):
        yield Problem(keys, tr("`{k}` masih berupa isian pengganti (\"{t}\")", "`{k}` is a placeholder (\"{t}\")",
                               k=field_name(keys), t=" ".join(text.split())[:40]),
                      tr("tulis isinya dengan kata-kata sendiri; contoh ada di `ooi explain S010`",
                         "write it in your own words; examples in `ooi explain S010`"))
