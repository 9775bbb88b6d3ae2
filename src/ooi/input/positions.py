"""Where things are, as an editor shows them: YAML marks → lines and character columns, key paths → places."""

from __future__ import annotations

import re
from bisect import bisect_right

import yaml

# What libyaml ends a line with but an editor does not: NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR, a lone CR.
ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")


def odd_break(text: str) -> re.Match | None:
    """The first ODD_BREAK in `text`, searched for only where one of its characters is (a scan: a fifth of a parse)."""
    if "\r" in text or "\x85" in text or "\u2028" in text or "\u2029" in text:
        return ODD_BREAK.search(text)
    return None


class Lines:
    """A text's line starts, found once: a character offset → (line, column), both 1-based.

    Only `\\n` ends a line (a `\\r\\n` ends it at its `\\n`); columns count characters, so
    `é` is one column whatever its bytes. In a text without the breaks only libyaml sees
    (`ODD_BREAK`), libyaml's own line and column of a mark are the editor's, and no table is built.
    """

    def __init__(self, text: str, odd: bool = True):
        self._text = text
        self._odd = odd  # False: the text holds no ODD_BREAK, so libyaml counts lines as an editor does
        self._starts: list[int] | None = None

    def place(self, offset: int) -> tuple[int, int]:
        if self._starts is None:
            self._starts = [0] + [match.end() for match in re.finditer("\n", self._text)]
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def mark(self, mark) -> tuple[int, int]:
        """A libyaml mark (its `index` counts characters) as an editor's line and column."""
        if self._odd or mark.index >= len(self._text):  # at its end, libyaml adds a line break of its own
            return self.place(mark.index)
        return mark.line + 1, mark.column + 1


class Locator:
    """Takes the loader's node tree (or composes it once, on first use) and answers where a key path is.

    Each mapping is indexed once, when first asked about, so locating every finding of a
    file with 10,000 keys is linear, not 10,000 scans of the mapping.
    """

    def __init__(self, text: str, lines: Lines | None = None, root: yaml.Node | None = None):
        self._text = text
        self._lines = lines or Lines(text)
        self._root = root  # the tree the loader already built, when there is one: never composed twice
        self._composed = root is not None
        self._keys: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = {}

    def locate(self, keys: tuple) -> tuple[int, int]:
        """The 1-based line and column of the deepest key of `keys` that exists.

        A missing key points at its nearest existing parent: that is where it must be written.
        """
        node = self._tree()
        if node is None:
            return 1, 1
        place = None
        for key in keys:
            child = self._child(node, key)
            if child is None:
                break
            place, node = child
        return (1, 1) if place is None else self._lines.mark(place.start_mark)

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def _child(self, node: yaml.Node, key) -> tuple[yaml.Node, yaml.Node] | None:
        """(the node to point at, the node to descend into) for one step of a key path."""
        if isinstance(node, yaml.MappingNode):
            index = self._keys.get(id(node))
            if index is None:
                # The last of duplicate keys is the one loaded: later pairs overwrite earlier ones.
                index = self._keys[id(node)] = {k.value: (k, v) for k, v in node.value
                                                if isinstance(k, yaml.ScalarNode)}
            if isinstance(key, bool) or key is None:  # `yes:`/`On:`/`true:` all load as True, `~:`/`null:` as None
                spelled = _NULL if key is None else _TRUE if key else _FALSE
                return next((index[text] for text in reversed(index) if text.lower() in spelled), None)
            return index.get(key if isinstance(key, str) else _written(key))
        if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            item = node.value[key]
            return item, item
        return None


_TRUE, _FALSE = {"yes", "true", "on", "y"}, {"no", "false", "off", "n"}  # YAML 1.1's booleans, any case
_NULL = {"~", "null", ""}


def _written(key) -> str:
    """A non-text key as YAML text (`5`, `null`); a key too long to print is never converted."""
    if key is None:
        return "null"
    text = getattr(key, "text", None)  # a Surprise keeps what was written
    if text is not None:
        return text
    if isinstance(key, int) and not isinstance(key, bool) and key.bit_length() > 64:
        return ""
    return str(key)
