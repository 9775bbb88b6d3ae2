"""`ooi --help` starts fast: it imports neither pydantic, the rules, the checker, nor rich."""

from __future__ import annotations

import subprocess
import sys

import pytest

PROBE = """
import sys
from ooi.cli import main
sys.argv = ["ooi", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""
OURS = ("ooi.rules", "ooi.engine.checker", "ooi.model.records", "ooi.schema.validation", "rich")


def _imported(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60)
    assert "Cara pakai" in done.stdout, done.stderr  # the help, in Indonesian by default
    return set(done.stderr.split())


def _heavy(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in names or m.startswith(names))


def test_help_imports_nothing_heavy():
    assert _heavy(_imported("--help"), ("pydantic", *OURS)) == []


@pytest.mark.parametrize("command", ["validate", "status"])
def test_command_help_imports_no_rules(command):
    # Typer itself coerces parameters with pydantic (0.2x), so only our heavy modules are checked here.
    assert _heavy(_imported(command, "--help"), OURS) == []
