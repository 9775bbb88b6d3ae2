"""The language of messages (Bahasa Indonesia by default, English on request)."""

from __future__ import annotations

import os

from ooi.pools import Pool

LANGUAGES = ("id", "en")
_current = "id"


def use(*choices: str | None) -> str:
    """Set the language: the first given of the choices (e.g. --lang, ooi.yaml), else OOI_LANG, else `id`.

    OOI_LANG sits between the command line and the settings file, so callers pass
    `use(option, from_env(), settings.bahasa)`.
    """
    global _current
    chosen = next((c for c in choices if c), "id").strip().lower()
    _current = chosen if chosen in LANGUAGES else "id"
    return _current


def from_env() -> str | None:
    return os.environ.get("OOI_LANG") or None


def current() -> str:
    return _current


def tr(id_text: str, en_text: str, **values: object) -> Message:
    """A message in both languages, written side by side at the call; see `Message`."""
    return _made(id_text, en_text, values)


# Messages made before, per language: each catalogue entry without values (a run's findings share their
# hints), and those whose values are texts, whole numbers or messages (a principle's label, a word count:
# 60,000 findings say a few hundred things). Bounded: some values are quoted from files, seldom twice.
_SHARED: dict[str, Pool[object, Message]] = {language: Pool() for language in LANGUAGES}


def _made(id_text: str, en_text: str, values: dict[str, object] | None = None) -> Message:
    """The Message of these texts and values in the current language (~30,000 a run: kept to a few steps).

    `values` (the fresh dict of `tr`'s keywords, or a copy) becomes the message's attributes, beside its
    catalogue entry's `_parts`: no other dict or tuple is made for it.
    """
    shared = _SHARED[_current]
    entry = shared.get(id_text)
    if entry is None or entry._parts[1] != en_text:
        entry = _new(Message, en_text if _current == "en" else id_text)
        _set_dict(entry, "__dict__", {"_parts": (id_text, en_text, _current)})
        shared.keep(id_text, entry)
    if not values:
        return entry
    key = _key(entry._parts, values)
    if key is not None and (found := shared.get(key)) is not None:
        return found
    message: Message = _new(Message, (en_text if _current == "en" else id_text).format_map(values))
    values["_parts"] = entry._parts
    _set_dict(message, "__dict__", values)
    if key is not None:
        shared.keep(key, message)
    return message


def _key(parts: tuple[str, str, str], values: dict[str, object]) -> tuple[object, ...] | None:
    """What a message of these values is known by when made again: its entry, the names, the values (a text,
    a whole number, or a message by identity: the message kept holds it alive); None for other values."""
    key: list[object] = [parts, *values]
    for value in values.values():
        kind = type(value)
        if kind is str or kind is int:
            key.append(value)
        elif kind is Message:
            key.append((id(value),))
        else:
            return None
    return tuple(key)


_new = str.__new__
_set_dict = object.__setattr__  # Message's own __setattr__ refuses


class Message(str):
    """One catalogue entry (its id is the Indonesian text, beside it the English) with the values it names.

    As a str it is the text in the language current when it was made, so it can be used as text
    at once; `str()` and `format()` (f-strings) render it again in the language current then,
    and `again()` gives the same message made in the current language. Pickled (a worker's
    result), it carries its id and values, not rendered text: the receiving process renders it.
    A value that is itself a Message is rendered with it, in the same language. A message
    without values is one object per entry and language; one with values holds them as its
    attributes (a str's subclass cannot have slots), beside the entry's parts.
    """

    _parts: tuple[str, str, str]  # id, English, the language it was made in: one tuple per catalogue entry

    def __new__(cls, id_text: str, en_text: str, values: dict[str, object] | None = None) -> Message:
        return _made(id_text, en_text, dict(values) if values else None)

    @property
    def id(self) -> str:
        return self._parts[0]

    @property
    def en(self) -> str:
        return self._parts[1]

    @property
    def values(self) -> dict[str, object]:
        return {name: value for name, value in self.__dict__.items() if name != "_parts"}

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Message is immutable")

    def __str__(self) -> str:
        id_text, en_text, made_in = self._parts
        if made_in == _current:  # the usual case: written in the language it was made in
            return str.__str__(self)
        text = en_text if _current == "en" else id_text
        values = self.__dict__
        return text.format_map(values) if len(values) > 1 else text

    def __format__(self, spec: str) -> str:
        return format(self.__str__(), spec)

    def __reduce__(self) -> tuple[object, ...]:
        id_text, en_text, _ = self._parts
        return (_made, (id_text, en_text, self.values)) if len(self.__dict__) > 1 else (_made, (id_text, en_text))

    def again(self) -> Message:
        """This message made in the current language."""
        return _made(self._parts[0], self._parts[1], self.values)
