"""Findings as GitHub Actions workflow commands, so they annotate the lines of a pull request."""

from __future__ import annotations


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(result, **_) -> str:
    lines = []
    for finding in result.findings:
        level = "warning" if finding.severity.value == "warning" or finding.waived_by else "error"
        message = finding.message + (f"\n{finding.hint}" if finding.hint else "")
        lines.append(f"::{level} file={_property(finding.path)},line={finding.line},col={finding.column},"
                     f"title={_property('OOI ' + finding.code)}::{_data(message)}")
    return "".join(line + "\n" for line in lines)
