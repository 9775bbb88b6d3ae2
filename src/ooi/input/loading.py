"""Read one file and load it with libyaml, safely: bad input becomes Y findings, never a crash."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ooi.i18n import tr
from ooi.input.construct import build, resolve_faster
from ooi.input.positions import ODD_BREAK, Lines, Locator, odd_break
from ooi.input.reading import MAX_BYTES, Refused, read  # noqa: F401  (MAX_BYTES: where callers look for it)
from ooi.input.syntax import yaml_problem
from ooi.model.findings import excerpt

MAX_DEPTH = 64
_BOM = b"\xef\xbb\xbf"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}
# YAML 1.1 reads these ints differently from YAML 1.2 and from what people mean.
_SURPRISING_INT = re.compile(r"[-+]?(0[0-9_]+|0[box].*|.*[_:].*)")
# A line opening with MAX_DEPTH of ` \t?-`: mapped to spaces, a substring search finds it (fast).
_INDENTS = bytes.maketrans(b"\t?-", b"   ")
_DEEP_BLOCK = b" " * MAX_DEPTH


# No record holds a whole number this long; a longer one is kept as written, never converted (Python
# refuses to turn more than 4,300 digits into text, and a hostile file would make every message fail).
MAX_DIGITS = 20


@dataclass(frozen=True, slots=True)
class Surprise:
    """An int YAML 1.1 reads other than it looks (`012` is 10), or one too long to hold (`value` None).

    Never valid where it lands; the finding quotes `text`, what was written.
    """

    text: str
    value: int | None


@dataclass(slots=True)
class Issue:
    """A Y finding before it is stamped with its file: code, 1-based place, texts."""

    code: str
    line: int
    column: int
    message: str
    hint: str = ""
    field: str = ""


@dataclass(slots=True)
class Document:
    """A loaded file: its text, its data (None when it could not be loaded) and Y issues."""

    text: str = ""
    data: dict | None = None
    issues: list[Issue] = field(default_factory=list)
    lines: Lines | None = None  # the text's line table, built once (on first use) for every place in the file
    node: yaml.Node | None = None  # the node tree the data was built from: its marks place findings

    def locator(self) -> Locator:
        """Where a key path of this file is, placed with the same line table as its Y issues (no second parse)."""
        return Locator(self.text, self.lines, self.node)


class _Loader(yaml.CSafeLoader):
    """libyaml's parser with PyYAML's safe constructors, minus the traps.

    Dates stay text (PyYAML raises inside on `2023-02-30`; the schema checks them),
    duplicate keys are recorded instead of silently dropped, surprising ints are marked.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream):
        super().__init__(stream)
        self.duplicates: list[tuple[str, str, yaml.Mark]] = []  # (as written, as first written, where)

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        if len(mapping) < len(node.value):
            # Keys are compared as loaded, not as written: `yes` and `true`, `~` and `null` are one key.
            seen: dict = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    continue
                key = self.construct_object(key_node)
                first = seen.setdefault(key, key_node)
                if first is not key_node:
                    self.duplicates.append((key_node.value, first.value, key_node.start_mark))
        return mapping

    def construct_yaml_int(self, node):
        text = node.value
        if len(text) > MAX_DIGITS:
            return Surprise(text, None)
        if text.isdigit() and text.isascii() and (text[0] != "0" or text == "0"):
            return int(text)  # plain decimal, as nearly every int is: what PyYAML returns, unsurprising
        value = super().construct_yaml_int(node)
        return Surprise(text, value) if _SURPRISING_INT.fullmatch(text) else value


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_yaml_int)
resolve_faster(_Loader)


def load(path: str | os.PathLike[str], root: Path | None = None) -> Document:
    """Read (through the one safe reader) and load one file; every way it can fail is an Issue in the Document."""
    try:
        raw = read(path, root)
    except Refused as refused:
        return _fail(refused.code, 1, 1, refused.message, refused.hint)
    return parse(raw)


def parse(raw: bytes) -> Document:
    """Load YAML bytes; see `load`. Every place is an editor's line and character column (`Lines`)."""
    raw = raw[len(_BOM):] if raw.startswith(_BOM) else raw
    text_or_issue = _decode(raw)
    if isinstance(text_or_issue, Issue):
        return Document(issues=[text_or_issue])
    odd = odd_break(text_or_issue)
    lines = Lines(text_or_issue, odd is not None)
    document = Document(text=text_or_issue, lines=lines)
    issue = _prescan(raw, lines)
    if issue is None:
        loader = _Loader(raw)
        try:
            document.node = loader.get_single_node()
            document.data = build(loader, document.node)
        except yaml.YAMLError as error:
            issue = _yaml_issue(error, lines)
        except (ValueError, OverflowError, RecursionError) as error:  # a value YAML reads but Python cannot hold
            issue = Issue("Y003", 1, 1, tr("ada nilai yang tidak dapat dibaca", "cannot read a value: {e}",
                                           e=excerpt(str(error))))  # Python's words, in English only
        finally:
            loader.dispose()
        for written, first, mark in loader.duplicates:
            line, column = lines.mark(mark)
            message = (tr("kunci `{k}` ditulis lebih dari sekali", "key `{k}` is written more than once",
                          k=excerpt(written)) if written == first else
                       tr("kunci `{k}` sama dengan kunci `{f}` sebelumnya "
                          "(YAML membaca keduanya sebagai nilai yang sama)",
                          "key `{k}` is the same as the earlier key `{f}` (YAML reads both as the same value)",
                          k=excerpt(written), f=excerpt(first)))
            document.issues.append(Issue("Y004", line, column, message, tr(
                "hapus salah satu atau gabungkan isinya", "remove one or merge them"), excerpt(written)))
    if odd is not None:
        document.issues.append(_odd_break(document.text, odd, lines))
    if issue is None and document.data is None:
        issue = Issue("Y009", 1, 1, tr("berkas kosong", "the file is empty"),
                      tr("isi dengan templat dari `ooi new`", "fill it from the template of `ooi new`"))
    elif issue is None and not isinstance(document.data, dict):
        issue = Issue("Y010", 1, 1, tr("isi berkas harus berupa pasangan `kunci: nilai`",
                                       "the file must hold `key: value` pairs"),
                      tr("mulai setiap baris utama dengan kunci, mis. `nama: ...`",
                         "start each top-level line with a key, e.g. `nama: ...`"))
    if issue is not None:
        document.data = None
        document.issues.insert(0, issue)
    return document


_BREAK_NAMES = {"\r": "CR", "\x85": "NEL (U+0085)", "\u2028": "LINE SEPARATOR (U+2028)",
                "\u2029": "PARAGRAPH SEPARATOR (U+2029)"}


def _odd_break(text: str, first: re.Match, lines: Lines) -> Issue:
    """YAML ends a line where an editor does not: what is read differs from what is seen (Y014)."""
    line, column = lines.place(first.start())
    count = len(ODD_BREAK.findall(text))
    return Issue("Y014", line, column, tr(
        "tanda akhir baris tak lazim {c} ({n} kali): YAML memutus baris di sini, editor tidak",
        "unusual line terminator {c} ({n} times): YAML breaks the line here, an editor does not",
        c=_BREAK_NAMES[first.group()], n=count), tr(
        "simpan ulang berkas dengan akhir baris LF (\\n) dan hapus karakter ini",
        "save the file again with LF (\\n) line endings and remove this character"))


def _decode(raw: bytes) -> str | Issue:
    hint = tr("simpan ulang berkas sebagai UTF-8 dari editor teks", "save the file again as UTF-8 text")
    nul = raw.find(b"\0")
    if nul >= 0:
        line, column = _place(raw, nul)
        return Issue("Y002", line, column, tr("berkas memuat byte NUL (bukan teks)",
                                              "the file holds a NUL byte (not text)"), hint)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _place(raw, error.start)
        return Issue("Y002", line, column, tr("berkas bukan UTF-8 (byte {b})", "the file is not UTF-8 (byte {b})",
                                              b=hex(raw[error.start])), hint)


def _place(raw: bytes, offset: int) -> tuple[int, int]:
    """A byte offset of text that did not decode → line and column in characters (a bad byte counts as one)."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


def _prescan(raw: bytes, lines: Lines) -> Issue | None:
    """Refuse what would make libyaml slow or crash, or build shared or foreign objects.

    Only files with `&`, `*`, `!`, many brackets or deep indentation pay for a scan of
    events; a usual record goes straight to the loader. Counting brackets only decides
    whether to look: a bracket inside quotes or a comment is not nesting, so the events
    (where libyaml has already told text from structure) decide.
    """
    if (raw.count(b"[") + raw.count(b"{") > MAX_DEPTH or b"&" in raw or b"*" in raw or b"!" in raw
            or _deep_block(raw)):
        return _scan_events(raw, lines)
    return None


def _deep_block(raw: bytes) -> bool:
    indents = raw.translate(_INDENTS)
    return indents.startswith(_DEEP_BLOCK) or b"\n" + _DEEP_BLOCK in indents


def _scan_events(raw: bytes, lines: Lines) -> Issue | None:
    depth = 0
    try:
        for event in yaml.parse(raw, Loader=yaml.CSafeLoader):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return Issue("Y005", *lines.mark(mark), tr(
                    "anchor (&) dan alias (*) YAML tidak diizinkan",
                    "YAML anchors (&) and aliases (*) are not allowed"), tr(
                    "tulis nilainya lengkap di setiap tempat; jika `*` atau `&` bagian dari teks, beri tanda kutip",
                    "write the value out in full each time; if `*` or `&` is part of a text, quote it"))
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in _PLAIN_TAGS:
                return Issue("Y006", *lines.mark(mark), tr(
                    "tag YAML `{t}` tidak diizinkan", "YAML tag `{t}` is not allowed", t=excerpt(tag)), tr(
                    "hapus tag-nya; jika `!` bagian dari teks, beri tanda kutip",
                    "remove the tag; if `!` is part of a text, quote it"))
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _too_deep(*lines.mark(mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        return _yaml_issue(error, lines)
    return None


def _too_deep(line: int, column: int) -> Issue:
    return Issue("Y008", line, column, tr(
        "struktur bersarang lebih dari {n} tingkat", "nesting deeper than {n} levels", n=MAX_DEPTH), tr(
        "rapikan struktur sesuai templat `ooi new`", "follow the structure of the `ooi new` template"))


def _yaml_issue(error: yaml.YAMLError, lines: Lines) -> Issue:
    return Issue(*yaml_problem(error, lines))


def _fail(code: str, line: int, column: int, message: str, hint: str = "") -> Document:
    return Document(issues=[Issue(code, line, column, message, hint)])
