"""What `ooi isi` asks: a finding's value as a question (its kind, label, choices), and where a value sits."""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass

from pydantic import BaseModel

from ooi.i18n import tr
from ooi.model import fields
from ooi.model.findings import Finding
from ooi.workflow.template import core_type

# Texts written as a paragraph or more: asked over several lines.
_LONG = re.compile(r"(latar_belakang|tujuan|manfaat|rancang_bangun|hasil|catatan|prinsip\.\w+\.uraian"
                   r"|penerima_manfaat\.uraian|monev\.ringkasan|replikasi\[\d+\]\.uraian)")
STRUCTURE = "add"


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
    fix: str = ""  # the exact value the finding's hint offers (`https://…` for a link without it): Enter takes it
    alternative: str = ""  # the sibling key an answer that is no link is written to (`media`, `berkas` by `tautan`)


def plain(text: str) -> str:
    return re.sub(r",? *(dalam tanda kutip|in quotes)|: (tulis|write) true", "", text)


def typed_hint(hint: str) -> str:
    """A finding's hint as advice on what to type: `tulis `jumlah: 200` (…)` → `ketik `200` (…)`."""
    found = re.match(r"(tulis|write) `[\w.]+: (.+?)`(?: di bawah `\w+:`| under `\w+:`)?(.*)", hint, re.S)
    if not found:
        return hint
    return tr("ketik `{v}`{r}", "type `{v}`{r}", v=found.group(2).strip('"'), r=found.group(3))


def exact_fix(hint: str, docs: dict, dotted: str) -> str:
    """The value a hint offers as the answer (`tulis `tautan: https://x.go.id/a`` → `https://x.go.id/a`), else ``.

    The field's example (`100`, `Mempercepat ...`) or a structure (`[masyarakat]`) is not a fix: the
    person still writes their own value.
    """
    found = re.match(r"(?:tulis|write) `[\w.]+: (.+?)`", hint)
    if not found:
        return ""
    value = found.group(1)
    doc = fields.lookup(docs, dotted)
    if not value.strip('"') or "..." in value or "…" in value or value.startswith(("[", "{")) \
            or (doc is not None and value == doc.example):
        return ""
    return value.strip('"')


_LINK = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?", re.I)


def looks_like_link(typed: str) -> bool:
    """`dinsos.batukota.go.id/x` or `https://…` is meant as a link; `Radio Kota Batu FM` names a medium."""
    return bool(_LINK.fullmatch(typed.strip()))


_PATH = re.compile(r"[\w.-]+(?:[/\\][\w.-]+)+")


def takes(alternative: str, typed: str) -> bool:
    """Whether an answer to a link belongs under `alternative` instead: a medium's name, or a repository path."""
    if alternative == "media":
        return not looks_like_link(typed)
    return alternative == "berkas" and bool(_PATH.fullmatch(typed.strip())) and not looks_like_link(typed)


def context_of(docs: dict, keys: tuple) -> str:
    """The docs of the parts a value sits in, outermost first, without the top `prinsip` block."""
    parts = []
    for end in range(2, len(keys)):
        if isinstance(keys[end - 1], int):
            continue
        doc = fields.lookup(docs, keys[:end])
        if doc is not None and doc.text():
            parts.append(doc.text())
    return " › ".join(parts)


def covers(finding: Finding, dotted: str) -> bool:
    return finding.field == dotted or finding.field.startswith((dotted + ".", dotted + "["))


def keys_of(dotted: str) -> tuple:
    """`prinsip.efisiensi.ukuran[0].arah` → ("prinsip", "efisiensi", "ukuran", 0, "arah")."""
    return tuple(int(part) if part.isdigit() else part for part in re.findall(r"[^.\[\]]+", dotted))


def value_at(data, keys: tuple):
    for key in keys:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and 0 <= key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def annotation_at(model, keys: tuple):
    annotation = model
    for key in keys:
        core = core_type(annotation)[0]
        if isinstance(key, int):
            if typing.get_origin(core) is not list:
                return None
            annotation = typing.get_args(core)[0]
        elif is_model(core) and key in core.model_fields:
            annotation = core.model_fields[key].annotation
        else:
            return None
    return annotation


def kind_of(dotted: str, core, choices: tuple) -> str:
    from datetime import date

    if choices:
        return "choice"
    if is_model(core) or is_model_list(core):
        return STRUCTURE
    if typing.get_origin(core) is list:
        return "choices" if core_type(typing.get_args(core)[0])[1] else "list"
    if dotted.endswith("nip"):
        return "nip"
    return {bool: "bool", int: "int", float: "number", date: "date"}.get(core) or (
        "long" if _LONG.fullmatch(dotted) else "text")


def is_model(annotation) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def is_model_list(annotation) -> bool:
    return typing.get_origin(annotation) is list and is_model(core_type(typing.get_args(annotation)[0])[0])


def describe(value: object) -> str:
    """A value as the person reads it back: text as is, empty as `(kosong)`."""
    if value in (None, "", []):
        return tr("(kosong)", "(empty)")
    if isinstance(value, bool):
        return tr("ya", "yes") if value else tr("tidak", "no")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
