"""Finding: the one immutable value every check produces, and its Severity."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as attribute
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


CAP = 50  # findings of one code in one file shown one by one (SPEC §15); the rest are summed up in one
# A finding quotes what was written; a 1 MiB value must not come back whole in every report.
QUOTE_LIMIT = 60
TEXT_LIMIT = 500


def excerpt(value: object, limit: int = QUOTE_LIMIT) -> str:
    """`value` as text for a message, cut to `limit` characters with `…` when longer."""
    text = value if isinstance(value, str) else _text(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _text(value: object) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** 30:
        # Never a long decimal conversion (Python refuses past 4,300 digits): its order of magnitude.
        return f"{'-' if value < 0 else ''}~10^{int(value.bit_length() * 0.30103)}"
    return str(value)


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem in one file, ordered by place so every report is stable; its texts are bounded."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity = attribute(compare=False)
    field: str = ""
    message: str = attribute(default="", compare=False)
    hint: str = attribute(default="", compare=False)
    waived_by: str = attribute(default="", compare=False)
    # The key path `field` was rendered from (`("bukti", 0, "tautan")`): code that needs the keys takes them here,
    # never from `field`, whose text a YAML key holding `[`, `]` or `.` makes ambiguous.
    keys: tuple[str | int, ...] = attribute(default=(), compare=False)
    related: str = attribute(default="", compare=False)  # the other file a finding across files names (R015)

    def __post_init__(self) -> None:
        for name in ("field", "message", "hint"):  # the backstop behind every quote cut by `excerpt`
            text = getattr(self, name)
            if len(text) > TEXT_LIMIT:
                object.__setattr__(self, name, excerpt(text, TEXT_LIMIT))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR and not self.waived_by

    def as_dict(self) -> dict[str, object]:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "message": str(self.message),  # a catalogue message, in the language current now
            "hint": str(self.hint),
        }
        if self.waived_by:
            data["waived_by"] = self.waived_by
        return data


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports before the engine gives it a place, code and severity.

    `keys` is the path inside the record (`("prinsip", "efisiensi", "ukuran", 0)`);
    `code` and `severity` default to the rule's own.
    """

    keys: tuple[str | int, ...] = ()
    message: str = ""
    hint: str = ""
    code: str | None = None
    severity: Severity | None = None
    related: str = ""  # the other file, for a finding about two files (R015's pair)


def field_name(keys: tuple[str | int, ...]) -> str:
    """`("prinsip", "efisiensi", "ukuran", 0)` → `prinsip.efisiensi.ukuran[0]`: for people only, never parsed back."""
    text = ""
    for key in keys:
        if isinstance(key, int) and not isinstance(key, bool):
            text += f"[{excerpt(key)}]"
        else:
            text += f".{excerpt(key)}" if text else excerpt(key)
    return text
