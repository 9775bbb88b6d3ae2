"""S011 and R021: free texts as people see them: of a bounded length, and without disguise (mixed scripts, invisible)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from ooi.i18n import tr
from ooi.model.facts import facts
from ooi.model.findings import Problem, excerpt, field_name
from ooi.model.records import Agency, Innovation
from ooi.rules.context import Context
from ooi.rules.wording import has_words, texts
from ooi.text_safety import invisible, mixed_words

CODES = ("S011", "R021")
RECORDS = (Agency, Innovation)


@cache
def _bounds() -> tuple[int, int]:
    """(characters of a `nama`, words of any other text): `teks.batas` in data/prinsip.yaml."""
    bounds = facts()["teks"]["batas"]
    return bounds["nama_karakter"], bounds["kata"]


def check(record, context: Context) -> Iterator[Problem]:
    letters, words = _bounds()
    nama = getattr(record, "nama", None)
    if isinstance(nama, str) and len(nama) > letters:
        yield Problem(("nama",), tr("`nama` {n} karakter; paling banyak {m}", "`nama` has {n} characters; at most {m}",
                                    n=len(nama), m=letters),
                      tr("tulis nama yang singkat, paling banyak {m} karakter, mis. `Sigap Bumil`; uraiannya masuk "
                         "`latar_belakang`", "write a short name of at most {m} characters, e.g. `Sigap Bumil`; "
                         "the description goes in `latar_belakang`", m=letters), "S011")
    # Only a file long enough to hold a text past the bound, or holding a character beyond ASCII (written as
    # itself, or as a YAML escape such as `"\u200b"`), is walked.
    long, foreign = len(context.text) >= 2 * words + 1, not context.text.isascii() or "\\" in context.text
    if not (long or foreign):
        return
    for keys, text in texts(record.model_dump(warnings=False), ()):
        if long and keys != ("nama",) and has_words(text, words + 1):
            yield _too_long(keys, words)
        if foreign:
            yield from _disguised(keys, text)


def _too_long(keys: tuple, words: int) -> Problem:
    return Problem(keys, tr("`{f}` lebih dari {n} kata", "`{f}` has more than {n} words", f=field_name(keys),
                            n=f"{words:,}".replace(",", ".")),
                   tr("ringkas menjadi paling banyak {n} kata; dokumen lengkapnya lampirkan sebagai `bukti` (tautan "
                      "atau `berkas`)", "shorten it to at most {n} words; attach the full document as `bukti` (a link "
                      "or a `berkas`)", n=f"{words:,}".replace(",", ".")), "S011")


def _disguised(keys: tuple, text: str) -> Iterator[Problem]:
    hidden = invisible(text)
    if hidden:
        yield Problem(keys, tr("`{f}` memuat karakter tak terlihat: {c}", "`{f}` holds invisible characters: {c}",
                               f=field_name(keys), c=", ".join(hidden[:3])),
                      tr("hapus karakter itu: ketik ulang teksnya (jangan disalin dari dokumen atau pesan lain), "
                         "dengan spasi biasa di antara kata", "remove them: type the text again (not copied from "
                         "another document or message), with ordinary spaces between words"), "R021")
    mixed = mixed_words(text)
    if mixed:
        yield Problem(keys, tr("`{f}`: kata {w} mencampur huruf dari aksara berbeda (huruf yang tampak Latin tetapi "
                               "bukan)", "`{f}`: the word(s) {w} mix letters of different scripts (letters that look "
                               "Latin but are not)", f=field_name(keys),
                               w=", ".join(f"`{excerpt(word, 30)}`" for word in mixed[:3])),
                      tr("ketik ulang kata itu dengan huruf Latin biasa dari papan ketik",
                         "type the word again in plain Latin letters from the keyboard"), "R021")
