"""What a run holds for each of 100,000 files is shared where it repeats: field names, key paths, places."""

from __future__ import annotations

from ooi.engine.result import shared_places, stamp
from ooi.i18n import tr
from ooi.model.findings import Problem
from ooi.model.settings import Settings


def test_findings_of_one_key_path_share_its_field_name_and_keys():
    def stamped(keys):
        return stamp("data/opd/a.yaml", Problem(keys, tr("x", "x"), code="R001"), (1, 1), Settings())

    one, two = stamped(("bukti", 0, "tautan")), stamped(("bukti", 0, "tautan"))
    assert (one.field, one.keys) == ("bukti[0].tautan", ("bukti", 0, "tautan"))
    assert one.field is two.field and one.keys is two.keys
    assert [stamped((key,)).field for key in (1, True, 1, True)] == ["[1]", "True", "[1]", "True"]


def test_files_whose_keys_lie_at_the_same_places_share_one_dict_of_them():
    one = shared_places({"nama": (2, 7), "induk": (1, 1)})
    assert shared_places({"nama": (2, 7), "induk": (1, 1)}) is one
    assert shared_places({"nama": (3, 7), "induk": (1, 1)}) == {"nama": (3, 7), "induk": (1, 1)}
