"""The validate JSON is written directly, byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ooi.report.json import dumps

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=5), inner, max_size=4)
                      | st.dictionaries(st.integers(), inner, max_size=2), max_leaves=25)


@given(VALUES)
@settings(max_examples=500, deadline=None)
def test_the_output_is_what_json_dumps_writes(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_finding_is_written_with_its_keys_in_order():
    finding = {"path": "data/opd/dinkes.yaml", "line": 3, "column": 1, "code": "R002", "message": "“kode” \u2028"}
    assert dumps({"ok": False, "findings": [finding], "none": []}) == (
        '{\n  "ok": false,\n  "findings": [\n    {\n      "path": "data/opd/dinkes.yaml",\n      "line": 3,\n'
        '      "column": 1,\n      "code": "R002",\n      "message": "“kode” \u2028"\n    }\n  ],\n  "none": []\n}')
