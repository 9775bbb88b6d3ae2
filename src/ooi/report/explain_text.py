"""One code in full for a person: title, what it checks, why, a passing and a failing example."""

from __future__ import annotations

import textwrap

from ooi.i18n import tr

WIDTH = 88


def _prose(text: str) -> list[str]:
    lines = []
    for paragraph in text.split("\n\n"):
        lines += textwrap.wrap(paragraph, WIDTH, initial_indent="  ", subsequent_indent="  ") + [""]
    return lines


def render(entry, more: str = "", waivable: bool = False, **_) -> str:
    lines = [f"{entry.code}  {entry.title}  [{entry.severity.value}]"]
    if entry.source:
        lines.append(tr("Dasar: {s}", "Source: {s}", s=entry.source))
    lines.append("")
    lines += [tr("Yang diperiksa", "What it checks"), *_prose(str(entry.what))]
    lines += [tr("Mengapa", "Why"), *_prose(str(entry.why))]
    for heading, example in ((tr("Contoh lolos", "Passing example"), entry.passing),
                             (tr("Contoh gagal", "Failing example"), entry.failing)):
        lines += [heading, *textwrap.indent(str(example), "  ").splitlines(), ""]
    if more:
        lines += [tr("Rujukan", "Reference"), more, ""]
    lines.append(tr("Tingkat bawaan dapat diubah di ooi.yaml (`aturan: {{{c}: warning}}`).",
                    "The default level can be changed in ooi.yaml (`aturan: {{{c}: warning}}`).", c=entry.code))
    if waivable:
        lines.append(tr("Satu temuan dapat dikecualikan sementara dengan `pengecualian` (lihat ooi explain R012).",
                        "One finding can be waived for a time with `pengecualian` (see ooi explain R012)."))
    return "\n".join(lines) + "\n"
