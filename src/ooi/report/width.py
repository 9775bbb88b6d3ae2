"""What the reader's screen can show: its width (COLUMNS, else the terminal's; None for a pipe), colour, characters.

The one place that decides the console's capabilities. A Windows console redirected to a
file writes its legacy code page (cp1252, cp437) and a misconfigured one ASCII: a character
the stream cannot encode becomes a plain one (`✔` → `v`, `█` → `#`, `…` → `...`), never a
`UnicodeEncodeError`.
"""

from __future__ import annotations

import codecs
import os
import shutil
import sys
import unicodedata

_PLAIN = {
    **dict.fromkeys("✔✓✅", "v"), **dict.fromkeys("✘✗❌×", "x"), "◆": "+", **dict.fromkeys("●•■▪", "*"),
    **dict.fromkeys("○◌◦□", "o"),
    **dict.fromkeys("🟢🟡🔵🔴", "*"), "█": "#", "▓": "#", "▒": ":", "░": ".", "…": "...", "·": ".",
    **dict.fromkeys("–—−‐‑➖", "-"), "±": "+/-", "≈": "~", "≥": ">=", "≤": "<=", "→": "->", "←": "<-",
    "↑": "^", "↓": "v", "▲": "^", "▼": "v", "↳": "->", "›": ">", "‹": "<", "«": "<<", "»": ">>",
    **dict.fromkeys("“”„″", '"'), **dict.fromkeys("‘’‚′", "'"), "⚠": "!", "⏸": "||", "§": "S", "Σ": "total",
    **dict.fromkeys("─━═┄┈╌", "-"), **dict.fromkeys("│┃║┆┊╎", "|"),
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\ufe0f": "", "\u200b": "",
}
_ERRORS = "ooi-plain"


def plain(character: str) -> str:
    """An ASCII stand-in for `character`: a known symbol's, else its letters without accents, else `?`."""
    if character in _PLAIN:
        return _PLAIN[character]
    if "\u2500" <= character <= "\u257f":  # box corners and tees: `└`, `┼`
        return "+"
    stripped = "".join(c for c in unicodedata.normalize("NFKD", character) if not unicodedata.combining(c))
    return stripped if stripped.isascii() and stripped.isprintable() else "?"


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(plain(c) for c in error.object[error.start:error.end]), error.end


codecs.register_error(_ERRORS, _replace)


def use_plain_fallback(*streams) -> None:
    """Streams (stdout and stderr by default) write what their encoding lacks as plain characters.

    Called once by the CLI's entry point: a process-wide setting, like the streams themselves.
    """
    for stream in streams or (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and (stream.errors or "strict") == "strict":
            stream.reconfigure(errors=_ERRORS)


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
