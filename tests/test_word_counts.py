"""One source for word-count advice: the `teks` table of data/prinsip.yaml, read by every place that says a count."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from conftest import AGENCY

from ooi.model import fields
from ooi.model.facts import facts
from ooi.model.records import Agency
from ooi.rules.catalogue import entry
from ooi.workflow import template

ROOT = Path(__file__).parent.parent
COUNT = re.compile(r"\b([0-9]+)\s+(kata|words)\b")


def test_no_count_of_the_table_is_written_outside_it():
    # Other counts (the IID portal's 300 words for its own catalogue) are not this table's to give.
    ours = {str(n) for limits in facts()["teks"].values() if isinstance(limits, dict) for n in limits.values()}
    texts = [p for p in (ROOT / "src/ooi").rglob("*") if p.suffix in (".py", ".yaml") and p.name != "prinsip.yaml"]
    texts += [ROOT / "README.md"]
    written = {str(p.relative_to(ROOT)): [m.group(0) for m in COUNT.finditer(p.read_text(encoding="utf-8"))
                                          if m.group(1) in ours] for p in texts}
    assert {path: found for path, found in written.items() if found} == {}


def test_template_schema_explain_and_rules_say_the_same_numbers():
    table = facts()["teks"]
    background, statement = table["latar_belakang"], table["uraian_prinsip"]
    text = template.render(Agency.model_validate(AGENCY), "Layanan Baru", "uji_coba", date(2023, 7, 1))
    line = next(line for line in text.splitlines() if line.startswith("latar_belakang:"))
    assert line.endswith(f"{background['saran']} kata atau lebih, minimal {background['minimal']}")
    assert f"{statement['saran']} kata atau lebih, minimal {statement['minimal']}" in text
    assert fields.lookup(fields.INNOVATION, "latar_belakang").text("en").endswith(
        f"{background['saran']} words or more, at least {background['minimal']}")
    schema = (ROOT / "schema/inovasi.schema.json").read_text(encoding="utf-8")
    assert f"{background['saran']} kata atau lebih, minimal {background['minimal']}" in schema
    what = entry("S010").what
    assert f"minimal {background['minimal']} kata (di bawah {background['saran']} kata" in what.id
    assert f"at least {background['minimal']}\nwords" not in what.en and f"under {background['saran']}" in what.en
    assert f"minimal {statement['minimal']} kata" in entry("P1").what.id
