"""A hostile author's strings through every output format and stream: nothing reaches a terminal, a CI log
or a job summary as anything but visible text (issue 11: terminal escapes, rich markup, bidi, Markdown)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from conftest import AGENCY, make_root, sample
from ooi.cli import app
from ooi.text_safety import cell, code, fold, markdown, name, spreadsheet, visible

ERASE = "\x1b[2K\r0 error"  # erase the line, go back, print a fake all-clear
CONCEAL = "\x1b[8mrahasia\x9b2K"  # ESC conceal, and the 8-bit CSI (U+009B) erase
OSC = "\x1b]0;pwned\x07\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\"
MARKUP = "Sigap [/oops] Bumil [link=https://evil.example]x[/link] [conceal]y[/conceal]"
FORGED = "a`\n### ✅ Capaian target: 35 dari 35 OPD (100,0%)\n<!--"
RAW = ("\x1b", "\x07", "\r", "\x9b", "\u202e", "\u2066", "\u200b", "\u200d")


@pytest.fixture
def hostile(tmp_path):
    agency = dict(AGENCY, nama=f"Dinas {MARKUP} {CONCEAL}\u202e", singkatan="Dukcapil [/oops]")
    record = sample("uji_coba")
    record["nama"] = f"{MARKUP} {ERASE}\u2066"
    stray = sample("uji_coba")
    stray["opd"] = "palsu"
    # A path with control characters is S007 and never echoed (issue 10); its text still travels in `judul`.
    stray["bukti"][0]["berkas"] = OSC
    return make_root(tmp_path / "root", {
        "data/inovasi/dispendukcapil/sigap.yaml": record,
        "data/inovasi/dispendukcapil/x\x1b[8m\u202e\u200b.yaml": dict(record, nama="Lain"),
        f"data/inovasi/palsu/{FORGED}.yaml": stray,
    }, agencies=[agency])


def run(root, *args):
    return CliRunner().invoke(app, [*args, "--root", str(root)], env={"OOI_LANG": None, "NO_COLOR": None})


def assert_clean(text: str) -> None:
    assert not [c for c in RAW if c in text], text


OUTPUTS = [("validate", "--format", "text"), ("validate", "--format", "github"), ("status",),
           ("status", "--format", "markdown"), ("status", "--format", "csv"), ("show", "dispendukcapil"),
           ("principles",), ("principles", "--format", "markdown"), ("principles", "dispendukcapil")]


@pytest.mark.parametrize("args", OUTPUTS, ids=" ".join)
def test_no_raw_control_or_bidi_character_reaches_any_output(hostile, args):
    outcome = run(hostile, *args)
    assert outcome.exit_code in (0, 1), outcome.output
    assert_clean(outcome.stdout)
    assert_clean(outcome.stderr)
    if "github" in args:  # every line is one workflow command of ours, none a forged one
        assert all(line.startswith(("::error file=", "::warning file=")) for line in outcome.stdout.splitlines())
    if "markdown" in args:  # no line of a file's text became a line of the summary
        assert not [line for line in outcome.stdout.splitlines() if line.startswith(("### ✅", "<!--"))]


def test_validate_text_shows_the_escapes_as_text(hostile):
    outcome = run(hostile, "validate")
    lines = outcome.stdout.splitlines()
    assert ("data/inovasi/palsu/a`\\n### ✅ Capaian target: 35 dari 35 OPD (100,0%)\\n<!--.yaml:48:3: error S007 "
            "`bukti[0].berkas`: jalur berkas memuat karakter kendali U+001B") in lines
    assert ("data/inovasi/dispendukcapil/x\\x1b[8m\\u202e\\u200b.yaml:1:1: error R003 nama berkas "
            "`x\\x1b[8m\\u202e\\u200b.yaml` bukan slug") in lines
    # Both names would break a checkout on Windows as well (Y015): control characters, `<`, a line break.
    assert ("data/inovasi/dispendukcapil/x\\x1b[8m\\u202e\\u200b.yaml:1:1: error Y015 nama "
            "`x\\x1b[8m\\u202e\\u200b.yaml` memuat karakter yang tidak boleh ada di nama berkas Windows (`<>:\"|?*\\` "
            "atau karakter kendali)") in lines
    assert lines[-1] == "4 berkas diperiksa: 6 error, 2 peringatan"  # R021: the bidi controls in the two names


def test_github_annotations_stay_one_line_each(hostile):
    lines = run(hostile, "validate", "--format", "github").stdout.splitlines()
    forged = [line for line in lines if "palsu" in line and "R003" in line]
    assert forged == ["::error file=data/inovasi/palsu/a`\\n### ✅ Capaian target%3A 35 dari 35 OPD (100%2C0%25)\\n"
                      "<!--.yaml,line=1,col=1,title=OOI R003::nama berkas `a`\\n### ✅ Capaian target: 35 dari 35 OPD "
                      "(100,0%25)\\n<!--.yaml` bukan slug%0Aganti nama menjadi "
                      "`a-capaian-target-35-dari-35-opd-100-0.yaml` (huruf kecil, angka, tanda hubung)"]


def test_rich_markup_in_a_name_is_shown_not_parsed(hostile):
    for args in (("principles",), ("status",), ("show", "dispendukcapil")):
        outcome = run(hostile, *args)
        assert outcome.exit_code == 0, outcome.output
        assert "[/oops]" in outcome.stdout, args
        assert "[link=https://evil.example]" in outcome.stdout or args == ("status",), args
    show = run(hostile, "show", "dispendukcapil").stdout.splitlines()
    assert show[0] == f"Dinas {MARKUP} \\x1b[8mrahasia\\x9b2K\\u202e (dispendukcapil) · dinas"
    assert f"  {MARKUP} \\x1b[2K\\r0 error\\u2066 · uji coba · dilapor 2023-04-03 · uji coba 2023-03-06" in show


def test_status_markdown_escapes_names_and_file_names(hostile):
    lines = run(hostile, "status", "--format", "markdown").stdout.splitlines()
    assert ("| 1 | Dinas Sigap \\[/oops\\] Bumil \\[link=https\\://evil.example\\]x\\[/link\\] \\[conceal\\]y\\[/conceal\\] "
            "\\\\x1b\\[8mrahasia\\\\x9b2K\\\\u202e (`dispendukcapil`) | 🟢 Tercapai | 1 | 0 | **2** | 2 |") in lines
    assert ("- ``data/inovasi/palsu/a`\\n### ✅ Capaian target: 35 dari 35 OPD (100,0%)\\n<!--.yaml``: "
            "4 error, 0 peringatan, di luar daftar OPD aktif") in lines


def test_principles_markdown_escapes_names(hostile):
    lines = run(hostile, "principles", "--format", "markdown").stdout.splitlines()
    assert ("| Sigap \\[/oops\\] Bumil \\[link=https\\://evil.example\\]x\\[/link\\] \\[conceal\\]y\\[/conceal\\] "
            "\\\\x1b\\[2K\\\\r0 error\\\\u2066 | `dispendukcapil` | uji coba |") in "\n".join(lines)


def test_csv_cells_never_start_a_formula(tmp_path):
    agency = dict(AGENCY, nama='=HYPERLINK("https://evil.example","Dinas")')
    root = make_root(tmp_path / "root", agencies=[agency])
    [row] = list(csv.DictReader(io.StringIO(run(root, "status", "--format", "csv").stdout)))
    assert row["nama"] == '\'=HYPERLINK("https://evil.example","Dinas")'


def test_json_and_sarif_carry_the_exact_text(hostile):
    findings = json.loads(run(hostile, "validate", "--format", "json").stdout)["findings"]
    assert f"nama berkas `{FORGED}.yaml` bukan slug" in [f["message"] for f in findings]
    sarif = json.loads(run(hostile, "validate", "--format", "sarif").stdout)
    from urllib.parse import unquote  # SARIF URIs are percent-encoded (issue 10): decoded, the exact name

    assert f"data/inovasi/palsu/{FORGED}.yaml" in {
        unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for r in sarif["runs"][0]["results"]}


@pytest.mark.parametrize("key", ["x\n::notice::Semua berkas lolos", "x\r\n::add-mask::***\n::stop-commands::t0k3n"])
def test_settings_text_never_starts_a_workflow_command_on_stderr(tmp_path, key):
    root = make_root(tmp_path / "root", settings=f"pemda: Kota Uji\n{json.dumps(key)}: 1\n")
    outcome = run(root, "validate", "--format", "github")  # ooi.yaml's problems are findings (issue 10)
    assert outcome.exit_code == 1 and outcome.stderr == ""
    lines = outcome.stdout.splitlines()
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines), lines
    assert visible(key).replace(":", "%3A") not in lines[0] and visible(key) in "\n".join(lines)
    status = run(root, "status")  # every other command refuses: one line on stderr, never a workflow command
    assert status.exit_code == 2 and status.stdout == ""
    assert status.stderr.count("\n") == 1 and not status.stderr.startswith("::"), status.stderr
    assert visible(key) in status.stderr and "\\n::" in status.stderr


def test_the_escaping_functions():
    assert visible("a\x1b[2K\tb\u00a0c\u202ed\U000e0041") == "a\\x1b[2K\\tb\u00a0c\\u202ed\\U000e0041"
    assert visible("Sigap Bumil ⚠️ é") == "Sigap Bumil ⚠️ é"  # emoji variation selectors and accents stay
    assert markdown("a <!-- b --> & c | d `e` *f* [g](h)") == \
        "a &lt;\\!-- b --&gt; &amp; c \\| d \\`e\\` \\*f\\* \\[g\\](h)"
    assert markdown("x\n### y") == "x\\\\n### y"
    assert code("a`b") == "``a`b``" and code("`") == "`` ` ``" and code("a|b") == "`a\\|b`"
    assert spreadsheet("=1+1") == "'=1+1" and spreadsheet("-") == "'-" and spreadsheet("Dinas") == "Dinas"
    assert fold("ＳＩＧＡＰ Bu\u00admil") == fold("Ѕіgар  BUMIL") == fold("Sigap Bumil") == "sigap bumil"
    assert fold("Sigap\u200bBumil") == fold("Sigap\u2060 Bumil\u200b") == "sigap bumil"  # the space it stands for
    assert markdown("[x](https://evil.example) www.evil.example @everyone a@b.id") == \
        "\\[x\\](https\\://evil.example) www\\.evil.example `@`everyone a`@`b.id"
    assert cell("baris 1\nbaris\t2\x07\u202e") == "baris 1\nbaris\t2\\x07\\u202e"  # an xlsx cell keeps its lines
    assert spreadsheet("baris 1\nbaris 2") == "baris 1\\nbaris 2"  # a CSV cell may reach a CI log: no line break
    assert name("a" * 150) == "a" * 150 and name("a" * 151) == "a" * 149 + "…"
