"""IID maturity (SPEC §14): each innovation's score Σ weight × level claimed, and a rough estimate for the region.

A claim that is itself an error (an `I` finding on it) scores nothing; a record with errors
elsewhere, or in a folder of no registered agency, is listed with its score but left out of
the estimate. With no claims anywhere, each record gets suggestions (the levels its own legal
basis, evidence and monitoring already support) that are never counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ooi.engine.result import Result
from ooi.model.iid_catalogue import LEVELS, Catalogue
from ooi.model.records import Innovation
from ooi.rules.iid_claims import supported
from ooi.text_safety import name

SCORED = ("uji_coba", "penerapan")  # plans earn no score


@dataclass(frozen=True)
class Raise:
    """The claim that would add most: indicator `kunci` from level `dari` (0: unclaimed) to the top level."""

    kunci: str
    dari: int
    tambah: int


@dataclass(frozen=True)
class Suggestion:
    """A claim the record's own facts already support, to be confirmed: indicator, level, fitting `bukti` indexes."""

    kunci: str
    level: int
    bukti: tuple[int, ...]


@dataclass(frozen=True)
class ClaimVerdicts:
    """What `ooi validate` says of the records, as scoring needs it."""

    wrong: dict[str, frozenset[str]]  # path → indicators whose claim is an error
    left_out: frozenset[str]  # paths kept out of the estimate: errors outside `iid:`, or no registered agency


def judged(result: Result) -> ClaimVerdicts:
    """From the engine's result: the erroneous claims, and the records the estimate leaves out."""
    wrong: dict[str, set[str]] = {}
    left_out = set()
    for finding in result.findings:
        if not finding.is_error:
            continue
        parts = finding.field.split(".")
        if parts[0] == "iid" and len(parts) > 1:
            wrong.setdefault(finding.path, set()).add(parts[1])
        elif parts[0] != "iid":
            left_out.add(finding.path)
    registered = set(result.agencies)
    left_out |= {f.path for f in result.files if f.kind == "inovasi" and f.folder not in registered}
    return ClaimVerdicts({path: frozenset(keys) for path, keys in wrong.items()}, frozenset(left_out))


@dataclass(frozen=True)
class Scored:
    path: str
    nama: str
    opd: str
    tahapan: str
    skor: int
    wajib_kurang: tuple[str, ...]  # mandatory indicators not claimed
    claims: dict[str, int]  # known indicator → level claimed
    naik: Raise | None  # None when every indicator is at the top level
    dihitung: bool = True  # in the region's estimate (no errors outside its claims, a registered agency's)
    saran: tuple[Suggestion, ...] = ()  # when nothing is claimed anywhere: levels the record already supports


@dataclass(frozen=True)
class Scores:
    siklus: int
    maksimum: int
    innovations: tuple[Scored, ...]
    plans: int  # plans left out: they score nothing
    perkiraan: float  # the mean score as a percentage of the maximum, 2 decimals
    predikat: str
    catalogue: Catalogue
    claimed: bool = True  # any record claims an indicator at all

    @property
    def counted(self) -> int:
        """How many innovations the estimate is the mean of."""
        return sum(s.dihitung for s in self.innovations)


def claims(record: Innovation, catalogue: Catalogue, wrong: frozenset[str] = frozenset()) -> dict[str, int]:
    """The levels claimed for indicators the catalogue knows (an unknown key is a finding, not a score),
    leaving out the claims in `wrong` (each an error: it scores nothing)."""
    known = set(catalogue.keys) - wrong
    return {key: claim.level for key, claim in (record.iid or {}).items() if key in known}


def score(record: Innovation, catalogue: Catalogue, wrong: frozenset[str] = frozenset()) -> int:
    """Σ weight × level claimed; a plan scores 0."""
    if record.tahapan not in SCORED:
        return 0
    levels = claims(record, catalogue, wrong)
    return sum(item.bobot * levels.get(item.kunci, 0) for item in catalogue.indicators)


def suggestions(record: Innovation, catalogue: Catalogue) -> tuple[Suggestion, ...]:
    """The claims the record's own facts would pass: a fitting `bukti` for the indicator, at the level the
    facts the catalogue names support (its legal basis, its resolution rate), else level 1."""
    out = []
    for item in catalogue.indicators:
        fitting = tuple(index for index, evidence in enumerate(record.bukti) if evidence.jenis in item.bukti_jenis)
        if not fitting:
            continue
        level = supported(record, item.fit)[0] if item.fit else 1
        if level:
            out.append(Suggestion(item.kunci, level, fitting))
    return tuple(out)


def best_raise(levels: dict[str, int], catalogue: Catalogue) -> Raise | None:
    """The indicator whose top level adds most; ties go to a mandatory one, then to the catalogue's order."""
    top = max(LEVELS)
    options = [(item.bobot * (top - levels.get(item.kunci, 0)), item.wajib, -index, item)
               for index, item in enumerate(catalogue.indicators) if levels.get(item.kunci, 0) < top]
    if not options:
        return None
    gain, _, _, item = max(options, key=lambda option: option[:3])
    return Raise(item.kunci, levels.get(item.kunci, 0), gain)


def scores(records: list[tuple[str, Innovation]], catalogue: Catalogue, judged: ClaimVerdicts | None = None) -> Scores:
    """Score every innovation at `uji_coba` or `penerapan`, whatever its age; the estimate is the mean of those
    `judged` leaves in (all, without it)."""
    judged = judged or ClaimVerdicts({}, frozenset())
    claimed = any(record.iid for _, record in records)
    scored = []
    for path, record in sorted(records, key=lambda pair: pair[0]):
        if record.tahapan not in SCORED:
            continue
        wrong = judged.wrong.get(path, frozenset())
        levels = claims(record, catalogue, wrong)
        missing = tuple(item.kunci for item in catalogue.indicators if item.wajib and item.kunci not in levels)
        scored.append(Scored(path, name(record.nama), record.opd, record.tahapan, score(record, catalogue, wrong), missing,
                             levels, best_raise(levels, catalogue), path not in judged.left_out,
                             () if claimed else suggestions(record, catalogue)))
    counted = [s.skor for s in scored if s.dihitung]
    mean = sum(counted) / len(counted) if counted else 0.0
    percent = round(100.0 * mean / catalogue.maksimum, 2) if catalogue.maksimum else 0.0
    return Scores(catalogue.siklus, catalogue.maksimum, tuple(scored), len(records) - len(scored), percent,
                  catalogue.predikat(percent), catalogue, claimed)
