"""Where the data root sits in its git repository: the prefix that makes paths relative to git's top level."""

from __future__ import annotations

from pathlib import Path

from ooi.input.git import run
from ooi.model.errors import OoiError


def prefix(root: Path) -> str:
    """`sub/dir/` when the data root is a subfolder of a git work tree, else `` (outside git: the data root)."""
    try:
        text = run(root, "rev-parse", "--show-prefix").strip()
    except OoiError:
        return ""
    return text if not text or text.endswith("/") else text + "/"
