"""Rule tests that read like the docs (yamllint's RuleTestCase): a record in, the expected (code, field) out."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from conftest import SETTINGS, make_root

from ooi.engine.checker import check
from ooi.input.config import load_settings

TODAY = date(2026, 11, 28)
REL = "data/inovasi/dispendukcapil/inovasi-uji.yaml"


def findings_of(record: dict | str, today: date = TODAY, settings: str = SETTINGS, files: dict | None = None):
    """Every finding on `record`, checked as the one innovation of a small data root."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_root(Path(folder), {REL: record, **(files or {})}, settings=settings)
        return [f for f in check(root, load_settings(root), today=today).findings if f.path == REL]


def assert_findings(record: dict | str, expected: list[tuple], codes: tuple[str, ...] = (), today: date = TODAY):
    """The findings of the codes in `expected` (and `codes`) are exactly `expected`.

    Each expected item is `(code, field)` for an error or `(code, field, "warning")`.
    With nothing expected and no `codes`, the record must have no finding at all.
    Returns the findings compared, for checks on their messages.
    """
    found = findings_of(record, today)
    watched = {item[0] for item in expected} | set(codes)
    actual = sorted((f.code, f.field, f.severity.value) for f in found if not watched or f.code in watched)
    wanted = sorted((item[0], item[1], item[2] if len(item) > 2 else "error") for item in expected)
    assert actual == wanted, "\n".join(f"{f.code} {f.severity.value} {f.field}: {f.message}" for f in found)
    return [f for f in found if not watched or f.code in watched]
