"""Findings as compiler-style lines, each followed by its hint when a person is reading.

The blanks of a new record (`"" ` left from `ooi new`) are many findings of one kind: past a
few in one file they are said once, with the place of each, instead of one line apiece.
JSON, SARIF and github keep one finding per problem.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from itertools import groupby

from ooi.i18n import tr
from ooi.report.width import columns
from ooi.schema.validation import EMPTY
from ooi.text_safety import visible

GROUP_FROM = 4  # this many blanks in one file or more are listed together


def render(result, hints: bool = True) -> str:
    return "".join(pieces(result, hints))


def pieces(result, hints: bool = True, **_) -> Iterator[str]:
    """`render`'s text a file at a time: 100,000 records' report is written as it is made, never held whole."""
    for _, findings in groupby(result.findings, key=lambda finding: finding.path):
        yield "".join(line + "\n" for line in _file_lines(list(findings), hints))
    yield tr("{f} berkas diperiksa: {e} error, {w} peringatan",
             "{f} file(s) checked: {e} error(s), {w} warning(s)",
             f=len(result.files), e=result.errors, w=result.warnings) + "\n"


def finding_lines(findings: list, hints: bool = True) -> list[str]:
    """The lines of `findings` as `validate` prints them: what every command that prints findings prints."""
    return [line for _, found in groupby(findings, key=lambda finding: finding.path)
            for line in _file_lines(list(found), hints)]


def _file_lines(findings: list, hints: bool) -> list[str]:
    """The lines of one file's findings."""
    lines = []
    blanks = [f for f in findings if not f.waived_by and getattr(f.message, "id", None) == EMPTY[0]]
    grouped = len(blanks) >= GROUP_FROM
    for finding in findings:
        if grouped and finding is blanks[0]:
            lines += _blanks(blanks, hints)
        elif not grouped or finding not in blanks:
            lines += _line(finding, hints)
    return lines


def _line(finding, hints: bool) -> list[str]:
    waived = tr(" [dikecualikan: {w}]", " [waived: {w}]", w=finding.waived_by) if finding.waived_by else ""
    # Record text reaches a terminal (and a CI log) only escaped: one finding is one line.
    lines = [visible(f"{finding.path}:{finding.line}:{finding.column}: {finding.severity.value} "
                     f"{finding.code} {finding.message}{waived}")]
    if hints and finding.hint:
        lines += _wrap(f"{tr('saran', 'hint')}: {visible(finding.hint)}", later="      ")
    return lines


def _blanks(blanks: list, hints: bool) -> list[str]:
    first = blanks[0]
    head = visible(f"{first.path}:{first.line}:{first.column}: {first.severity.value} {first.code} "
                   + tr("{n} isian masih kosong (baris):", "{n} values are still empty (line):", n=len(blanks)))
    places = ", ".join(f"{visible(f.field)}\0({f.line})" for f in blanks)  # \0: a field and its line stay together
    lines = [head, *_wrap(places)]
    if hints:
        lines += _wrap(tr("saran: ganti setiap \"\" dengan isinya; komentar di ujung barisnya menyebut apa yang "
                                  "ditulis (`ooi validate --format json` memberi saran tiap isian)",
                                  "hint: replace every \"\" with its value; the comment at the end of its line says "
                                  "what to write (`ooi validate --format json` gives a hint for each)"), later="      ")
    return lines


def _wrap(text: str, later: str = "    ") -> list[str]:
    """Indented lines that fit the terminal (a finding's own line is never wrapped: editors parse it)."""
    lines = textwrap.wrap(text, max(40, (columns() or 10_000) - 1), initial_indent="    ",
                          subsequent_indent=later, break_on_hyphens=False, break_long_words=False)
    return [line.replace("\0", " ") for line in lines]
