"""The README's set-up commands are the ones CI runs, and they name commands that exist."""

from __future__ import annotations

import re
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(python3 -m venv .*)\n```", readme)


def test_readme_gives_the_two_set_up_commands():
    run, test = commands()[:2]
    assert run.endswith("ooi status")
    assert test.endswith("python -m pytest") and "'.[test]'" in test


def test_ci_runs_the_readme_test_command():
    ci = (TOP / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci.splitlines()


def test_readme_examples_are_valid_records(tmp_path):
    from datetime import date

    from conftest import make_root

    from ooi.engine.checker import check
    from ooi.input.config import load_settings

    readme = (TOP / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"### Contoh lengkap.*?\n\n```yaml\n(.*?)```", readme, re.S)
    assert len(examples) == 2
    files = {f"data/inovasi/dispendukcapil/contoh-{i}.yaml": text for i, text in enumerate(examples)}
    root = make_root(tmp_path, files)
    assert check(root, load_settings(root), today=date(2026, 11, 28)).findings == []


def test_the_environment_is_active_before_the_first_bare_ooi():
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    first_bare = next(i for i, block in enumerate(blocks) if re.search(r"^ooi ", block, re.M))
    assert any("source .venv/bin/activate" in block for block in blocks[:first_bare + 1])
    assert readme.index("source .venv/bin/activate") < readme.index("\nooi ")


def test_readme_says_how_dates_from_git_are_trusted_in_both_languages():
    """SPEC §10: how git's dates are trusted, how to protect main, merge commits for records, what git_sejak is for."""
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    english = readme.index("\n## English")
    for indonesian, english_words in [
        ("**Tanggal dari git, dan kapan ia dipercaya.**", "**Dates from git, and when they are trusted.**"),
        ("**Melindungi cabang utama.**", "**Protect the main branch:**"),
        ('**Pakai "Create a merge\ncommit" untuk pull request catatan:**',
         '**Use "Create a merge commit" for record pull requests:**'),
        ("**`git_sejak` dan impor.**", "**`git_sejak` and imports.**"),
    ]:
        assert readme.index(indonesian) < english < readme.index(english_words)
    for words in ("tanggal_tidak_dipercaya", "tinjauan_maks_hari", "R016", "foxtrot", "Squash and merge",
                  "Periksa data inovasi"):
        assert readme.index(words) < english < readme.rindex(words), words
