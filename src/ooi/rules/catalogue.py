"""One catalogue of every finding code, id/en: titles and severities from `model.codes`, documentation from `data/kode.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ooi.i18n import Message, tr
from ooi.model.codes import CODES, PRINCIPLE_CODES, default_severity, known_codes
from ooi.model.findings import Severity
from ooi.model.names import did_you_mean

_FAMILIES = {"Y": ("berkas", "file"), "S": ("skema", "schema"), "R": ("rujukan", "references"),
             "I": ("indeks inovasi daerah", "regional innovation index"), "P": ("prinsip", "principles")}


@dataclass(frozen=True)
class CodeDoc:
    """What `ooi explain CODE` shows: title, what it checks, why, a passing and a failing example."""

    code: str
    severity: Severity
    title: Message
    what: Message
    why: Message
    passing: Message
    failing: Message
    source: str = ""  # the legal source of a principle, e.g. "PP 38/2017 Pasal 3 huruf d"

    @property
    def family(self) -> Message:
        return Message(*_FAMILIES[self.code[0]])


def title(code: str) -> str:
    if code in CODES:
        return tr(CODES[code].title_id, CODES[code].title_en)
    return str(entry(code).title) if code in known_codes() else code


def entries() -> tuple[CodeDoc, ...]:
    return tuple(entry(code) for code in known_codes())


@cache
def entry(code: str) -> CodeDoc:
    """The documentation of one code; KeyError for a code that does not exist."""
    if code not in known_codes():
        raise KeyError(code)
    docs = _docs(code)
    if code in PRINCIPLE_CODES:
        from ooi.model.facts import principle

        fact = principle(code)
        return CodeDoc(code, default_severity(code), Message(fact.legal, fact.english), *docs, source=fact.source)
    row = CODES[code]
    return CodeDoc(code, row.severity, Message(row.title_id, row.title_en), *docs)


def suggest(code: str) -> str | None:
    """The known code nearest to a mistyped one (`p4` → `P4`, `R04` → `R004`)."""
    wanted = code.strip().upper()
    if wanted in known_codes():
        return wanted
    if wanted[:1] in "YSRI" and wanted[1:].isdigit():
        padded = wanted[0] + wanted[1:].zfill(3)
        if padded in known_codes():
            return padded
    return did_you_mean(wanted, known_codes(), cutoff=0.5)


def more(code: str) -> str:
    """Reference material some codes point to (`ooi explain R004` lists the sector codes)."""
    if code == "I001":
        from ooi.model.iid_catalogue import catalogue, nearest

        return "\n".join(f"  {item.kunci:<21} SID {item.nomor}  {item.nama} (bobot {item.bobot}"
                         + (", wajib)" if item.wajib else ")") for item in catalogue(nearest(None)).indicators)
    if code != "R004":
        return ""
    from ooi.model.sectors import sectors

    return "\n".join(f"  {number}  {name}" for number, name in sectors().items())


@cache
def _data() -> dict:
    import yaml

    text = resources.files("ooi").joinpath("data/kode.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=yaml.CSafeLoader)


def _docs(code: str) -> tuple[Message, ...]:
    """what, why, passing, failing, with the word counts of data/prinsip.yaml written in."""
    from ooi.model.facts import with_word_counts

    row = _data().get(code, {})

    def text(key: str, english: str) -> Message:
        said = with_word_counts(str(row.get(key, "")).strip("\n"))
        return Message(said, with_word_counts(str(row.get(english, said)).strip("\n")))

    return text("apa", "what"), text("mengapa", "why"), text("lolos", "lolos_en"), text("gagal", "gagal_en")
