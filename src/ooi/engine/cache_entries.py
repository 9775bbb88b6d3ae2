"""A judgement as an entry of a cache pack's JSON, and back exactly: findings with their catalogue messages,
R007's name, R015's signature, the places of the keys checks across files point at, coverage's summary."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any, cast

from ooi.engine.memo import Judgement, days, packed_days
from ooi.engine.result import FileResult, Named, shared_keys, shared_places
from ooi.i18n import Message
from ooi.model.findings import Finding, Severity
from ooi.model.records import Innovation
from ooi.model.summary import Dates, Summary, held, summarize
from ooi.rules.similarity import WIDTH, Signature

FORMAT = 3  # what a pack holds and how (3: signatures of 4-byte values): a pack of another format is never read


class Unkept(Exception):
    """A value the pack's JSON would not give back exactly: that file is judged again next time."""


def entries(body: bytes | None) -> tuple[dict[str, list[Any]], list[str]]:
    """path → entry of a pack's body, and its table of texts; nothing when it is not a pack of this format."""
    if body is None:
        return {}, []
    try:
        version, entries, table = json.loads(body)
        if version != FORMAT or type(table) is not list or any(type(text) is not str for text in table):
            return {}, []
        return {entry[0][0]: entry for entry in entries if type(entry) is list}, table
    except (ValueError, TypeError, IndexError, KeyError, RecursionError):
        return {}, []


def encode(key: list[Any], today: date, turns: bytes, result: FileResult, texts: Texts) -> list[Any]:
    """A pack entry: the key it holds for, the day it was made for, its dates, findings, name, signature, places,
    and the summary `ooi status` keeps of the record (made for every run: validate's entries serve status too)."""
    record = result.record
    named = [record.opd, record.nama] if isinstance(record, Innovation) else None
    signature = result.signature
    signed = [base64.b64encode(signature.packed).decode("ascii"), signature.name] if signature is not None else None
    places = {name: list(place) for name, place in result.places.items()} if result.places is not None else None
    summary = _summary(summarize(record)) if isinstance(record, Innovation) else None
    return [key, today.isoformat(), [turn.isoformat() for turn in days(turns)],
            [_finding(finding, texts) for finding in result.findings], texts.plain(named), signed, places, summary]


def _summary(summary: Summary) -> list[Any]:
    waktu = summary.waktu
    texts = (summary.nama, summary.tahapan, summary.bentuk, summary.jenis, summary.urusan)
    days = (summary.tanggal_lapor, *(waktu or ()))
    if summary.flat is not None or any(type(text) is not str for text in texts) \
            or any(day is not None and type(day) is not date for day in days) \
            or (summary.tahun_rencana is not None and type(summary.tahun_rencana) is not int):
        raise Unkept  # what JSON would not give back as it is
    return [summary.nama, summary.tahapan, summary.tanggal_lapor.isoformat(), summary.tahun_rencana,
            None if waktu is None else [_day(waktu.uji_coba), _day(waktu.penerapan)],
            summary.bentuk, summary.jenis, summary.urusan]


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def summary_of(kept: list[Any]) -> Summary:
    """The summary an entry holds (`_summary`); TypeError, ValueError or IndexError when it is not one."""
    nama, tahapan, filed, planned, waktu, bentuk, jenis, urusan = kept
    if planned is not None and type(planned) is not int:
        raise TypeError("not a year")
    dates = None if waktu is None else Dates(_date(waktu[0]), _date(waktu[1]))
    # its stage, form, type, sector and dates each held once, as a worker's summaries are (JSON makes a copy of each)
    return held(plain_str(nama), plain_str(tahapan), date.fromisoformat(plain_str(filed)), planned, dates,
                plain_str(bentuk), plain_str(jenis), plain_str(urusan))


def _date(value: object) -> date | None:
    return None if value is None else date.fromisoformat(plain_str(value))


def _finding(finding: Finding, texts: Texts) -> list[Any]:
    if finding.waived_by:
        raise Unkept
    plain = texts.plain
    return [finding.line, finding.column, finding.code, finding.severity.value, plain(finding.field),
            plain(finding.message), plain(finding.hint), plain(list(finding.keys)), plain(finding.related)]


class Texts:
    """A pack's values as JSON gives them back exactly: texts, numbers, None, lists of them, a date as {d: ISO},
    and a catalogue Message as {i, e: its id and English, numbered in the pack's `table`; v: its values}
    (rendered when written, in the language of the output). Read back, texts are made once per run (`shared`)
    and messages are shared by the catalogue: 60,000 findings repeat a few hundred."""

    def __init__(self, shared: dict[object, Any], table: list[str]) -> None:
        self.shared, self.table = shared, table
        self.numbers = {text: number for number, text in enumerate(table)}

    def plain(self, value: object) -> object:
        """`value` as the pack writes it; Unkept when JSON would not give it back as it is."""
        kind = type(value)
        if kind is list:
            return [self.plain(item) for item in cast("list[object]", value)]
        if kind is str or kind is int or kind is float or kind is bool or value is None:
            return value
        if kind is date:
            return {"d": cast(date, value).isoformat()}
        if kind is Message:
            message = cast(Message, value)
            return {"i": self._number(message.id), "e": self._number(message.en),
                    "v": {name: self.plain(item) for name, item in message.values.items()}}
        raise Unkept

    def _number(self, text: str) -> int:
        number = self.numbers.get(text)
        if number is None:
            number = self.numbers[text] = len(self.table)
            self.table.append(text)
        return number

    def value(self, value: object) -> object:
        """What `plain` wrote, made again."""
        kind = type(value)
        if kind is str:
            return self.shared.setdefault(value, value)
        if kind is dict:
            return self._message(cast("dict[str, object]", value))
        if kind is list:
            return [item if type(item) not in _MADE else self.value(item) for item in cast("list[object]", value)]
        return value

    def read(self, value: object) -> str:
        """A finding's text as `plain` wrote it: a str, or a Message."""
        if type(value) is str:
            return cast(str, self.shared.setdefault(value, value))
        made = self.value(value)
        if not isinstance(made, str):
            raise TypeError("not a text")
        return made

    def _message(self, made: dict[str, object]) -> object:
        if "d" in made:
            return date.fromisoformat(plain_str(made["d"]))
        id_number, en_number, values = made["i"], made["e"], made["v"]
        if type(id_number) is not int or type(en_number) is not int or type(values) is not dict:
            raise TypeError("not a message")
        # Made through the catalogue, which shares its messages already (one per entry, and per entry and values).
        return Message(self.table[id_number], self.table[en_number],
                       {name: item if type(item) not in _MADE else self.value(item)
                        for name, item in cast("dict[str, object]", values).items()})


_MADE = (dict, list)  # what `Texts.value` makes again; anything else JSON gives back as it was written


def decode(entry: list[Any], rel: str, texts: Texts) -> Judgement:
    """The judgement an entry of `rel` holds; TypeError, ValueError, KeyError or IndexError when it is not one."""
    _, made, turns, listed, named, signed, places, _ = entry
    findings = []
    for line, column, code, severity, name, message, hint, keys, related in listed:
        if type(line) is not int or type(column) is not int or type(keys) is not list:
            raise TypeError("not a place")
        findings.append(Finding(rel, line, column, texts.read(code), _SEVERITY[severity], texts.read(name),
                                texts.read(message), texts.read(hint), keys=shared_keys(tuple(map(key_part, keys))),
                                related=plain_str(related)))
    # The record is its name (what R007 compares); the data is not kept: a hit is never read again.
    return Judgement(
        date.fromisoformat(made), packed_days(map(date.fromisoformat, turns)), tuple(findings),
        Named(plain_str(named[0]), plain_str(named[1])) if named is not None else None, None,
        signature_of(signed) if signed is not None else None,
        None if places is None else shared_places({plain_str(name): (int(place[0]), int(place[1]))
                                                   for name, place in places.items()}))


_SEVERITY = {severity.value: severity for severity in Severity}


def plain_str(value: object) -> str:
    """`value`, when it is a str as JSON gives one (else the entry is not one of ours)."""
    if type(value) is not str:
        raise TypeError("not a text")
    return value


def key_part(value: object) -> str | int:
    """`value`, when it is a key of a key path (a str or an int)."""
    if type(value) is not str and type(value) is not int:
        raise TypeError("not a key")
    return value


def signature_of(signed: list[Any]) -> Signature:
    """R015's signature as an entry holds it: its packed values (base64) and its name's hash."""
    packed = base64.b64decode(plain_str(signed[0]), validate=True)
    if len(packed) % WIDTH or type(signed[1]) is not int:
        raise ValueError("not a signature")
    return Signature.of(packed, signed[1])
