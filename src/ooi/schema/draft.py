"""A lenient view of a record the schema rejected, so the rules can judge what is there (no second wave).

Every value of the right kind is kept as written; a value the rules cannot use (missing
where required, of the wrong type, a date that is not one, a choice that is not one) becomes
a `Hole`. Touching a hole in any way (compare, hash, format, read an attribute) raises
`Unjudged`, so a rule that needs such a value stops there, and no finding is ever drawn
from a value the person has not written yet. Optional keys that are absent stay absent
(None or their default), exactly as in a valid record.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from ooi.model.records import STAGE_MODELS, Agency, Innovation


class Unjudged(Exception):
    """A rule reached a value the schema rejected: what it would conclude cannot be known yet."""


class Hole:
    """A value that is missing or unusable; every use of it raises Unjudged."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<hole>"

    def _refuse(self, *args, **kwargs):
        raise Unjudged

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _refuse
    __hash__ = __bool__ = __len__ = __iter__ = __contains__ = __str__ = __format__ = _refuse  # type: ignore
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __truediv__ = __float__ = __int__ = _refuse
    __getattr__ = __getitem__ = _refuse


HOLE = Hole()


def draft(kind: str, data: object) -> Agency | Innovation | None:
    """The lenient record of an `opd` or `inovasi` file's data; None when the data is not a mapping."""
    if not isinstance(data, dict):
        return None
    if kind == "opd":
        return _build(Agency, data)
    stage = data.get("tahapan")
    return _build(STAGE_MODELS.get(stage, Innovation) if isinstance(stage, str) else Innovation, data)


def _build(model: type[BaseModel], data: dict) -> BaseModel:
    values = {}
    for name, field in model.model_fields.items():
        if name in data:
            # pydantic keeps a field's constraints (NIP, min_length…) beside its annotation: rejoin them
            annotation = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
            values[name] = _value(annotation, data[name])
        else:
            values[name] = HOLE if field.is_required() else field.get_default(call_default_factory=True)
    return model.model_construct(**values)


def _value(annotation, raw: object) -> object:
    """`raw` as the valid record would hold it, or a hole; lists and mappings are followed item by item."""
    origin = typing.get_origin(annotation)
    if origin is Annotated and _is_container(typing.get_args(annotation)[0]):
        return _value(typing.get_args(annotation)[0], raw)  # a list too short is the schema's to say
    if origin in (typing.Union, types.UnionType) and any(map(_is_container, typing.get_args(annotation))):
        if raw is None and type(None) in typing.get_args(annotation):
            return None
        for option in typing.get_args(annotation):
            if option is not type(None) and not isinstance(found := _value(option, raw), Hole):
                return found
        return HOLE
    if origin is list:
        return [_value(typing.get_args(annotation)[0], item) for item in raw] if isinstance(raw, list) else HOLE
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _build(annotation, raw) if isinstance(raw, dict) else HOLE
    return _leaf(annotation, raw)


def _is_container(annotation) -> bool:
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _is_container(typing.get_args(annotation)[0])
    return origin is list or (isinstance(annotation, type) and issubclass(annotation, BaseModel))


_ADAPTERS: dict = {}


def _leaf(annotation, raw: object) -> object:
    """A single value validated as the record would; an empty text stays itself, for the rules to call empty."""
    try:
        adapter = _ADAPTERS.get(annotation)
        cached = True
    except TypeError:  # unhashable metadata: built each time (drafts are rare, so is this)
        adapter, cached = None, False
    if adapter is None:
        adapter = TypeAdapter(annotation, config=ConfigDict(strict=True))
        if cached:
            _ADAPTERS[annotation] = adapter
    try:
        return adapter.validate_python(raw)
    except ValidationError as error:
        if isinstance(raw, str) and all(e["type"] == "string_too_short" for e in error.errors()):
            return raw
        return HOLE


def overlaps(keys: tuple, taken: list[tuple]) -> bool:
    """Whether a finding at `keys` is about a place the schema already reported (one path holds the other)."""
    if not keys:
        return False
    return any(other and (keys[:len(other)] == other or other[:len(keys)] == keys) for other in taken)
