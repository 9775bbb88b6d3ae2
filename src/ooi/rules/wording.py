"""Text checks the rules share: placeholders, word counts, and statements copied between principles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ooi.i18n import tr
from ooi.model.facts import facts, principle, principles
from ooi.model.findings import Problem, Severity
from ooi.model.records import TAHAPAN
from ooi.schema.draft import Unjudged

_WORD = re.compile(r"\w+")
_EDGES = " \t\n.,:;!?-–—_*/\\\"'`()[]{}<>…"


def reached(record, stage: str) -> bool:
    """Whether the record's stage is `stage` or later (inisiatif → uji_coba → penerapan)."""
    return TAHAPAN.index(record.tahapan) >= TAHAPAN.index(stage)


def number(value: float) -> str:
    """7.0 → `7`, 97.6 → `97.6`: numbers as the person wrote them."""
    return str(int(value)) if float(value).is_integer() else str(value)


@lru_cache(maxsize=4096)  # several rules ask of one text: kept for one run (see `forget`)
def words(text: str) -> int:
    return len(_WORD.findall(text))


@cache
def _at_least(count: int) -> re.Pattern:
    # Possessive: a word is never split in two to make up the count.
    return re.compile(rf"(?:\W*+\w++){{{count}}}")


def has_words(text: str, count: int) -> bool:
    """`text` holds at least `count` words (as `words` counts them), read only as far as the `count`th."""
    return _at_least(count).match(text) is not None


@lru_cache(maxsize=4096)
def placeholder(text: str | None) -> bool:
    """True for text that stands in for content: empty, `-`, `ada`, `sudah`, `lorem ipsum`…"""
    if text is None:
        return True
    if len(text) > _HEAD and _LETTER.search(text, _HEAD):
        # Long, with a letter or digit after its head: no stand-in is that long once normalised, and it has a word,
        # so only its opening can make it one; normalising the head is enough (most texts are long).
        head = " ".join(text[:_HEAD].split()).casefold().lstrip(_EDGES)
        if len(head) > _OPENING_MAX:
            return _opening().match(head) is not None
    normal = " ".join(text.split()).casefold().strip(_EDGES)
    if normal in facts()["teks"]["pengisi"] or not _WORD.search(normal):
        return True
    return _opening().match(normal) is not None


# How much of a long text's start decides whether it opens as a stand-in: longer than every stand-in and opening
# (tests/test_rules_shared.py holds data/prinsip.yaml to that).
_HEAD = 64
_LETTER = re.compile(r"[^\W_]")  # a word character that is not in _EDGES (the underscore is)
_OPENING_MAX = 24


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
    said = _Said.of(record)
    if said.normal(this.key) is None:
        shown = " ".join(text.split())
        yield Problem(keys, tr("uraian {p} masih kosong", "the statement of {p} is empty", p=this.label) if not shown
                      else tr("uraian {p} masih berupa isian pengganti (\"{t}\")",
                              "the statement of {p} is a placeholder (\"{t}\")", p=this.label, t=shown[:40]), tr(*guide))
        return
    other = said.same_before(code)
    if other is not None:
        yield Problem(keys, tr("uraian {p} sama dengan uraian {o}", "the statement of {p} is the same as that of {o}",
                               p=this.label, o=other.label),
                      tr("setiap prinsip diuraikan sendiri: {h}", "state each principle on its own: {h}", h=tr(*guide)))
        return
    if not enough(text, "uraian_prinsip"):  # its name put in words only for a text that falls short
        yield from length(keys, text, "uraian_prinsip", guide, tr("uraian {p}", "the statement of {p}", p=this.label))


_placeholder, _normal_words = placeholder.__wrapped__, normal_words.__wrapped__  # uncached: for texts asked once


class _Said:
    """The principle statements of the record the rules are judging, each normalised once and shared by P1–P8.

    Rules judge one record at a time, so one is kept. A principle is compared only with those before it, read
    in order and each once: a draft may raise Unjudged at a statement not written yet, and it stops a rule
    exactly where comparing the statements one by one, in order, would have stopped it.
    """

    last: _Said | None = None

    def __init__(self, record):
        self.record, self.normals = record, {}  # principle key → its statement's normal words (None: a placeholder)
        self.first: dict[str, object] = {}  # normal words → the first principle that says them
        self.read = 0  # how many principles, in order, are in `first`
        self.before = self._all()  # code → `same_before`, for a record whose statements are all text

    def _all(self) -> dict[str, object] | None:
        """Every statement of a record that has them all as text (every valid record) read in one pass, and
        for each principle the first before it that says the same; None for a draft, read one by one."""
        order = _order()[0]
        try:
            said = [getattr(self.record.prinsip, this.key).uraian for this in order]
        except Unjudged:
            return None
        if not all(type(text) is str for text in said):
            return None
        before: dict[str, object] = {}
        for this, text in zip(order, said):
            # asked of no other rule: not kept in the shared caches, where they would push out texts asked again
            normal = self.normals[this.key] = None if _placeholder(text) else _normal_words(text)
            if normal is not None:
                first = self.first.setdefault(normal, this)
                before[this.code] = first if first is not this else None
        self.read = len(order)
        return before

    @classmethod
    def of(cls, record) -> _Said:
        if cls.last is None or cls.last.record is not record:
            cls.last = cls(record)
        return cls.last

    def normal(self, key: str) -> str | None:
        """The statement as compared word for word, or None when it is a placeholder."""
        if key not in self.normals:
            text = getattr(self.record.prinsip, key).uraian  # a draft may raise Unjudged here: nothing is kept then
            self.normals[key] = None if placeholder(text) else normal_words(text)
        return self.normals[key]

    def same_before(self, code: str):
        """The first principle before `code` whose statement is word for word the same, or None."""
        if self.before is not None:
            return self.before.get(code)
        order, position = _order()
        index = position[code]
        own = self.normal(order[index].key)
        found = self.first.get(own)
        while found is None and self.read < index:
            other = order[self.read]
            said = self.normal(other.key)
            self.read += 1
            if said is not None:
                self.first.setdefault(said, other)
            found = other if said == own else None
        return found if found is not None and position[found.code] < index else None


@cache
def _order() -> tuple[tuple, dict[str, int]]:
    """The principles in order, and each code's place in it."""
    order = tuple(principles().values())
    return order, {principle.code: index for index, principle in enumerate(order)}


def length(keys: tuple, text: str, kind: str, guide: tuple[str, str], name: str, code: str | None = None,
           ) -> Iterator[Problem]:
    """Too few words for a `kind` of text (thresholds in data/prinsip.yaml): an error, or a warning as advice.

    `guide` (id, en) is the hint, put in words only for a text that falls short.
    """
    if enough(text, kind):
        return  # most texts: counted only as far as the advice, not to their end
    limits = facts()["teks"][kind]
    count = words(text)
    hint = tr(*guide)
    if count < limits["minimal"]:
        advice = tr(" (saran: {s} kata atau lebih)", " (advice: {s} words or more)", s=limits["saran"]) \
            if limits.get("saran", 0) > limits["minimal"] else ""
        yield Problem(keys, tr("{n} hanya {c} kata; minimal {m} kata{a}", "{n} has only {c} word(s); at least {m} "
                               "needed{a}", n=name, c=count, m=limits["minimal"], a=advice), hint, code)
    elif count < limits.get("saran", 0):
        yield Problem(keys, tr("{n} baru {c} kata; uraikan lebih lengkap (saran: {m} kata atau lebih)",
                               "{n} has only {c} words; say more (advice: {m} words or more)",
                               n=name, c=count, m=limits["saran"]), hint, code, Severity.WARNING)


def enough(text: str, kind: str) -> bool:
    """`text` reaches the word count of a `kind` of text and its advice (data/prinsip.yaml): `length` finds nothing."""
    return _at_least(_enough(kind)).match(text) is not None


@cache
def _enough(kind: str) -> int:
    limits = facts()["teks"][kind]
    return max(limits["minimal"], limits.get("saran", 0))


def filled(keys: tuple, text: str, kind: str, guide: tuple[str, str], name: str, code: str | None = None,
           ) -> Iterator[Problem]:
    """A free text that must not be a placeholder and must reach its word count; `guide` (id, en) is the hint."""
    if placeholder(text):
        yield Problem(keys, tr("{n} masih berupa isian pengganti (\"{t}\")", "{n} is a placeholder (\"{t}\")",
                               n=name, t=" ".join(text.split())[:40]), tr(*guide), code)
    else:
        yield from length(keys, text, kind, guide, name, code)


def texts(value, keys: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text inside a record's data, with its key path: `(("bukti", 0, "judul"), "SK ...")`."""
    if isinstance(value, str):
        yield keys, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*keys, index))


def forget() -> None:
    """Let go of the texts the checks of a run asked about: the engine calls it when a run ends, so no word
    outlives the call that read it (and a long-lived caller does not carry one run's texts into the next)."""
    for asked in (words, placeholder, normal_words):
        asked.cache_clear()
