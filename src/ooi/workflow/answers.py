"""What a person types at `ooi isi`, read as the value a record needs (`25.000.000` → 25000000, `2` → a choice)."""

from __future__ import annotations

import re

from ooi.schema import hints

_YES = {"y", "ya", "iya", "yes", "true", "benar", "betul", "setuju", "ok"}
_NO = {"n", "t", "tidak", "tdk", "no", "false", "salah", "bukan"}
_INT = re.compile(r"[+-]?\d+")


def yes(typed: str) -> bool:
    return typed.strip().casefold() in _YES


def convert(kind: str, typed: str, choices: tuple[tuple[str, str], ...] = (), field: str = "") -> object:
    """The value to write for `typed`; what cannot be read as the kind stays text, for the rules to explain.

    What the hints of `ooi validate` would offer as the answer (`3 Juli 2023` → `2023-07-03`,
    `200 orang` → 200, `SK Kepala Dinas` → `regulasi`) is taken as the answer: the person sees
    the value saved.
    """
    value = _read(kind, typed, choices)
    if not isinstance(value, str) or kind not in ("date", "choice"):
        return value
    if kind == "date":
        return hints.date_meant(value) or value
    values = [choice for choice, _ in choices]
    if value in values:
        return value
    meant, sure = hints.choice_meant(re.sub(r"\[\d+\]", "", field), typed.strip(), values)
    return meant if sure and meant else value


def _read(kind: str, typed: str, choices: tuple[tuple[str, str], ...]) -> object:
    text = typed.strip()
    if kind == "long":
        # Paragraphs (apart by a blank line as typed) are apart by one line break in the value: one blank
        # line in the folded text written (YAML's convention, as the records are written by hand).
        return "\n".join(" ".join(part.split()) for part in re.split(r"\n\s*\n", text) if part.strip())
    text = " ".join(text.split())
    if kind in ("int", "number"):
        if _INT.fullmatch(text):  # a sign is kept, for the rules to judge
            return int(text)
        meant = hints.number_meant(text, whole=kind == "int")
        return text if meant is None else meant
    if kind == "bool":
        folded = text.casefold()
        return True if folded in _YES else False if folded in _NO else text
    if kind == "nip":
        digits = re.sub(r"[\s.\-]", "", text)
        return digits if digits.isdigit() else text
    if kind == "choice":
        return choice(text, choices)
    if kind == "choices":
        parts = [part for part in re.split(r"[,;]\s*|\s+(?=\d)|\s+dan\s+", text) if part.strip()]
        return [choice(part, choices) for part in parts]
    if kind == "list":
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def choice(text: str, choices: tuple[tuple[str, str], ...]) -> str:
    """A choice typed as its number, its value or its label; otherwise the text, normalised like a value."""
    folded = text.strip().casefold()
    if folded.isdigit() and 1 <= int(folded) <= len(choices):
        return choices[int(folded) - 1][0]
    normal = re.sub(r"[\s-]+", "_", folded)
    for value, label in choices:
        if normal == value or (label and folded == label.casefold()):
            return value
    return normal if normal else text
