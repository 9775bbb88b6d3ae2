"""Independent parts of a rule: on a draft (a record the schema rejected), one part stopping does not stop the rest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ooi.model.findings import Problem
from ooi.schema.draft import Unjudged


def independent(*parts: Iterable[Problem]) -> Iterator[Problem]:
    """Each part's problems in turn; a part that reaches a value not written yet ends alone, the others go on.

    Pass generators (not yet run): `independent(_future(record), _evidence(record))`. On a
    valid record no part can stop this way, so this changes nothing there.
    """
    for part in parts:
        try:
            yield from part
        except Unjudged:
            continue
