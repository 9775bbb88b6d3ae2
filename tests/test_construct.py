"""The fast construction builds exactly what PyYAML's own constructor builds, or lets it build."""

from __future__ import annotations

import pytest
import yaml
from conftest import SAMPLES

from ooi.input.construct import construct
from ooi.input.loading import _SURPRISING_INT, Surprise, _Loader, parse

DOCUMENTS = [
    *[(SAMPLES / f"{stage}.yaml").read_bytes() for stage in ("inisiatif", "uji_coba", "penerapan")],
    b"a: 1\nb: [1, 2.5, .inf, -.nan, ~, null, true, no, on, 0x1f, 012, 1_000, 3:20]\nc: {d: '', e: \"x\"}\n",
    b"<<: {a: 1}\nb: 2\n",  # a merge key: PyYAML merges
    b"a: 1\na: 2\nb: {c: 1, c: 2}\n",  # duplicates: the loader records them
    b"? [a, b]\n: 1\n",  # a collection as a key: PyYAML refuses it
    b"1: a\n01: b\ntrue: c\n~: d\n",
    b"= : 1\n",
    b"- - - x\n  - y\n- {}\n- []\n",
    b"",
    b"just text\n",
]


class _Stock(_Loader):
    """The same loader with PyYAML's own tag resolution and int construction."""

    resolve = yaml.resolver.BaseResolver.resolve
    descend_resolver = yaml.resolver.BaseResolver.descend_resolver
    ascend_resolver = yaml.resolver.BaseResolver.ascend_resolver

    def construct_yaml_int(self, node):
        value = yaml.constructor.SafeConstructor.construct_yaml_int(self, node)
        return Surprise(node.value, value) if _SURPRISING_INT.fullmatch(node.value) else value


_Stock.add_constructor("tag:yaml.org,2002:int", _Stock.construct_yaml_int)


SCALARS = ("", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "yes", "Off", "n", ".5", "-.inf", ".NaN",
           "+1", "0o17", "0b101", "0x_1", "1_0", "1:30", "1:30.5", "2023-01-01", "2023-1-1 10:00", "<<x", "1e3",
           "1.0e+3", "-x", "+", ".", "...", "0", "-0", "00", "007", "10", "+10", "1.10", "٣", "'1'", '"yes"', "~x", "é")


@pytest.mark.parametrize("raw", [*DOCUMENTS, "".join(f"k{i}: {v}\n" for i, v in enumerate(SCALARS)).encode()])
def test_same_data_and_issues_as_pyyaml(raw):
    def pyyaml():
        loader = _Stock(raw)
        try:
            return repr(loader.get_single_data()), [(k, m.line) for k, _, m in loader.duplicates]
        except yaml.YAMLError as error:
            return type(error).__name__, []
        finally:
            loader.dispose()

    def fast():
        loader = _Loader(raw)
        try:
            return repr(construct(loader)), [(k, m.line) for k, _, m in loader.duplicates]
        except yaml.YAMLError as error:
            return type(error).__name__, []
        finally:
            loader.dispose()

    assert fast() == pyyaml()


def test_parse_reports_what_pyyaml_reports():
    document = parse(b"a: 1\na: 2\n")
    assert document.data == {"a": 2}
    assert [(i.code, i.line) for i in document.issues] == [("Y004", 2)]


def test_a_defect_in_ooi_is_not_reported_as_a_yaml_syntax_error(monkeypatch):
    """A bug keeps its traceback (STYLE habit 9); only what the input causes becomes a Y finding."""
    import pytest

    from ooi.input import loading

    def broken(loader, node):
        raise TypeError("a bug in ooi")

    monkeypatch.setattr(loading, "build", broken)
    with pytest.raises(TypeError, match="a bug in ooi"):
        loading.parse(b"nama: Sigap\n")
