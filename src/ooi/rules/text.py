"""Text checks the rules share: placeholders, word counts, and statements copied between principles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ooi.i18n import tr
from ooi.model.facts import facts, principle, principles
from ooi.model.findings import Problem, Severity
from ooi.model.records import TAHAPAN

_WORD = re.compile(r"\w+")
_EDGES = " \t\n.,:;!?-–—_*/\\\"'`()[]{}<>…"


def reached(record, stage: str) -> bool:
    """Whether the record's stage is `stage` or later (inisiatif → uji_coba → penerapan)."""
    return TAHAPAN.index(record.tahapan) >= TAHAPAN.index(stage)


def number(value: float) -> str:
    """7.0 → `7`, 97.6 → `97.6`: numbers as the person wrote them."""
    return str(int(value)) if float(value).is_integer() else str(value)


# Cached: every statement is compared with each earlier one, so one record asks about the
# same few texts dozens of times (a third of all rule time before).
@lru_cache(maxsize=4096)
def words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=4096)
def placeholder(text: str | None) -> bool:
    """True for text that stands in for content: empty, `-`, `ada`, `sudah`, `lorem ipsum`…"""
    if text is None:
        return True
    normal = " ".join(text.split()).casefold().strip(_EDGES)
    if normal in facts()["teks"]["pengisi"] or not _WORD.search(normal):
        return True
    return _opening().match(normal) is not None


@cache
def _opening() -> re.Pattern:
    """A placeholder opening (`lorem…`, or `todo` alone or before a space): one match, not a loop over openings."""
    starts = facts()["teks"]["awalan_pengisi"]
    whole = "|".join(re.escape(start) for start in starts)
    return re.compile(("lorem|" if "lorem" in starts else "") + f"(?:{whole})(?: |\\Z)")


@lru_cache(maxsize=4096)
def normal_words(text: str) -> str:
    """The words of a text, lowercased, without punctuation: what "word for word" compares."""
    return " ".join(_WORD.findall(text.casefold()))


def statement(record, code: str, guide: tuple[str, str]) -> Iterator[Problem]:
    """The principle's `uraian` is a real statement of its own (SPEC §4 "placeholder").

    `guide` is what to write for this principle (id, en), used as the hint.
    """
    this = principle(code)
    keys = ("prinsip", this.key, "uraian")
    text = getattr(record.prinsip, this.key).uraian
    hint = tr(*guide)
    if _said(record, this.key) is None:
        shown = " ".join(text.split())
        yield Problem(keys, tr("uraian {p} masih kosong", "the statement of {p} is empty", p=this.label) if not shown
                      else tr("uraian {p} masih berupa isian pengganti (\"{t}\")",
                              "the statement of {p} is a placeholder (\"{t}\")", p=this.label, t=shown[:40]), hint)
        return
    own = _said(record, this.key)
    for other in principles().values():
        if other.code == code:
            break
        if _said(record, other.key) == own:
            yield Problem(keys, tr("uraian {p} sama dengan uraian {o}",
                                   "the statement of {p} is the same as that of {o}", p=this.label, o=other.label),
                          tr("setiap prinsip diuraikan sendiri: {h}", "state each principle on its own: {h}", h=hint))
            return
    yield from length(keys, text, "uraian_prinsip", hint, tr("uraian {p}", "the statement of {p}", p=this.label))


# The statements of the record the rules are judging: each normalised once, shared by the eight principle
# rules (P8 compares its statement with seven others). Rules judge one record at a time, so one record is kept.
_last: list = [None, {}]


def _said(record, key: str) -> str | None:
    """The principle's statement as compared word for word, or None when it is a placeholder."""
    if _last[0] is not record:
        _last[0], _last[1] = record, {}
    said = _last[1]
    if key not in said:
        text = getattr(record.prinsip, key).uraian  # a draft may raise Unjudged here: nothing is kept then
        said[key] = None if placeholder(text) else normal_words(text)
    return said[key]


def length(keys: tuple, text: str, kind: str, hint: str, name: str, code: str | None = None) -> Iterator[Problem]:
    """Too few words for a `kind` of text (thresholds in data/prinsip.yaml): an error, or a warning as advice."""
    limits = facts()["teks"][kind]
    count = words(text)
    if count < limits["minimal"]:
        advice = tr(" (saran: {s} kata atau lebih)", " (advice: {s} words or more)", s=limits["saran"]) \
            if limits.get("saran", 0) > limits["minimal"] else ""
        yield Problem(keys, tr("{n} hanya {c} kata; minimal {m} kata{a}", "{n} has only {c} word(s); at least {m} "
                               "needed{a}", n=name, c=count, m=limits["minimal"], a=advice), hint, code)
    elif count < limits.get("saran", 0):
        yield Problem(keys, tr("{n} baru {c} kata; uraikan lebih lengkap (saran: {m} kata atau lebih)",
                               "{n} has only {c} words; say more (advice: {m} words or more)",
                               n=name, c=count, m=limits["saran"]), hint, code, Severity.WARNING)


def filled(keys: tuple, text: str, kind: str, hint: str, name: str, code: str | None = None) -> Iterator[Problem]:
    """A free text that must not be a placeholder and must reach its word count."""
    if placeholder(text):
        yield Problem(keys, tr("{n} masih berupa isian pengganti (\"{t}\")", "{n} is a placeholder (\"{t}\")",
                               n=name, t=" ".join(text.split())[:40]), hint, code)
    else:
        yield from length(keys, text, kind, hint, name, code)
