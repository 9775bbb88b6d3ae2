"""R007 against padding: copies of one innovation told apart only by invisible or look-alike characters."""

from __future__ import annotations

import json
from datetime import date

from conftest import make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine.checker import check
from ooi.input.config import load_settings

NAME = "Sigap Bumil"
COPIES = {
    "zwsp": ("Si\u200bgap Bumil", "U+200B ZERO WIDTH SPACE)"),
    "zwj": ("Sigap\u200d Bumil", "U+200D ZERO WIDTH JOINER)"),
    "kiril": ("Sіgар Bumil", "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, "
                             "U+0430 CYRILLIC SMALL LETTER A, U+0440 CYRILLIC SMALL LETTER ER)"),
    "lebar": ("ＳＩＧＡＰ BUMIL", "U+FF33 FULLWIDTH LATIN CAPITAL LETTER S, U+FF29 FULLWIDTH LATIN CAPITAL LETTER I, "
                                "U+FF27 FULLWIDTH LATIN CAPITAL LETTER G, U+FF21 FULLWIDTH LATIN CAPITAL LETTER A, "
                                "U+FF30 FULLWIDTH LATIN CAPITAL LETTER P)"),
}


def record(nama: str) -> dict:
    data = sample("uji_coba")
    data["nama"] = nama
    return data


def findings(root):
    result = check(root, load_settings(root), today=date(2026, 11, 28))
    return {(f.path.rsplit("/", 1)[-1], f.code): f.message for f in result.findings}


def test_each_look_alike_copy_is_a_duplicate_and_says_which_characters_differ(tmp_path):
    files = {"data/inovasi/dispendukcapil/asli.yaml": record(NAME)}
    files |= {f"data/inovasi/dispendukcapil/{slug}.yaml": record(nama) for slug, (nama, _) in COPIES.items()}
    found = findings(make_root(tmp_path, files))
    for slug, (_, named) in COPIES.items():
        others = ", ".join(f"data/inovasi/dispendukcapil/{s}.yaml" for s in ("asli", *sorted(COPIES)) if s != slug)
        message = found[(f"{slug}.yaml", "R007")]
        assert message == f"nama inovasi sama dengan {others} (beda hanya pada karakter yang tampak sama: {named}"
    # Each disguise is also a warning of its own (R021); fullwidth letters are one script, shown as they are.
    assert set(found) == {(f"{slug}.yaml", "R007") for slug in ("asli", *COPIES)} | {
        (f"{slug}.yaml", "R021") for slug in ("zwsp", "zwj", "kiril")}


def test_one_pair_names_exactly_the_differing_characters(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/asli.yaml": record(NAME),
                                "data/inovasi/dispendukcapil/salinan.yaml": record("Si\u200bgap Bumil")})
    assert findings(root)[("salinan.yaml", "R007")] == (
        "nama inovasi sama dengan data/inovasi/dispendukcapil/asli.yaml "
        "(beda hanya pada karakter yang tampak sama: U+200B ZERO WIDTH SPACE)")
    assert findings(root)[("asli.yaml", "R007")] == (
        "nama inovasi sama dengan data/inovasi/dispendukcapil/salinan.yaml "
        "(beda hanya pada karakter yang tampak sama: U+200B ZERO WIDTH SPACE)")


def test_padding_no_longer_counts(tmp_path):
    """Four innovations and four look-alike copies: the copies never raise the count (it was 8)."""
    names = ["Sigap Bumil", "Pena Emas", "Kampung Sehat", "Posyandu Digital"]
    files = {f"data/inovasi/dispendukcapil/asli-{i}.yaml": record(nama) for i, nama in enumerate(names)}
    root = make_root(tmp_path, files, settings="pemda: Kota Uji\ntahun_target: 2023\n")
    status = ["status", "--root", str(root), "--format", "json", "--per", "2023-12-31"]
    before = json.loads(CliRunner().invoke(app, status).stdout)["summary"]["innovations"]
    for i, nama in enumerate(names):
        padded = nama.replace("a", "а", 1) if i % 2 else nama.replace(" ", "\u200b ", 1)
        (root / f"data/inovasi/dispendukcapil/salinan-{i}.yaml").write_text(
            json.dumps(record(padded), ensure_ascii=False), encoding="utf-8")
    after = json.loads(CliRunner().invoke(app, status).stdout)["summary"]["innovations"]
    assert (before, after) == (4, 0)  # every copy and its original are R007 errors until one is removed


def test_distinct_names_stay_distinct(tmp_path):
    root = make_root(tmp_path, {"data/inovasi/dispendukcapil/a.yaml": record("Sigap Bumil"),
                                "data/inovasi/dispendukcapil/b.yaml": record("Sigap Bumil 2"),
                                "data/inovasi/dispendukcapil/c.yaml": record("Sigap Bumíl")})
    assert findings(root) == {}
