"""The language of messages (Bahasa Indonesia by default, English on request)."""

from __future__ import annotations

import os

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


def _made(id_text: str, en_text: str, values: dict[str, object]) -> Message:
    """The Message of these texts and values, in the current language (~30,000 a run: kept to a few steps)."""
    text = en_text if _current == "en" else id_text
    message: Message = _new(Message, text.format_map(values) if values else text)
    message.__dict__["_parts"] = (id_text, en_text, values, _current)
    return message


_new = str.__new__


class Message(str):
    """One catalogue entry (its id is the Indonesian text, beside it the English) with the values it names.

    As a str it is the text in the language current when it was made, so it can be used as text
    at once; `str()` and `format()` (f-strings) render it again in the language current then,
    and `again()` gives the same message made in the current language. Pickled (a worker's
    result), it carries its id and values, not rendered text: the receiving process renders it.
    A value that is itself a Message is rendered with it, in the same language.
    """

    _parts: tuple[str, str, dict[str, object], str]  # id, English, values, the language it was made in

    def __new__(cls, id_text: str, en_text: str, values: dict[str, object] | None = None) -> Message:
        return _made(id_text, en_text, values or {})

    @property
    def id(self) -> str:
        return self._parts[0]

    @property
    def en(self) -> str:
        return self._parts[1]

    @property
    def values(self) -> dict[str, object]:
        return dict(self._parts[2])

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a Message is immutable")

    def __str__(self) -> str:
        id_text, en_text, values, made_in = self._parts
        if made_in == _current:  # the usual case: written in the language it was made in
            return str.__str__(self)
        text = en_text if _current == "en" else id_text
        return text.format_map(values) if values else text

    def __format__(self, spec: str) -> str:
        return format(self.__str__(), spec)

    def __reduce__(self) -> tuple[object, ...]:
        return _made, self._parts[:3]

    def again(self) -> Message:
        """This message made in the current language."""
        return _made(*self._parts[:3])
