"""`ooi isi`'s walk: each value a record's findings point at becomes a question; each answer is judged, then saved."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from ooi.engine.checker import check, check_text
from ooi.i18n import tr
from ooi.input.editor import Block, Editor
from ooi.input.loading import parse
from ooi.model import fields
from ooi.model.findings import Finding, field_name
from ooi.model.records import STAGE_MODELS, Agency, Innovation
from ooi.workflow import answers
from ooi.workflow.template import core_type, needed, skeleton

# Texts written as a paragraph or more: asked over several lines.
_LONG = re.compile(r"(latar_belakang|tujuan|manfaat|rancang_bangun|hasil|catatan|prinsip\.\w+\.uraian"
                   r"|penerima_manfaat\.uraian|monev\.ringkasan|replikasi\[\d+\]\.uraian)")
_STRUCTURE = "add"


@dataclass(frozen=True)
class Question:
    """One value to ask for: where it is, what kind of answer fits, and what the finding said."""

    keys: tuple
    field: str
    code: str
    kind: str  # text, long, int, number, date, bool, nip, choice, choices, list, add
    label: str  # what the value is, from the field docs
    why: str  # the finding's message
    hint: str
    example: str = ""
    current: object = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, plain-language label)
    warning: bool = False
    context: str = ""  # the parts it belongs to (`P1 peningkatan efisiensi › ukuran efisiensi ...`)


@dataclass(frozen=True)
class Verdict:
    """What became of an answer: saved or not, and the finding that still stands at that value, if any."""

    saved: bool
    fits: bool
    message: str = ""
    hint: str = ""
    written: object = None


@dataclass
class Walk:
    """The questions of one record, asked until none is left or every one left was skipped."""

    root: Path
    settings: object
    rel: str
    editor: Editor
    skipped: set = field(default_factory=set)
    answered: int = 0
    total: int = 0

    @classmethod
    def open(cls, root: Path, settings, path: Path) -> Walk:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        return cls(root, settings, rel, Editor.open(path, rel))

    def result(self):
        """The file checked as `ooi validate` checks it (the checks across files included)."""
        return check(self.root, self.settings, targets=[self.root / self.rel], records=False)

    def findings(self) -> list[Finding]:
        return [finding for one in self.result().files if one.path == self.rel for finding in one.findings]

    def requestion(self, question: Question) -> Question:
        """The same question after an answer was saved: its current value is that answer."""
        return replace(question, current=_at(parse(self.editor.text.encode()).data, question.keys))

    def next(self) -> Question | None:
        """The first finding not yet skipped that a value can answer, as a question."""
        questions = [q for f in self.findings() if (q := self._question(f)) is not None]
        fresh = [q for q in questions if (q.field, q.code) not in self.skipped]
        self.total = max(self.total, self.answered + len(self.skipped) + len(fresh))
        return fresh[0] if fresh else None

    def skip(self, question: Question) -> None:
        self.skipped.add((question.field, question.code))

    def answer(self, question: Question, typed: str) -> Verdict:
        """Judge `typed` with the rules of `ooi validate`; save it unless an error still stands at that value."""
        if question.kind == _STRUCTURE:
            if not answers.yes(typed):
                self.skip(question)
                return Verdict(False, True)
            return self._add(question)
        value = answers.convert(question.kind, typed, question.choices)
        text = self.editor.change(question.keys, value, after=self._before(question.keys))
        standing = [f for f in check_text(self.root, self.settings, self.rel, text) if _covers(f, question.field)]
        errors = [f for f in standing if f.is_error]
        if errors:
            return Verdict(False, False, errors[0].message, typed_hint(errors[0].hint))
        self.editor.save(text)
        self.answered += 1
        written = parse(text.encode()).data
        if standing:  # a warning: the answer is kept, and may be bettered
            self.skipped.add((question.field, standing[0].code))
            return Verdict(True, False, standing[0].message, typed_hint(standing[0].hint), _at(written, question.keys))
        return Verdict(True, True, written=_at(written, question.keys))

    # --- how a finding becomes a question ------------------------------------------------

    def _question(self, finding: Finding) -> Question | None:
        if not finding.field or finding.code.startswith("Y") or finding.code == "S002" or finding.waived_by:
            return None
        keys = _keys(finding.field)
        data = parse(self.editor.text.encode()).data or {}
        model = self._model(data)
        annotation = _annotation(model, keys)
        if annotation is None:
            return None
        core, choices = core_type(annotation)
        present = _at(data, keys)
        if _is_model(core) or _is_model_list(core):
            if present not in (None, "", []) and _is_model(core):
                return self._missing_child(finding, keys, core, present)
            if present not in (None, "", []):
                return None  # a list with items: what is wrong is inside them
        docs = fields.AGENCY if model is Agency else fields.INNOVATION
        doc = fields.lookup(docs, finding.field)
        kind = _kind(finding.field, core, choices)
        if kind == "choices":
            choices = core_type(typing.get_args(core)[0])[1]
        labelled = tuple((choice, fields.choice_label(finding.field, choice)) for choice in choices)
        if finding.field == "urusan.utama":  # the agency's own sectors, by name; any other code may be typed
            kind, labelled = "choice", self._sectors(data)
        # ooi writes the YAML: what to type is the value alone, so "write `k: v`" and "in quotes" are left out
        hint = "" if finding.code in ("S001", "S009") else typed_hint(finding.hint)
        example = "" if labelled or kind == "bool" or not doc else _plain(doc.example).strip('"')
        return Question(keys, finding.field, finding.code, kind, _plain(doc.text()) if doc else finding.field,
                        finding.message, hint, example, present, labelled, not finding.is_error,
                        _context(docs, keys))

    def _sectors(self, data: dict) -> tuple[tuple[str, str], ...]:
        from ooi.model.sectors import sectors

        agency, names = self._agency(data), sectors()
        return tuple((code, names.get(code, "")) for code in (agency.urusan if agency else ()))

    def _missing_child(self, finding: Finding, keys: tuple, model: type[BaseModel], present) -> Question | None:
        """A finding about a mapping that exists: ask for its first needed key that is missing."""
        stage = self._stage()
        for name, info in model.model_fields.items():
            dotted = re.sub(r"\[\d+\]", "", f"{finding.field}.{name}")
            if name not in present and (info.is_required() or needed(dotted, stage)):
                child = Finding(finding.path, finding.line, finding.column, finding.code, finding.severity,
                                f"{finding.field}.{name}", finding.message, finding.hint)
                return self._question(child)
        return None

    def _add(self, question: Question) -> Verdict:
        """Write the skeleton of a missing part (`""` where each value goes): its values are asked next."""
        data = parse(self.editor.text.encode()).data or {}
        core = core_type(_annotation(self._model(data), question.keys))[0]
        indent = self.editor.indent(question.keys)
        dotted = re.sub(r"\[\d+\]", "", question.field)
        lines = skeleton(core, dotted, indent, self._stage(), self._agency(data))
        text = self.editor.change(question.keys, Block(tuple(lines)), after=self._before(question.keys))
        self.editor.save(text)
        return Verdict(True, True)

    def _before(self, keys: tuple) -> tuple[str, ...]:
        """The keys that come before the last of `keys` in its model: a missing key is written after them."""
        data = parse(self.editor.text.encode()).data or {}
        parent = core_type(_annotation(self._model(data), keys[:-1]) if keys[:-1] else self._model(data))[0]
        if not _is_model(parent) or isinstance(keys[-1], int):
            return ()
        names = list(parent.model_fields)
        return tuple(names[:names.index(keys[-1])]) if keys[-1] in names else ()

    def _model(self, data: dict) -> type[BaseModel]:
        if not self.rel.startswith("data/inovasi/"):
            return Agency
        return STAGE_MODELS.get(data.get("tahapan"), Innovation)

    def _stage(self) -> str:
        data = parse(self.editor.text.encode()).data or {}
        return data.get("tahapan") if data.get("tahapan") in STAGE_MODELS else "inisiatif"

    def _agency(self, data: dict):
        from ooi.engine.registry import Registry

        return Registry(self.root).get(data.get("opd"))


def _plain(text: str) -> str:
    return re.sub(r",? *(dalam tanda kutip|in quotes)|: (tulis|write) true", "", text)


def typed_hint(hint: str) -> str:
    """A finding's hint as advice on what to type: `tulis `jumlah: 200` (…)` → `ketik `200` (…)`."""
    found = re.match(r"(tulis|write) `[\w.]+: (.+?)`(?: di bawah `\w+:`| under `\w+:`)?(.*)", hint, re.S)
    if not found:
        return hint
    return tr("ketik `{v}`{r}", "type `{v}`{r}", v=found.group(2).strip('"'), r=found.group(3))


def _context(docs: dict, keys: tuple) -> str:
    """The docs of the parts a value sits in, outermost first, without the top `prinsip` block."""
    parts = []
    for end in range(2, len(keys)):
        if isinstance(keys[end - 1], int):
            continue
        doc = fields.lookup(docs, field_name(keys[:end]))
        if doc is not None and doc.text():
            parts.append(doc.text())
    return " › ".join(parts)


def _covers(finding: Finding, dotted: str) -> bool:
    return finding.field == dotted or finding.field.startswith((dotted + ".", dotted + "["))


def _keys(dotted: str) -> tuple:
    """`prinsip.efisiensi.ukuran[0].arah` → ("prinsip", "efisiensi", "ukuran", 0, "arah")."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", dotted))


def _at(data, keys: tuple):
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and 0 <= key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def _annotation(model, keys: tuple):
    annotation = model
    for key in keys:
        core = core_type(annotation)[0]
        if isinstance(key, int):
            if typing.get_origin(core) is not list:
                return None
            annotation = typing.get_args(core)[0]
        elif _is_model(core) and key in core.model_fields:
            annotation = core.model_fields[key].annotation
        else:
            return None
    return annotation


def _kind(dotted: str, core, choices: tuple) -> str:
    from datetime import date

    if choices:
        return "choice"
    if _is_model(core) or _is_model_list(core):
        return _STRUCTURE
    if typing.get_origin(core) is list:
        return "choices" if core_type(typing.get_args(core)[0])[1] else "list"
    if dotted.endswith("nip"):
        return "nip"
    return {bool: "bool", int: "int", float: "number", date: "date"}.get(core) or (
        "long" if _LONG.fullmatch(dotted) else "text")


def _is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _is_model_list(annotation) -> bool:
    return typing.get_origin(annotation) is list and _is_model(core_type(typing.get_args(annotation)[0])[0])


def describe(value: object) -> str:
    """A value as the person reads it back: text as is, empty as `(kosong)`."""
    if value in (None, "", []):
        return tr("(kosong)", "(empty)")
    if isinstance(value, bool):
        return tr("ya", "yes") if value else tr("tidak", "no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
