"""The rule catalogue: every code documented in both languages, tested, explained, and listed in the README."""

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import sample
from rulecase import findings_of
from typer.testing import CliRunner

from ooi.cli import app
from ooi.rules import catalogue

TESTS = Path(__file__).parent
README = TESTS.parent / "README.md"
CODES = catalogue.known_codes()


def run(*args):
    return CliRunner().invoke(app, list(args), env={"OOI_LANG": None, "OOI_ROOT": None})


@pytest.mark.parametrize("code", CODES)
def test_every_code_is_documented_in_both_languages(code):
    entry = catalogue.entry(code)
    for part in ("title", "what", "why", "passing", "failing"):
        text = getattr(entry, part)
        assert text.id.strip() and text.en.strip(), f"{code}: {part} is missing a language"
    assert entry.what.id != entry.what.en and entry.why.id != entry.why.en
    assert entry.passing.id != entry.failing.id
    if code.startswith("P"):
        assert entry.source == f"PP 38/2017 Pasal 3 huruf {'abcdefgh'[int(code[1]) - 1]}"
        assert entry.source.replace("Pasal", "") in entry.why.id.replace("Pasal", "")
        assert "PP 38/2017 Article 3 letter" in entry.why.en


def _tested_codes() -> str:
    """Test sources, plus fixture names: `s002-unknown-key.yaml` is a test that expects S002."""
    text = "".join(path.read_text(encoding="utf-8") for path in TESTS.glob("*.py"))
    return text + " ".join(path.name.split("-")[0].upper() for path in (TESTS / "fixtures").rglob("*.yaml"))


@pytest.mark.parametrize("code", CODES)
def test_every_code_has_a_test_that_expects_it(code):
    assert re.search(rf"\b{code}\b", _tested_codes()), f"no test mentions {code}"


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("code", CODES)
def test_explain_works_for_every_code(code, lang):
    outcome = run("explain", code, "--lang", lang)
    assert outcome.exit_code == 0, outcome.output
    entry = catalogue.entry(code)
    title = entry.title.id if lang == "id" else entry.title.en
    assert outcome.stdout.startswith(f"{code}  {title}  [{entry.severity.value}]")
    heads = ("Yang diperiksa", "Mengapa", "Contoh lolos", "Contoh gagal") if lang == "id" else \
        ("What it checks", "Why", "Passing example", "Failing example")
    assert all(f"\n{head}\n" in outcome.stdout for head in heads)


def test_explain_says_which_codes_can_be_waived():
    assert "pengecualian" in run("explain", "P4").stdout and "pengecualian" in run("explain", "S010").stdout
    assert "pengecualian" not in run("explain", "Y003").stdout and "pengecualian" not in run("explain", "S001").stdout


def test_explain_accepts_lowercase_and_lists_the_sectors_for_r004():
    assert run("explain", "p4").exit_code == 0
    assert "2.12  Administrasi Kependudukan dan Pencatatan Sipil" in run("explain", "R004").stdout


@pytest.mark.parametrize(("code", "suggestion"), [("R04", "R004"), ("P44", "P4"), ("S01", "S001")])
def test_explain_an_unknown_code_exits_2_with_a_suggestion(code, suggestion):
    outcome = run("explain", code)
    assert outcome.exit_code == 2
    assert f"(maksudnya `{suggestion}`?)" in outcome.output


def test_explain_json():
    data = json.loads(run("explain", "P3", "--format", "json", "--lang", "en").stdout)
    assert data["code"] == "P3" and data["title"] == "better service quality" and "25–100" in data["what"]


def test_rules_lists_every_code_in_every_format():
    text = run("rules").stdout
    assert all(f"  {code} " in text for code in CODES)
    data = json.loads(run("rules", "--format", "json", "--lang", "en").stdout)
    assert [row["code"] for row in data] == list(CODES)
    assert data[-1]["title"].startswith("results accountable") and data[-1]["family"] == "principles"
    assert run("rules", "--format", "xml").exit_code == 2


def test_readme_rule_table_is_the_generated_one():
    readme = README.read_text(encoding="utf-8")
    region = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", readme, re.S)
    assert region, "README lacks the <!-- rules:start --> … <!-- rules:end --> region"
    generated = run("rules", "--format", "markdown").stdout
    assert region.group(1) == generated, "README rule table is stale: paste `ooi rules --format markdown` into it"


def _example(text: str) -> dict:
    """A doc example merged over the sample of its stage: top-level keys and each principle replaced whole."""
    fragment = yaml.safe_load(text)
    record = sample(fragment.get("tahapan", "penerapan"))
    for key, value in fragment.items():
        if key == "prinsip":
            record["prinsip"].update(value)
        else:
            record[key] = value
    return json.loads(json.dumps(record, default=str))


RULE_DOCS = [code for code in CODES if code[0] in "PI"] + ["S010"]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("code", RULE_DOCS)
def test_the_documented_examples_do_what_they_say(code, lang):
    entry = catalogue.entry(code)
    passing, failing = (getattr(entry.passing, lang), getattr(entry.failing, lang))
    assert code not in {f.code for f in findings_of(_example(passing))}
    assert code in {f.code for f in findings_of(_example(failing))}


def test_every_code_is_documented_in_one_place_the_documentation_file():
    """data/kode.yaml documents exactly the known codes, each with the same keys; rule modules keep one-line docstrings."""
    documented = yaml.safe_load((TESTS.parent / "src/ooi/data/kode.yaml").read_text(encoding="utf-8"))
    assert sorted(documented) == sorted(CODES)
    assert {code for code, row in documented.items() if not {"apa", "what", "mengapa", "why", "lolos", "gagal"} <= set(row)
            or set(row) - {"apa", "what", "mengapa", "why", "lolos", "gagal", "lolos_en", "gagal_en"}} == set()
    rules = TESTS.parent / "src/ooi/rules"
    assert [path.name for path in sorted(rules.glob("*.py")) if "\nWhy:\n" in path.read_text(encoding="utf-8")] == []


def test_titles_for_sarif_and_settings_helpers():
    assert catalogue.title("P4") == "tidak ada konflik kepentingan"
    assert catalogue.title("S010") == "isian teks masih placeholder"
    assert catalogue.default_severity("R013").value == "warning" and catalogue.default_severity("P1").value == "error"
    with pytest.raises(KeyError):
        catalogue.entry("X001")


def test_every_code_belongs_to_a_named_family():
    families = {code: catalogue.entry(code).family for code in CODES}
    assert {code[0] for code in CODES} == {"Y", "S", "R", "I", "P"}
    assert (families["I001"].id, families["I001"].en) == ("indeks inovasi daerah", "regional innovation index")
    data = json.loads(run("rules", "--format", "json", "--lang", "en").stdout)
    assert {row["family"] for row in data if row["code"].startswith("I")} == {"regional innovation index"}


def test_explain_i001_lists_the_indicator_keys():
    text = run("explain", "I001").stdout
    assert "  regulasi              SID 16  Regulasi inovasi daerah (bobot 3, wajib)" in text
    assert "  video                 SID 35  Video inovasi daerah (bobot 4, wajib)" in text
    assert catalogue.suggest("i1") == "I001"
