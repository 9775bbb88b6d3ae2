"""Heavy real parts the tests use as a person would (Chromium, LibreOffice, node packages): found, or a visible skip.

A missing part skips its tests with the reason and how to install it, so a newcomer's run stays green;
with `OOI_REQUIRE_REAL_PARTS=1` (set by `.ci/run` after it installs them) a missing part fails instead,
so CI can never pass by skipping. Nothing here looks at `CI`.
"""

from __future__ import annotations

import os

import pytest


def required() -> bool:
    """Whether a missing real part is a failure (`OOI_REQUIRE_REAL_PARTS=1`) rather than a skip."""
    return os.environ.get("OOI_REQUIRE_REAL_PARTS", "").strip() == "1"


def need(found: str | None, missing: str) -> str:
    """`found` (a path or command) when it is there; else skip with `missing`, or fail when parts are required."""
    if found:
        return found
    message = f"{missing} (OOI_REQUIRE_REAL_PARTS=1 turns this skip into a failure; .ci/run sets it)"
    if required():
        pytest.fail(message)
    pytest.skip(message)
