"""One hostile record through every command and every format the CLI offers (issue 27): each output shows the
record's text as text. Commands and formats are read from the CLI itself, so a new command or a new `--format`
that forgets the guard of `ooi.text_safety` fails here without anyone adding it to a list."""

from __future__ import annotations

import functools
import json
import re

import pytest
import typer
from typer.testing import CliRunner

from conftest import AGENCY, SETTINGS, TEST_DEFAULTS, make_root, sample
from ooi.cli import app

# Control characters, rich markup, a forged workflow command, a terminal escape, a bidi override, Markdown and
# HTML, a mention: each one way a name could lie on a terminal, a CI log, a job summary or a posted issue.
HOSTILE = ("Sigap [/x] Bumil \x01\x07\x1b[2K\r\n::error file=ooi.yaml::forged\n<b>html</b> [klik](https://evil.example) "
           "@everyone \u202eevil")
RAW = ("\x01", "\x07", "\x1b", "\r", "\u202e")  # none may reach a person's screen as itself
# Markdown or HTML that would act: a tag, a link, an autolink, a mention (each not escaped).
MARKDOWN_LIVE = re.compile(r"<b>|(?<!\\)\]\(|(?<![\\`])@everyone|https://evil")

# The few arguments a command needs; every other command runs as it is, once per format.
NEEDS = {"show": ["dispendukcapil"], "explain": ["R015"], "isi": ["data/inovasi/dispendukcapil/sigap.yaml"],
         "new": ["--opd", "dinkes", "--nama", HOSTILE, "--tahapan", "inisiatif"]}
SECRETARIAT = 'sekretariat: "@pemkot-batu/sekretariat"\ngithub_repo: pemkot-batu/inovasi\n'
INSIDE_ROOT = {"cms"}  # writes only inside the data root: its default place there, checked with the root's files
WHEN = ["--tahun", "2023", "--per", "2023-12-31"]


def commands() -> list[tuple[str, str | None]]:
    """(command, format) for every command of the CLI and every choice of its `--format` (None: it has none)."""
    found = []
    for name, command in typer.main.get_command(app).commands.items():
        options = {opt: param for param in command.params for opt in getattr(param, "opts", ())}
        formats = options["--format"].metavar.split("|") if "--format" in options else [None]
        found += [pytest.param(name, chosen, marks=[pytest.mark.xfail(strict=True, reason=AWAITED[name, chosen])]
                               if (name, chosen) in AWAITED else []) for chosen in formats]
    return found


# Known and being fixed elsewhere: the marker fails once the fix lands, so it is taken away then.
AWAITED: dict[tuple[str, str | None], str] = {}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    record = sample("uji_coba")
    record["nama"] = HOSTILE
    record["hasil"] = HOSTILE
    record["bukti"][0]["judul"] = HOSTILE
    record["iid"] = {HOSTILE: {"level": 1, "bukti": [0]}}
    stranger = dict(AGENCY, kode="dinkes", nama=HOSTILE, singkatan=HOSTILE, pemilik=["@pemkot-batu/dinkes"],
                    kontak={"nama": HOSTILE, "email": "dinkes@batukota.go.id"})
    return make_root(tmp_path_factory.mktemp("hostile") / "root", settings=SETTINGS + TEST_DEFAULTS + SECRETARIAT, files={
        "data/inovasi/dispendukcapil/sigap.yaml": record,
        "data/inovasi/dispendukcapil/[klik](https:evil.example) @everyone.yaml": dict(record, opd="dinkes"),
    }, agencies=[AGENCY, stranger])


def _run(root, args: list[str], rooted: bool = True):
    # No answer (end of input): `ooi isi` stops at its first question and changes nothing.
    return CliRunner().invoke(app, [*args, *(["--root", str(root)] if rooted else [])], input="",
                              env={"OOI_LANG": None, "NO_COLOR": None, "COLUMNS": "200"})


def shown(text: str, what: str, fmt: str | None) -> None:
    """`text` reached a person: no raw control or bidi character, no line of ours forged, no live Markdown.

    JSON and SARIF carry the exact text for programs: control characters escaped by JSON itself, the rest as is.
    """
    raw = [c for c in RAW if c in text and not (fmt in ("json", "sarif") and c == "\u202e")]
    assert not raw, f"{what}: raw {raw!r} in\n{text[:2000]}"
    lines = text.splitlines()
    if fmt == "github":
        assert all(re.match(r"::(error|warning) file=[^\n:]*,line=\d+,col=\d+,title=OOI \w+::", line)
                   for line in lines), what
    else:
        assert not [line for line in lines if line.lstrip().startswith("::")], f"{what}: a workflow command"
    if fmt == "markdown":
        outside_code = re.sub(r"(`+)(?!`).*?(?<!`)\1(?!`)", "", text)  # a code span shows its text as written
        assert not MARKDOWN_LIVE.search(outside_code), f"{what}: live Markdown in\n{text[:2000]}"
    assert "Sigap  Bumil" not in text, f"{what}: rich markup eaten in\n{text[:2000]}"


def written(folder) -> dict:
    return {path: path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize(("name", "fmt"), commands(), ids=lambda value: str(value))
def test_every_command_and_format_shows_a_hostile_record_as_text(hostile, tmp_path, monkeypatch, name, fmt):
    monkeypatch.chdir(tmp_path)  # whatever a command writes by default lands here, and is checked too
    args = [name, *NEEDS.get(name, [])]
    command = typer.main.get_command(app).commands[name]
    params = {opt: param for param in command.params for opt in getattr(param, "opts", ())}
    options = set(params)
    args += ["--format", fmt] if fmt else []
    args += WHEN if "--per" in options else (WHEN[:2] if "--tahun" in options else [])
    before = written(hostile)
    run = functools.partial(_run, rooted="--root" in options)
    if "--output" in options and params["--output"].metavar == "DIR":  # one file per agency, and standard output
        (tmp_path / "keluaran").mkdir()
        outputs = [run(hostile, [*args, "--output", str(tmp_path / "keluaran")]), run(hostile, args)]
    elif "--output" in options and name not in INSIDE_ROOT:  # to a file, and (for text formats) to standard output
        outputs = [run(hostile, [*args, "--output", str(tmp_path / f"out.{(fmt or 'html').split('-')[-1]}")])]
        if fmt in ("csv", "json"):
            outputs.append(run(hostile, [*args, "--output", "-"]))
    else:
        outputs = [run(hostile, args)]
    if "--export" in options:
        outputs += [run(hostile, [*args, "--export", str(tmp_path / "iid.csv")])]
    for outcome in outputs:
        what = f"ooi {' '.join(args)}"
        assert outcome.exit_code in ((0, 1, 130) if name == "isi" else (0, 1)), f"{what}: exit {outcome.exit_code}\n{outcome.output}"
        shown(outcome.stdout, what, fmt)
        shown(outcome.stderr, f"{what} (stderr)", None)
        if fmt in ("json", "sarif") and outcome.stdout:
            json.loads(outcome.stdout)
    files = {**written(tmp_path), **{p: b for p, b in written(hostile).items() if before.get(p) != b}}
    for path, content in files.items():
        if path.suffix in (".csv", ".html", ".md", ".txt", ".yml"):
            text = content.decode("utf-8-sig")
            shown(text.replace("\r\n", "\n") if path.suffix == ".csv" else text, str(path), None)
        elif path.suffix == ".xlsx":  # no character a cell must not hold (XML 1.0 refuses them: a broken book)
            assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", _sheets(path)), path


@pytest.mark.parametrize("fmt", ["xlsx", "iid-xlsx"])
def test_spreadsheet_cells_show_control_and_bidi_characters_as_text(hostile, tmp_path, fmt):
    outcome = _run(hostile, ["export", "--format", fmt, *WHEN[:2], "--output", str(tmp_path / "out.xlsx")])
    assert outcome.exit_code in (0, 1), outcome.output
    sheets = _sheets(tmp_path / "out.xlsx").decode("utf-8")
    assert not [c for c in RAW if c in sheets]


def _sheets(path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as book:
        return b"".join(book.read(name) for name in book.namelist() if name.startswith("xl/"))


def test_the_cli_offers_what_this_test_runs():
    """The enumeration is the CLI's own: every reporter module a `--format` names is reached."""
    found = [param.values for param in commands()]
    assert ("validate", "github") in found and ("remind", "markdown") in found and ("iid", "table") in found
    assert ("export", "iid-xlsx") in found and len(found) >= 30
