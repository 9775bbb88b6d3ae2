"""YAML text for one value at its place: plain when it reads back the same, quoted when not, folded when long."""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass

from ooi.i18n import tr
from ooi.input.loading import parse
from ooi.model.errors import OoiError

WIDTH = 96  # the shipped records wrap long texts near here
_PLAIN = re.compile(r"[^\s\"'#&*!|>%@`{}\[\],?:-][^#\n]*")


@dataclass(frozen=True)
class Block:
    """A value written over several lines under its key (already indented): a nested mapping or list."""

    lines: tuple[str, ...]


def render(value, indent: int, newline: str, flow: bool = False) -> str:
    """YAML text for a value at a key whose children sit at `indent`; several lines start with a newline.

    `flow`: the value sits inside `{…}` or `[…]`, where neither a block nor a folded text may
    stand: it is written on its one line, quoted unless plainly a word or a few.
    """
    if flow:
        return _in_flow(value)
    if isinstance(value, Block):
        return newline + newline.join(value.lines)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(render(item, indent, newline) for item in value) + "]"
    text = str(value)
    # A line break in the value is a paragraph break: one blank line in a folded text (YAML's own convention).
    paragraphs = [" ".join(part.split()) for part in text.strip().split("\n")]
    if (len(paragraphs) > 1 or len(text) > WIDTH - indent - 20) and "\n".join(paragraphs) == text:
        lines = []
        for paragraph in paragraphs:
            lines += [""] if lines else []
            lines += [" " * indent + line for line in textwrap.wrap(paragraph, WIDTH - indent, break_long_words=False,
                                                                    break_on_hyphens=False)]
        if parse(("k: >-\n" + "\n".join(lines) + "\n").encode()).data == {"k": text}:
            return ">-" + newline + newline.join(lines)
    return _one_line(text)


_FLOW_PLAIN = re.compile(r"[^\W_][\w .()/-]*")  # no `,[]{}:#` nor quotes: the same text inside `{…}` or `[…]`


def _in_flow(value) -> str:
    if isinstance(value, Block):  # a part to add inside `{…}`: its lines cannot stand there
        raise OoiError(tr("bagian ini berada di dalam `{…}` atau `[…]`; tulis isinya sendiri di berkas",
                          "this part sits inside `{…}` or `[…]`; write its values in the file yourself"))
    if isinstance(value, list):
        return "[" + ", ".join(_in_flow(item) for item in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return render(value, 0, "\n")
    text = str(value)
    if _FLOW_PLAIN.fullmatch(text) and text == text.rstrip() and "  " not in text:
        document = parse(f"k: {{v: {text}}}\n".encode())
        if not document.issues and document.data == {"k": {"v": text}}:
            return text
    return json.dumps(text, ensure_ascii=False)


def _one_line(text: str) -> str:
    """Plain when the safe reader reads it back as the same text, else double-quoted (JSON is valid YAML)."""
    if _PLAIN.fullmatch(text) and text == text.strip() and ": " not in text:
        document = parse(f"k: {text}\n".encode())
        if not document.issues and document.data == {"k": text}:
            return text
    return json.dumps(text, ensure_ascii=False)
