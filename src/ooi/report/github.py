"""Findings as GitHub Actions workflow commands, so they annotate the lines of a pull request."""

from __future__ import annotations

from ooi.text_safety import visible


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result, prefix: str = "", **_) -> str:
    """`prefix`: the data root's place in its repository (`sub/`): GitHub wants paths from the repository root."""
    lines = []
    for finding in result.findings:
        level = "warning" if finding.severity.value == "warning" or finding.waived_by else "error"
        # Texts are shown escaped first (a record's own newline or escape sequence stays visible text),
        # then protocol-escaped. A path that needs escaping is not a slug (R003): its annotation is
        # listed on the run rather than on a line, which is better than GitHub showing it raw.
        message = visible(finding.message) + (f"\n{visible(finding.hint)}" if finding.hint else "")
        where = f"file={_property(prefix + visible(finding.path))},line={finding.line},col={finding.column}"
        lines.append(f"::{level} {where},"
                     f"title={_property('OOI ' + finding.code)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
