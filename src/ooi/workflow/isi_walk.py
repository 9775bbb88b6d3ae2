"""`ooi isi`'s walk: each value a record's findings point at becomes a question; each answer is judged, then saved."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field, replace
from pathlib import Path

from pydantic import BaseModel

from ooi.engine.checker import check, check_text
from ooi.input.editor import Editor
from ooi.input.values import Block
from ooi.input.loading import parse
from ooi.model import fields
from ooi.i18n import tr
from ooi.model.findings import Finding, field_name
from ooi.model.records import STAGE_MODELS, Agency, Innovation
from ooi.workflow import answers
from ooi.workflow.questions import (
    STRUCTURE,
    Question,
    annotation_at,
    context_of,
    covers,
    describe,
    exact_fix,
    is_model,
    is_model_list,
    keys_of,
    kind_of,
    plain,
    takes,
    typed_hint,
    value_at,
)
from ooi.workflow.template import core_type, needed, skeleton

__all__ = ["Question", "Verdict", "Walk", "describe", "typed_hint"]


@dataclass(frozen=True)
class Verdict:
    """What became of an answer: saved or not, and the finding that still stands at that value, if any."""

    saved: bool
    fits: bool
    message: str = ""
    hint: str = ""
    written: object = None
    fix: str = ""  # the exact value the hint offers, when the answer was refused
    field: str = ""  # where the answer was written, when not the question's own key (`…publikasi[0].media`)


@dataclass
class Walk:
    """The questions of one record, asked until none is left or every one left was skipped."""

    root: Path
    settings: object
    rel: str
    editor: Editor
    skipped: set = field(default_factory=set)
    done: set = field(default_factory=set)  # (field, code) answered: what stands after it is not asked again
    answered: int = 0
    total: int = 0
    asked: list = field(default_factory=list)  # the fields asked, in order: a question's number is its place here
    passed: int = 0  # questions left without an answer (Enter alone)

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
        return replace(question, current=value_at(parse(self.editor.text.encode()).data, question.keys))

    def next(self) -> Question | None:
        """The first finding not yet skipped that a value can answer, as a question."""
        questions = [q for f in self.findings() if (q := self._question(f)) is not None]
        fresh = [q for q in questions if (q.field, q.code) not in self.skipped | self.done]
        # Counted by field: a value asked again for another finding keeps its number, and the total
        # grows only when a value that was not there to ask appears (the parts of an added list item).
        self.total = max(self.total, len(set(self.asked) | {q.field for q in fresh}))
        return fresh[0] if fresh else None

    def number(self, question: Question) -> int:
        """The question's place among the values asked so far (the same value, asked again, keeps it)."""
        if question.field not in self.asked:
            self.asked.append(question.field)
        return self.asked.index(question.field) + 1

    def skip(self, question: Question) -> None:
        self.skipped.add((question.field, question.code))
        self.passed += 1

    def keep(self, question: Question) -> None:
        """A saved answer with a warning, kept as it is: not asked again."""
        self.skipped.add((question.field, question.code))

    def answer(self, question: Question, typed: str) -> Verdict:
        """Judge `typed` with the rules of `ooi validate`; save it unless an error still stands at that value."""
        if question.kind == STRUCTURE:
            if not answers.yes(typed):
                self.skip(question)
                return Verdict(False, True)
            return self._add(question)
        # A publication named by its medium (`Radio Kota Batu FM`), or evidence by its path in the repository
        # (`bukti/dinsos/sk.pdf`), where the record allows one beside a link.
        rename = question.alternative if takes(question.alternative, typed) else ""
        keys = (*question.keys[:-1], rename) if rename else question.keys
        value = answers.convert("text" if rename else question.kind, typed, question.choices, question.field)
        text = self.editor.change(question.keys, value, order=self._order(question.keys), rename=rename)
        where = field_name(keys)
        standing = [f for f in check_text(self.root, self.settings, self.rel, text)
                    if covers(f, question.field) or covers(f, where)]
        errors = [f for f in standing if f.is_error]
        if errors:
            fix = exact_fix(errors[0].hint, self._docs(), errors[0].field)
            return Verdict(False, False, errors[0].message, typed_hint(errors[0].hint), fix=fix)
        self.editor.save(text)
        self.answered += 1
        self.done.add((question.field, question.code))
        written = value_at(parse(text.encode()).data, keys)
        moved = where if rename else ""
        if standing:  # a warning: the answer is kept, and may be bettered
            self.skipped.add((question.field, standing[0].code))
            return Verdict(True, False, standing[0].message, typed_hint(standing[0].hint), written, field=moved)
        return Verdict(True, True, written=written, field=moved)

    # --- how a finding becomes a question ------------------------------------------------

    def _question(self, finding: Finding) -> Question | None:
        if not finding.field or finding.code.startswith("Y") or finding.code == "S002" or finding.waived_by:
            return None
        keys = keys_of(finding.field)
        data = parse(self.editor.text.encode()).data or {}
        model = self._model(data)
        annotation = annotation_at(model, keys)
        if annotation is None:
            return None
        core, choices = core_type(annotation)
        present = value_at(data, keys)
        if is_model(core) or is_model_list(core):
            if present not in (None, "", []) and is_model(core):
                return self._missing_child(finding, keys, core, present)
            if present not in (None, "", []):
                return None  # a list with items: what is wrong is inside them
        docs = fields.AGENCY if model is Agency else fields.INNOVATION
        doc = fields.lookup(docs, finding.field)
        kind = kind_of(finding.field, core, choices)
        if kind == "choices":
            choices = core_type(typing.get_args(core)[0])[1]
        labelled = tuple((choice, fields.choice_label(finding.field, choice)) for choice in choices)
        if finding.field == "urusan.utama":  # the agency's own sectors, by name; any other code may be typed
            kind, labelled = "choice", self._sectors(data)
        # ooi writes the YAML: what to type is the value alone, so "write `k: v`" and "in quotes" are left out
        hint = "" if finding.code in ("S001", "S009") else typed_hint(finding.hint)
        example = "" if labelled or kind == "bool" or not doc else plain(doc.full or doc.example).strip('"')
        fix = exact_fix(finding.hint, docs, finding.field) if present not in (None, "", []) \
            and finding.code not in ("S001", "S009") else ""
        label = plain(doc.text()) if doc else finding.field
        alternative = self._alternative(model, keys, docs)
        if alternative:
            label += tr("; atau {d} (mis. {e})", "; or {d} (e.g. {e})", d=alternative[1].text(),
                        e=alternative[1].example)
        return Question(keys, finding.field, finding.code, kind, label, finding.message, hint, example, present,
                        labelled, not finding.is_error, context_of(docs, keys), fix,
                        alternative[0] if alternative else "")

    def _alternative(self, model, keys: tuple, docs: dict):
        """(`media` or `berkas`, its doc) for a link the record allows to be a named medium or a file instead."""
        parent = core_type(annotation_at(model, keys[:-1]))[0] if len(keys) > 1 else None
        if keys[-1] != "tautan" or not is_model(parent):
            return None
        name = next((name for name in ("media", "berkas") if name in parent.model_fields), None)
        doc = fields.lookup(docs, field_name((*keys[:-1], name))) if name else None
        return (name, doc) if doc else None

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
        core = core_type(annotation_at(self._model(data), question.keys))[0]
        indent = self.editor.indent(question.keys)
        dotted = re.sub(r"\[\d+\]", "", question.field)
        lines = skeleton(core, dotted, indent, self._stage(), self._agency(data))
        text = self.editor.change(question.keys, Block(tuple(lines)), order=self._order(question.keys))
        self.editor.save(text)
        return Verdict(True, True)

    def _order(self, keys: tuple) -> tuple[str, ...]:
        """The names of the last of `keys` and its siblings, in the model's order: where a missing key goes."""
        data = parse(self.editor.text.encode()).data or {}
        parent = core_type(annotation_at(self._model(data), keys[:-1]) if keys[:-1] else self._model(data))[0]
        if not is_model(parent) or isinstance(keys[-1], int):
            return ()
        return tuple(parent.model_fields)

    def _docs(self) -> dict:
        return fields.INNOVATION if self.rel.startswith("data/inovasi/") else fields.AGENCY

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


