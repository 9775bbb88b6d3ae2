"""A finding's key path → line and column, computed only for files that have findings."""

from __future__ import annotations

import yaml


class Locator:
    """Composes a file's node tree once, on first use, and answers where a key path is."""

    def __init__(self, text: str):
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def locate(self, keys: tuple) -> tuple[int, int]:
        """The 1-based line and column of the deepest key of `keys` that exists.

        A missing key points at its nearest existing parent: that is where it must be written.
        """
        node = self._tree()
        if node is None:
            return 1, 1
        place = (1, 1)
        for key in keys:
            child = _child(node, key)
            if child is None:
                break
            place_node, node = child
            place = (place_node.start_mark.line + 1, place_node.start_mark.column + 1)
        return place

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root


def _child(node: yaml.Node, key) -> tuple[yaml.Node, yaml.Node] | None:
    """(the node to point at, the node to descend into) for one step of a key path."""
    if isinstance(node, yaml.MappingNode):
        found = None
        for key_node, value_node in node.value:  # the last of duplicate keys is the one loaded
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                found = (key_node, value_node)
        return found
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        item = node.value[key]
        return item, item
    return None
