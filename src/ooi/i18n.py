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


def tr(id_text: str, en_text: str, **values) -> str:
    """Pick the text of the current language; both are written side by side at the call."""
    text = en_text if _current == "en" else id_text
    return text.format(**values) if values else text
