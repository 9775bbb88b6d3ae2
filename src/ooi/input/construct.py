"""libyaml's node tree → plain data, twice as fast as PyYAML's constructor and with the same meaning.

PyYAML builds every node through generic machinery (a generator per collection,
recursion bookkeeping, merge-key flattening) written in Python; for a 70-line record
that costs more than libyaml's parse itself. Records use a tiny part of YAML: mappings
with plain keys, sequences, and str/int/float/bool/null scalars. This module builds
exactly that part directly, calling the loader's own scalar constructors, and hands
anything else (a merge key `<<`, a non-scalar key, a duplicate key, another tag) back to
PyYAML's constructor, so the result is always what PyYAML itself would build.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_PREFIX = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _PREFIX + "str", _PREFIX + "map", _PREFIX + "seq"
_SCALARS = frozenset(_PREFIX + name for name in ("int", "float", "bool", "null"))
_KNOWN_LENGTH, _KNOWN_COUNT = 40, 1 << 16  # what the tag table keeps: bounded, whatever a hostile corpus holds


def resolve_faster(loader: type) -> None:
    """Give `loader` the tag resolution PyYAML's resolver gives, answered from a table built once.

    libyaml's composer asks for every node; PyYAML's generic `resolve` (path resolvers, list
    concatenation per call) and its two bookkeeping calls were a third of the load time.
    Loaders with path resolvers keep PyYAML's own.
    """
    if loader.yaml_path_resolvers:
        return
    table = {first: tuple(resolvers) for first, resolvers in loader.yaml_implicit_resolvers.items()}
    anywhere = table.pop(None, ())
    table = {first: resolvers + anywhere for first, resolvers in table.items()}

    known: dict[str, str] = {}  # short plain scalars → their tag: every record repeats its keys and small values

    def resolve(self, kind, value, implicit):
        if kind is ScalarNode:
            if not implicit[0]:
                return _STR
            tag = known.get(value)
            if tag is None:
                tag = _STR
                for candidate, regexp in table.get(value[:1], anywhere):  # value[:1] is "" for "", as in PyYAML
                    if regexp.match(value):
                        tag = candidate
                        break
                if len(value) <= _KNOWN_LENGTH and len(known) < _KNOWN_COUNT:
                    known[value] = tag
            return tag
        return _SEQ if kind is SequenceNode else _MAP

    loader.resolve = resolve
    loader.descend_resolver = lambda self, current_node, current_index: None
    loader.ascend_resolver = lambda self: None


class _Unusual(Exception):
    """The tree holds something only PyYAML's constructor builds the way PyYAML means it."""


def construct(loader) -> object:
    """What `loader.get_single_data()` returns, built faster when the document allows it."""
    return build(loader, loader.get_single_node())


def build(loader, node) -> object:
    """What `loader.get_single_data()` returns for the `node` its `get_single_node()` gave (kept for its marks)."""
    if node is None:
        return None
    try:
        return _build(node, type(loader).yaml_constructors, loader)
    except _Unusual:
        return loader.construct_document(node)


def _build(node, constructors: dict, loader) -> object:
    kind = node.__class__
    tag = node.tag
    if kind is ScalarNode:
        if tag == _STR:
            return node.value
        if tag in _SCALARS:
            return constructors[tag](loader, node)
    elif kind is MappingNode and tag == _MAP:
        mapping = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not ScalarNode or key_node.tag != _STR and key_node.tag not in _SCALARS:
                raise _Unusual  # a merge key, `=`, or a collection as a key
            # Most keys and values are plain text: taken here, without a call per node.
            key = key_node.value if key_node.tag == _STR else _build(key_node, constructors, loader)
            if value_node.__class__ is ScalarNode and value_node.tag == _STR:
                mapping[key] = value_node.value
            else:
                mapping[key] = _build(value_node, constructors, loader)
        if len(mapping) < len(node.value):
            raise _Unusual  # duplicate keys: the loader records them while PyYAML builds
        return mapping
    elif kind is SequenceNode and tag == _SEQ:
        return [_build(item, constructors, loader) for item in node.value]
    raise _Unusual
