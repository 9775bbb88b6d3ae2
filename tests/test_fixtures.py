"""Each fixture file holds one mistake, named after the code that must catch it; valid ones stay clean."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import AGENCY, make_root

from ooi.engine.checker import check
from ooi.input.config import load_settings

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 28)
DINKES = {"kode": "dinkes", "nama": "Dinas Kesehatan", "singkatan": "Dinkes", "jenis": "dinas", "urusan": ["1.02"]}


def findings_for(tmp_path: Path, fixture: Path):
    rel = f"data/inovasi/dispendukcapil/{fixture.name}"
    root = make_root(tmp_path, {rel: fixture.read_bytes()}, agencies=[AGENCY, DINKES])
    result = check(root, load_settings(root), today=TODAY)
    return [f for f in result.findings if f.path == rel], result


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "invalid").glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_fixture_is_caught_by_its_code(tmp_path, fixture):
    code = fixture.stem.split("-")[0].upper()
    found, result = findings_for(tmp_path, fixture)
    assert found, f"{fixture.name}: no finding"
    assert {f.code for f in found} == {code}, [(f.code, f.message) for f in found]
    assert all(f.line >= 1 and f.column >= 1 and f.message and f.hint for f in found), found
    assert result.errors >= 1


@pytest.mark.parametrize("fixture", sorted((FIXTURES / "valid").glob("*.yaml")), ids=lambda p: p.stem)
def test_valid_fixture_is_clean(tmp_path, fixture):
    found, _ = findings_for(tmp_path, fixture)
    assert found == []


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("*/*.yaml")), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_crlf_copy_gives_the_same_findings_at_the_same_places(tmp_path, fixture):
    """A file saved by a Windows editor (CRLF line ends) reads as on Linux: same findings, same line:col."""
    lf = fixture.read_bytes().replace(b"\r\n", b"\n")
    crlf = tmp_path / "crlf" / fixture.name
    crlf.parent.mkdir()
    crlf.write_bytes(lf.replace(b"\n", b"\r\n"))
    (tmp_path / "lf").mkdir()
    (tmp_path / "lf" / fixture.name).write_bytes(lf)

    def seen(path):
        found, _ = findings_for(path.parent.parent / (path.parent.name + "-root"), path)
        return [(f.code, f.line, f.column, f.field, f.message, f.hint) for f in found]

    found = seen(crlf)
    assert found == seen(tmp_path / "lf" / fixture.name)
    assert bool(found) == (fixture.parent.name == "invalid")
