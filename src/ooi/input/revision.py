"""The commit a data root stands at, for a report to say what it was made from (git is run only from `input`)."""

from __future__ import annotations

import subprocess
from pathlib import Path


def describe(root: Path) -> str | None:
    """`abc1234` (with ` +` when data/ or ooi.yaml has uncommitted changes), or None outside git."""
    try:
        head = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                              capture_output=True, text=True, timeout=30)
        if head.returncode:
            return None
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--", "data", "ooi.yaml"],
                               capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return head.stdout.strip() + (" +" if dirty.stdout.strip() else "")
