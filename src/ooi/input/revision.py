"""The commit a data root stands at, for a report to say what it was made from (git is run only from `input`)."""

from __future__ import annotations

from pathlib import Path

from ooi.input.discovery import DATA
from ooi.input.git import run
from ooi.model.errors import OoiError
from ooi.model.settings import SETTINGS_FILE


def describe(root: Path) -> str | None:
    """`abc1234` (with ` +` when the data or its settings have uncommitted changes), or None outside git."""
    try:
        head = run(root, "rev-parse", "--short=12", "HEAD").strip()
        dirty = run(root, "status", "--porcelain", "--", DATA, SETTINGS_FILE).strip()
    except OoiError:
        return None
    return head + (" +" if dirty else "")
