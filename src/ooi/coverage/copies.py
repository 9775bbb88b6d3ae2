"""Records R015 pairs within one agency, counted once toward its quota (SPEC §15): what coverage counts as distinct."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ooi.model.findings import Finding


class _Standing(Protocol):
    """What is read of a file as it stands (coverage.tally.FileStanding, not named here: tally imports this module)."""

    @property
    def path(self) -> str: ...

    @property
    def standing(self) -> str: ...

    @property
    def findings(self) -> tuple[Finding, ...]: ...


def distinct(files: Sequence[_Standing], standings: tuple[str, str]) -> tuple[int, int]:
    """(innovations in T, plans for T) of one agency's files, two records that R015 pairs counted once.

    `standings` names the two counted standings (in T, a plan for T). A renamed copy of an agency's only
    innovation is one innovation: each group of alike records counts once, toward T when one of them
    counts in T, else as a plan. R015 waived on either file keeps the two apart.
    """
    target, plan = standings
    counted = {f.path: f for f in files if f.standing in (target, plan)}
    group = {path: path for path in counted}

    def top(path: str) -> str:
        while group[path] != path:
            path = group[path]
        return path

    pairs = [(filed.path, f.related, f.waived_by) for filed in counted.values() for f in filed.findings
             if f.code == "R015" and f.related in counted]
    waived = {frozenset(pair[:2]) for pair in pairs if pair[2]}  # either file's waiver says the two differ
    for path, other, _ in pairs:
        if frozenset((path, other)) not in waived:
            group[top(other)] = top(path)
    groups: dict[str, set[str]] = {}
    for path, filed in counted.items():
        groups.setdefault(top(path), set()).add(filed.standing)
    in_target = sum(target in found for found in groups.values())
    return in_target, len(groups) - in_target
