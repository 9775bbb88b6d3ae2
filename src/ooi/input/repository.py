"""Where the data root sits in its git repository: the prefix that makes paths relative to git's top level."""

from __future__ import annotations

import subprocess
from pathlib import Path


def prefix(root: Path) -> str:
    """`sub/dir/` when the data root is a subfolder of a git work tree, else `` (outside git: the data root)."""
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True,
                              timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    if done.returncode != 0:
        return ""
    text = done.stdout.decode("utf-8", "surrogateescape").strip()
    return text if not text or text.endswith("/") else text + "/"
