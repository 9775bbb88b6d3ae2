"""How wide the reader's screen is: COLUMNS when set, else the terminal's; None for a pipe or a file."""

from __future__ import annotations

import os
import shutil
import sys


def columns() -> int | None:
    """The width to fit, or None when nothing is to be wrapped (output read by a program, goldens, CI logs)."""
    try:
        wanted = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        wanted = 0
    if wanted > 0:
        return wanted
    if sys.stdout.isatty():
        return shutil.get_terminal_size((100, 24)).columns
    return None


def screen() -> dict:
    """Options for a table renderer: the width to fit, colour only for a terminal, and whether to wrap lines."""
    width = columns()
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return {"width": width or 100, "color": color, "wrap": width is not None}
