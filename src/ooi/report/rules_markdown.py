"""The rule catalogue as a Markdown table in both languages: the README's rule table is this output."""

from __future__ import annotations

from ooi.text_safety import markdown as _cell


def render(entries, **_) -> str:
    lines = ["| Kode | Tingkat | Aturan | Rule |", "|---|---|---|---|"]
    for entry in entries:
        source = f" ({entry.source})" if entry.source else ""
        lines.append(f"| `{entry.code}` | {entry.severity.value} | {_cell(entry.title.id)}{source} | "
                     f"{_cell(entry.title.en)} |")
    lines += ["", "Rincian dan contoh / details and examples: `ooi explain KODE`."]
    return "\n".join(lines) + "\n"
