"""Finding: the one immutable value every check produces, and its Severity."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as attribute
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem in one file, ordered by place so every report is stable."""

    path: str
    line: int
    column: int
    code: str
    severity: Severity = attribute(compare=False)
    field: str = ""
    message: str = attribute(default="", compare=False)
    hint: str = attribute(default="", compare=False)
    waived_by: str = attribute(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR and not self.waived_by

    def as_dict(self) -> dict:
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "severity": self.severity.value,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
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

    keys: tuple = ()
    message: str = ""
    hint: str = ""
    code: str | None = None
    severity: Severity | None = None


def field_name(keys: tuple) -> str:
    """`("prinsip", "efisiensi", "ukuran", 0)` → `prinsip.efisiensi.ukuran[0]`."""
    text = ""
    for key in keys:
        if isinstance(key, int):
            text += f"[{key}]"
        else:
            text += f".{key}" if text else str(key)
    return text
