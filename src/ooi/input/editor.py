"""Change one value of a YAML file and keep every other byte: comments, key order, quoting, blank lines.

ruamel.yaml's round-trip parser gives the exact span of each value; the new value is spliced
into the text there (a full round-trip dump would re-indent flow lists and re-wrap long lines),
and the result is read back with the one safe reader before it is written through a temporary
file and a rename.
"""

from __future__ import annotations

import os
import re
import signal
from contextlib import contextmanager
from pathlib import Path

from ooi.i18n import tr
from ooi.input.loading import parse
from ooi.input.reading import Refused, read
from ooi.input.values import render
from ooi.input.writing import write_file
from ooi.model.errors import OoiError

# The signals that stop ooi isi; Windows has no SIGHUP (and no signal masks: see _held).
_STOPPING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGHUP", "SIGTERM") if hasattr(signal, name))


class Editor:
    """One YAML file held as text; `change` returns the text with one value replaced, `save` writes it."""

    def __init__(self, path: Path, text: str, shown: str, bom: bool):
        self.path, self.text, self.shown, self._bom = path, text, shown, bom
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self._root = _compose(text, shown)

    @classmethod
    def open(cls, path: Path, shown: str = "") -> Editor:
        """Read a file that ooi may change; a folder, a read-only or unreadable file, or not-YAML is refused."""
        shown = shown or str(path)
        if path.is_dir() or not path.exists():
            raise OoiError(tr("{p} bukan berkas", "{p} is not a file", p=shown))
        # No write bit at all is refused too: someone made it read-only on purpose (root could write it anyway).
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK) or not path.stat().st_mode & 0o222:
            raise OoiError(tr("{p} hanya-baca; ooi isi tidak dapat menyimpan jawaban (periksa izin berkas)",
                              "{p} is read-only; ooi isi cannot save answers (check the file's permissions)", p=shown))
        try:  # the one safe reader: a FIFO or a link to a device is refused, never waited on or read whole
            raw = read(path)
        except Refused as refused:
            raise OoiError(f"{shown}: {refused.message}") from None
        document = parse(raw)
        if document.data is None or document.issues or not isinstance(document.data, dict):
            raise OoiError(tr("{p} bukan YAML yang dapat diisi; perbaiki dulu temuan di atas (ooi validate {p})",
                              "{p} is not YAML that can be filled in; fix the findings above first "
                              "(ooi validate {p})", p=shown))
        bom = raw.startswith(b"\xef\xbb\xbf")
        return cls(path, raw.decode("utf-8-sig"), shown, bom)

    def indent(self, keys: tuple) -> int:
        """The column at which the children of `keys` are written: two more than the key's own (or its siblings')."""
        node = self._root
        column = -2
        for key in keys:
            found = _child(node, key)
            if found is None:
                siblings = [pair for pair in getattr(node, "value", None) or () if isinstance(pair, tuple)]
                return (siblings[0][0].start_mark.column if siblings else column + 2) + 2
            key_node, node = found
            column = key_node.start_mark.column if key_node is not None else node.start_mark.column
        return column + 2

    def change(self, keys: tuple, value: object, order: tuple[str, ...] = (), rename: str = "") -> str:
        """The text with the value at `keys` set to `value` (a scalar or a Block); the key is added when missing.

        A missing key goes where `order` (its siblings' names in the model's order) puts it: before the
        nearest sibling that follows it, else after the nearest that precedes it, else last. `rename`
        writes the value under that name instead (`tautan:` becomes `media:`), in the same place.
        """
        found = self._find(keys)
        if found is None:
            return self._insert((*keys[:-1], rename or keys[-1]), value, order)
        key_node, node = found
        text = self._replace(key_node, node, value, self._in_flow(keys))
        if rename and key_node is not None:  # the key comes before its value: its place is as it was
            text = text[:key_node.start_mark.index] + rename + text[key_node.end_mark.index:]
        return text

    def save(self, text: str) -> None:
        """Write `text` whole (temporary file, then rename); refuse if someone changed the file meanwhile."""
        try:
            on_disk = read(self.path).decode("utf-8-sig")
        except (Refused, UnicodeDecodeError):
            on_disk = None
        if on_disk != self.text:
            raise OoiError(tr("{p} diubah di luar ooi isi; jawaban terakhir tidak disimpan (jalankan lagi ooi isi)",
                              "{p} was changed outside ooi isi; the last answer was not saved (run ooi isi again)",
                              p=self.shown))
        root = _compose(text, self.shown)  # never write what cannot be read again
        with _held(*_STOPPING):  # Ctrl-C lands after the rename, not inside it
            write_file(self.path, ("\ufeff" if self._bom else "") + text, force=True, shown=self.shown)
            self.text, self._root = text, root

    # --- where things are -------------------------------------------------------------

    def _find(self, keys: tuple):
        node, key_node = self._root, None
        for key in keys:
            found = _child(node, key)
            if found is None:
                return None
            key_node, node = found
        return key_node, node

    def _in_flow(self, keys: tuple) -> bool:
        """Whether the value at `keys` sits inside a `{…}` or `[…]` collection (its parent, or one above it)."""
        node = self._root
        for key in keys[:-1]:
            found = _child(node, key)
            if found is None:
                return False
            node = found[1]
            if getattr(node, "flow_style", False):
                return True
        return False

    def _replace(self, key_node, node, value, flow: bool = False) -> str:
        text = self.text
        start, end = node.start_mark.index, node.end_mark.index
        if _is_null(node, text):
            start = end = _after_colon(text, key_node)
        else:
            end = start + len(text[start:end].rstrip(" \t\r\n"))  # a block keeps its trailing blank lines
        if key_node is not None and node.start_mark.line > key_node.start_mark.line:
            start = _after_colon(text, key_node)  # a block mapping or list under its key: replace from the colon
        comment = ""
        if getattr(node, "style", None) in ("|", ">") and "\n" in text[start:end]:
            found = re.search(r"[ \t]+#[^\n]*", text[start:text.index("\n", start)])
            comment = found.group(0).rstrip("\r") if found else ""
        column = key_node.start_mark.column if key_node is not None else 0
        rendered = render(value, column + 2, self.newline, flow)
        head = start
        while head > 0 and text[head - 1] in " \t":
            head -= 1  # `key: ""  # c` becomes `key: >-  # c` or `key:  # c`, never `key: ` with a trailing space
        if "\n" not in rendered:
            return text[:head] + " " + rendered + text[end:]
        line_end = _line_end(text, end)
        comment = comment or text[end:line_end].rstrip("\r")
        first, _, rest = rendered.partition(self.newline)
        opener = (" " + first if first else "") + comment
        return text[:head] + opener + self.newline + rest + text[line_end:].removeprefix("\r")

    def _insert(self, keys: tuple, value, order: tuple[str, ...]) -> str:
        parent = self._find(keys[:-1]) if keys[:-1] else (None, self._root)
        if parent is None or not hasattr(parent[1], "value") or not isinstance(parent[1].value, list) \
                or not parent[1].value or parent[1].flow_style or isinstance(keys[-1], int):
            raise OoiError(tr("`{k}` tidak dapat ditambahkan di sini; tulis sendiri di berkas",
                              "`{k}` cannot be added here; write it in the file yourself", k=keys[-1]))
        pairs = {getattr(pair[0], "value", None): pair for pair in parent[1].value}
        column = parent[1].value[0][0].start_mark.column
        text = self.text
        place = order.index(keys[-1]) if keys[-1] in order else len(order)
        following = [pairs[name] for name in order[place + 1:] if name in pairs]
        preceding = [pairs[name] for name in reversed(order[:place]) if name in pairs]
        if following:
            position = text.rfind("\n", 0, following[0][0].start_mark.index) + 1
        else:
            position = self._end_of(preceding[0] if preceding else parent[1].value[-1])
        if position > len(text):  # the last line has no line break yet
            text, position = text + self.newline, len(text) + len(self.newline)
        line = " " * column + f"{keys[-1]}:"
        rendered = render(value, column + 2, self.newline)
        first, _, rest = rendered.partition(self.newline)
        line += (" " + first if first else "") + self.newline + (rest + self.newline if rest else "")
        return text[:position] + line + text[position:]

    def _end_of(self, pair) -> int:
        """Where the line after a key's value begins (its block's last line, not the blank ones after)."""
        key_node, node = pair
        text = self.text
        if _is_null(node, text):
            end = _after_colon(text, key_node)
        else:
            end = node.start_mark.index + len(text[node.start_mark.index:node.end_mark.index].rstrip(" \t\r\n"))
        return _line_end(text, end) + 1


@contextmanager
def _held(*signals):
    """Hold these signals while a file is replaced; they are delivered when it is done."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    except (AttributeError, ValueError, OSError):  # not the main thread, or not a POSIX system
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _compose(text: str, shown: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:  # a tab after `key:` is separation as a space is (libyaml reads it so); ruamel refuses it.
        # Only positions and styles are taken from this parse, never values: a space of the same
        # length keeps every index.
        return YAML(typ="rt").compose(text.replace("\t", " "))
    except YAMLError as error:
        raise OoiError(tr("{p} bukan YAML yang sah: {e}", "{p} is not valid YAML: {e}", p=shown,
                          e=str(error).splitlines()[0])) from None


def _child(node, key):
    """(key node, value node) of `key` in a mapping, or (None, item) of index `key` in a list."""
    if node is None or not isinstance(getattr(node, "value", None), list):
        return None
    if isinstance(key, int):
        items = node.value
        return (None, items[key]) if 0 <= key < len(items) and not isinstance(items[key], tuple) else None
    for pair in node.value:
        if isinstance(pair, tuple) and getattr(pair[0], "value", None) == key:
            return pair
    return None


def _is_null(node, text: str) -> bool:
    return node.start_mark.index == node.end_mark.index


def _after_colon(text: str, key_node) -> int:
    index = key_node.end_mark.index
    while index < len(text) and text[index] in " \t":
        index += 1
    return index + 1 if index < len(text) and text[index] == ":" else index


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end
