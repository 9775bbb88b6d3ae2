"""Property: no file can break a command. Random bytes and random YAML shapes, fed to every command that reads records.

Each example is written as one innovation file of a small data root; every command must end with
exit code 0, 1 or 2, without a traceback, printing output valid in its format, in time that grows
linearly with the input. Derandomized, so CI sees the same examples every run.
"""

from __future__ import annotations

import json
import time

import pytest
import yaml
from conftest import dump, make_root, sample
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ooi.cli import app

pytestmark = pytest.mark.lambat  # thousands of random files: left out by `-m "not lambat"`

REL = "data/inovasi/dispendukcapil/acak.yaml"
EXAMPLES = settings(max_examples=15, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
COMMANDS = (
    ("validate", "--format", "json"),
    ("validate", "--format", "sarif"),  # checked against the schema by conftest's fixture
    ("validate", "--format", "github"),
    ("validate", "--format", "text", "--lang", "en"),
    ("status", "--format", "json", "--per", "2026-11-28"),
    ("show", "dispendukcapil", "--per", "2026-11-28"),
    ("principles",),
    ("iid", "--format", "json"),
    ("export", "--format", "json", "--output", "-", "--per", "2026-11-28"),
    ("export", "--format", "csv", "--output", "-", "--per", "2026-11-28"),
    ("remind", "--format", "json", "--per", "2026-11-28"),
    ("report", "--per", "2026-11-28", "--output", "{tmp}/laporan.html"),
    ("history", "--format", "json", "--tahun", "2023", "--sampai", "2023-04-30"),
)
# Record text of every kind, rich markup (`[/oops]`) and terminal escapes included.
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(min_value=10 ** 25, max_value=10 ** 60),
                     st.floats(allow_nan=True), _TEXT,
                     st.sampled_from(["yes", "no", "~", "0x1F", "012", "1:30", "2023-02-30", "1.10", "\0", "\u2028",
                     "Sigap [/oops] Bumil", "[link=https://evil.example]x[/link]", "\x1b[2K"]))
# Every character YAML gives a meaning to (its indicators), alone and inside a key: a field name is a key path
# inside ooi, never text parsed back (a key `"a[b"` once broke every command).
INDICATORS = "-?:,[]{}#&*!|>'\"%@`."
_KEYS = st.one_of(_TEXT, st.integers(), st.none(), st.sampled_from([*INDICATORS, *(f"a{c}b" for c in INDICATORS)]))
_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(_KEYS, inner, max_size=4)), max_leaves=12)
# What a hand edit can break: YAML's own characters, inserted anywhere in a valid record.
_MARKS = st.sampled_from(list(":-[]{}#&*!|>'\"%@`,?\t\r\n\\") + ["\u2028", "\x85", "\0", "\ufeff", "é", "  "])


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_root(tmp_path_factory.mktemp("acak"), {REL: sample("penerapan")})


def check_every_command(root, raw: bytes) -> None:
    (root / REL).write_bytes(raw)
    for command in COMMANDS:
        command = tuple(part.replace("{tmp}", str(root)) for part in command)
        outcome = CliRunner().invoke(app, [*command, "--root", str(root)])
        assert outcome.exception is None or isinstance(outcome.exception, SystemExit), (command, outcome.exception)
        assert outcome.exit_code in (0, 1, 2), (command, outcome.output)
        assert "Traceback" not in outcome.output, command
        assert "\x1b" not in outcome.output, command  # no record's escape sequence reaches a terminal raw
        if outcome.exit_code == 2:
            continue
        if command[0] == "report":
            assert (root / "laporan.html").read_text(encoding="utf-8").rstrip().endswith("</html>"), command
        elif "json" in command or "sarif" in command:
            json.loads(outcome.stdout)
        elif "github" in command:
            assert all(line.startswith(("::error ", "::warning ")) for line in outcome.stdout.splitlines()), command


@EXAMPLES
@given(st.binary(max_size=3000))
def test_random_bytes(root, raw):
    check_every_command(root, raw)


@EXAMPLES
@given(st.lists(st.tuples(st.sampled_from(sorted(sample("penerapan")) + ["iid"]), _VALUES), max_size=4),
       st.sampled_from(["inisiatif", "uji_coba", "penerapan"]))
def test_random_shapes_in_a_record(root, changes, stage):
    record = sample(stage)
    for key, value in changes:
        record[key] = value
    check_every_command(root, yaml.safe_dump(record, allow_unicode=True, sort_keys=False).encode("utf-8", "replace"))


def test_keys_with_every_yaml_indicator_character(root):
    """Each indicator alone and inside a key, at the top, in a principle and in a list item: findings, no fault."""
    record = sample("penerapan")
    keys = {**{c: 1 for c in INDICATORS}, **{f"a{c}b": 1 for c in INDICATORS}, "a[0]": 1, "a[": 1, "]a": 1}
    record.update(keys)
    record["prinsip"]["efisiensi"].update(keys)
    record["bukti"][0].update(keys)
    check_every_command(root, dump(record).encode("utf-8"))
    record = sample("penerapan")  # the field names keep today's form, made from the keys, never parsed back
    for part in (record, record["prinsip"]["efisiensi"], record["bukti"][0]):
        part.update({"a[b": 1, "a]b.c": 1})
    (root / REL).write_text(dump(record), encoding="utf-8")
    outcome = CliRunner().invoke(app, ["validate", "--format", "json", "--root", str(root)])
    assert [f["field"] for f in json.loads(outcome.stdout)["findings"] if f["code"] == "S002"] == [
        "bukti[0].a[b", "bukti[0].a]b.c", "prinsip.efisiensi.a[b", "prinsip.efisiensi.a]b.c", "a[b", "a]b.c"]


@EXAMPLES
@given(st.lists(st.tuples(st.integers(min_value=0), _MARKS), min_size=1, max_size=6))
def test_random_edits_of_a_valid_file(root, edits):
    text = dump(sample("uji_coba"))
    for position, mark in edits:
        at = position % (len(text) + 1)
        text = text[:at] + mark + text[at:]
    check_every_command(root, text.encode("utf-8", "surrogatepass"))


# Shapes a hostile file can grow without bound (within the 1 MiB limit); each must cost time in proportion.
GROWING = {
    "unknown keys": lambda n: dump(sample("uji_coba")) + "".join(f"k{i}: {i}\n" for i in range(n)),
    "long list": lambda n: dump(sample("uji_coba")) + "catatan:\n" + "".join(f"- {i}\n" for i in range(n)),
    "brackets in quotes": lambda n: dump(sample("uji_coba")) + 'catatan: "' + "[{" * n + '"\n',
    "duplicate keys": lambda n: dump(sample("uji_coba")) + "".join("nama: x\n" for _ in range(n)),
    "flow nesting": lambda n: dump(sample("uji_coba")) + "catatan: [" + "[1], " * n + "1]\n",
    "odd line breaks": lambda n: dump(sample("uji_coba")) + "catatan: \"" + "a\u2028" * n + "\"\n",
}


@pytest.mark.parametrize("shape", sorted(GROWING))
def test_time_grows_linearly_with_the_input(root, shape):
    def cost(n: int) -> float:
        (root / REL).write_text(GROWING[shape](n), encoding="utf-8")
        started = time.process_time()  # this process's CPU: other jobs on a shared machine do not count
        outcome = CliRunner().invoke(app, ["validate", "--format", "json", "--root", str(root), str(root / REL)])
        assert outcome.exit_code in (0, 1), outcome.output
        return time.process_time() - started

    cost(100)
    small = min(cost(1_000) for _ in range(2))
    large = min(cost(8_000) for _ in range(2))
    assert large < small * 8 * 3, (small, large)  # 8x the input: linear within noise (quadratic would be 64x)
