"""load → validate → rules → Result, for a whole data root or some of its files. Never prints."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import date
from functools import cache, partial
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

from ooi import pools, rules
from ooi.engine import clock, parallel
from ooi.engine.cache import Cache, Pack
from ooi.engine.filing import bulk_imports
from ooi.engine.memo import Judgement, Key, Memo, Recalled
from ooi.engine.parts import Part, PartResult, Unit, split, weight
from ooi.engine.registry import Registry
from ooi.engine.result import NO_FINDINGS, FileResult, Named, Result, capped, shared_places, stamp
from ooi.engine.run import Run
from ooi.engine.waivers import apply as apply_waivers
from ooi.input import codeowners
from ooi.input.discovery import (
    AGENCIES,
    INNOVATIONS,
    SUFFIX,
    Entry,
    Tree,
    discover,
    relative,
    select,
    stem_of,
)
from ooi.input.git import blob_id
from ooi.input.loading import Document, Issue, load, parse
from ooi.input.reading import Refused, read
from ooi.model.codes import severity
from ooi.model.findings import Finding, Problem
from ooi.model.records import Agency, Innovation
from ooi.model.sectors import sectors
from ooi.model.settings import SETTINGS_FILE, Settings
from ooi.model.summary import Summary, summarize
from ooi.rules import portable, similarity, wording
from ooi.rules.context import Context
from ooi.schema.draft import Unjudged, draft, overlaps
from ooi.schema.validation import validate_agency, validate_innovation


def check_run(run: Run) -> Result:
    """Check every file (or the files under `run.targets`) with the registry as context (see `_check_run`).

    The texts the rules asked about, and the messages, field names and places its findings shared, are let go
    when it ends: nothing of one run stays in the process.
    """
    try:
        return _check_run(run)
    finally:
        wording.forget()
        pools.forget()


def check(root: Path, settings: Settings, **asked: Any) -> Result:
    """`check_run(Run(root, settings, **asked))`: the shorthand the commands call (see Run for what can be asked)."""
    return check_run(Run(root, settings, **asked))


def _check_run(run: Run) -> Result:
    """Check every file (or the files under `run.targets`) with the registry as context.

    The work goes agency by agency (its registry file and its folder of innovations), so
    cross-file checks see the whole registry or one agency's innovations, and a run over a
    few files reads only their folders and the registry entries they name. The agencies
    are spread over processes (`run.jobs`); the result is the same, in the same order.
    Workers use what the memo holds and send back what they judged anew.
    """
    if run.memo is not None and not run.memo.serves(run.records):
        run = replace(run, memo=None)  # the memo keeps summaries: a run that keeps whole records judges afresh
    if run.cache is not None and (run.memo is not None or run.records not in (False, summarize)):
        run = replace(run, cache=None)  # a history has its memo; a hit gives no whole record, only its summary
    root, settings, memo, cache, progress = run.root, run.settings, run.memo, run.cache, run.progress
    targets = list(run.targets) if run.targets else None
    within = relative(root, targets) if targets else None
    tree = discover(root, within)
    chosen = select(tree, root, targets) if targets else tree
    registry = Registry(root)  # what the rules look agencies up in: each unit adds its own agency's judged record
    base = Context(root=root, settings=settings, today=run.today or clock.today(settings.zona_waktu), sectors=sectors(),
                   codeowners=codeowners.read(root, targets), agencies=registry, iid_export=run.iid_export,
                   filed=run.filed)
    units = split(_units(tree, chosen))  # a huge folder in parts, spread like agencies
    total = sum(map(weight, units))
    # The paths asked for; a whole run asks for all (None: no set of 100,000 paths held through the run, ~4 MiB).
    wanted = {entry.rel for entry in chosen.entries} | {rel for rel, _ in chosen.misplaced} if targets else None
    misplaced = chosen.misplaced
    unportable = _unportable(tree, wanted)
    if run.cache is not None and not run.blobs:  # known from git's index: an unchanged file is not read
        folders = None if within is None else [AGENCIES, *{f"{INNOVATIONS}/{entries[0].folder}" for entries in
                                                           (_entries(unit) for unit in units) if entries}]
        run = replace(run, blobs=run.cache.blobs if folders is None else run.cache.blobs_under(folders))
    # A memo's salt reads the registry from the tree at hand, not listed a second time at every history point.
    agency_files = [entry for entry in tree.entries if entry.kind == "opd"] if within is None else None
    salt = _salt(run, base, agency_files) if memo is not None or cache is not None else None
    # Each entry holds its path and name (~0.3 KB): held by the units alone, each let go as it is done (the run
    # empties `units`), not held while the last results arrive nor while R015 compares.
    del tree, chosen, agency_files
    # A history's later points find nearly every file in the memo: one process answers them faster than a pool
    # can start and send results back. Spread the work when most files are to be judged anew.
    work = parallel.workers(run.jobs, total) if memo is None or len(memo) < total // 2 else 1
    if cache is not None and work > 1 and run.jobs is None and cache.warm(salt, total, len(run.blobs)):
        work = 1  # likewise a warm cache
    if progress:
        progress(0, total)
    counted = (lambda files: progress(files, total)) if progress else None
    done = parallel.run(_check_any, units, _Shared(run, base, registry, work > 1, salt), work,
                        then=partial(_arrived, memo, run.blobs), weigh=weight, progress=counted)
    if cache is not None:
        cache.ran(salt)
        if within is None:  # judged: git's blob ids are not asked again in a whole run
            cache.let_go()
            run = replace(run, blobs={})
    checked = [result for results in done
               for result in (results.results if isinstance(results, PartResult) else results)]
    _check_parts([results for results in done if isinstance(results, PartResult)], base)
    entries = [result for result in checked if result.kind == "opd"]
    judged = {stem_of(result.path): result.record if isinstance(result.record, Agency) else None for result in entries}
    # Every agency judged: the registry is their records alone, and stays true when the root's folder goes.
    registry = Registry.of(judged) if within is None else registry.with_entries(judged)
    base = replace(base, agencies=registry)
    across: list[tuple[str, object]] = [(r.path, r.record) for r in entries if r.record is not None]
    if targets and base.codeowners is not None:  # CODEOWNERS is compared with the whole registry
        seen = {path for path, _ in across}
        across += [(path, registry[kode]) for kode in registry if (path := f"{AGENCIES}/{kode}{SUFFIX}") not in seen]
    _check_across(checked, sorted(across, key=lambda pair: pair[0]), base, rules.ALL)
    signatures = _Signed(checked)
    if run.similar_to_all and within is not None:
        assert wanted is not None, "a run over some files names them"
        _check_with_all(run, checked, list(signatures), base, wanted)
    else:  # across agencies: every record checked in the run
        _check_across(checked, signatures, base, (similarity,), memo if memo is not None else cache)
    if cache is not None and within is None:  # every record's signature: the index a pull request reads
        from ooi.engine.signatures import keep_whole

        keep_whole(root, cache, checked)  # the run is done with them: the index keeps their lowest values
    for result in checked:
        result.signature = result.places = None  # done with: no reporter needs them
    files = list(checked) if wanted is None else [r for r in checked if r.path in wanted or r.kind == "lain"]
    files += [FileResult(rel, "lain", None, [_stamp_issue(rel, issue, settings)]) for rel, issue in misplaced]
    imported = bulk_imports(checked, run.filed, settings)  # R014's hints point to R016 in any run; R016 in a whole one
    if imported and within is None:
        _add_settings_findings(files, imported)
    _add_named(files, unportable, settings)
    for result in files:
        result.findings = capped(result.findings)
    files += apply_waivers(files, root, settings, base.today, targets)  # marks waived findings, drops none
    if settings.problems:  # what was wrong in ooi.yaml judges every file of the run: always reported
        _add_settings_problems(files, settings)
    files.sort(key=lambda r: r.path)
    return Result(root, settings, files, registry)


class _Signed:
    """(path, signature) of each result that has one, made as they are iterated, each time (R015's digest, then its
    comparison): a list of 100,000 such pairs, held while R015 compares, was ~6 MiB."""

    __slots__ = ("_results",)

    def __init__(self, results: list[FileResult]) -> None:
        self._results = results

    def __iter__(self) -> Iterator[tuple[str, object]]:
        return ((result.path, result.signature) for result in self._results if result.signature is not None)


def _entries(item: Unit | Part) -> list[Entry]:
    return item.entries if isinstance(item, Part) else item[1]


def _check_with_all(run: Run, checked: list[FileResult], signatures: list[tuple[str, object]], base: Context,
                    wanted: set[str]) -> None:
    """R015 for the records of a run over some files, compared with every record of the root (a pull request).

    Through the cache's index of the tree the pull request started from, when there is one to trust (a
    few files read, not 100,000); else every other record's signature, from the cache or its file, and
    the index made for the next check.
    """
    from ooi.engine import signatures as every

    cache, against = run.cache, run.against
    if cache is not None and against is not None:
        mine = [(path, signed) for path, signed in signatures if isinstance(signed, similarity.Signature) and signed]
        # the findings of the files asked for (their folders' other records are judged, not reported)
        found = every.near(run.root, cache, against, mine, base.settings.kemiripan_maks, wanted)
        if found is not None:
            _add_across(checked, found, base, similarity)
            return
    everything = discover(run.root)
    signatures += every.elsewhere(split(_units(everything, everything)), cache, {r.path for r in checked})
    signatures.sort(key=lambda pair: pair[0])
    del everything
    _check_across(checked, signatures, base, (similarity,), run.memo if run.memo is not None else cache)
    if cache is not None and against is not None:
        every.keep(run.root, cache, against, signatures, {r.path for r in checked})


def _unportable(tree: Tree, wanted: set[str] | None) -> list[tuple[str, Issue]]:
    """Y015 for the names of the tree (its files and agency folders) that lie among or above the `wanted` paths
    (None: every path)."""
    paths = [entry.rel for entry in tree.entries] + [rel for rel, _ in tree.misplaced if rel not in tree.undecodable]
    paths += {rel.rsplit("/", 1)[0] for rel in paths if rel.count("/") > 2}  # data/inovasi/<folder>
    return [(path, Issue(portable.CODE, 1, 1, message, hint)) for path, message, hint in portable.problems(paths)
            if wanted is None or path in wanted or any(rel.startswith(path + "/") for rel in wanted)]


def _add_named(files: list[FileResult], named: list[tuple[str, Issue]], settings: Settings) -> None:
    """A name's finding joins its file's others; a folder's stands alone."""
    results = {result.path: result for result in files}
    for path, issue in named:
        finding = _stamp_issue(path, issue, settings)
        if path in results:
            results[path].findings = [*results[path].findings, finding]
        else:
            results[path] = FileResult(path, "lain", None, [finding])
            files.append(results[path])


def _add_settings_problems(files: list[FileResult], settings: Settings) -> None:
    _add_settings_findings(files, [_stamp_issue(SETTINGS_FILE, issue, settings) for issue in settings.problems])


def _add_settings_findings(files: list[FileResult], found: list[Finding]) -> None:
    result = next((r for r in files if r.path == SETTINGS_FILE), None)
    if result is None:
        files.append(FileResult(SETTINGS_FILE, "lain", None, capped(sorted(found))))
    else:
        result.findings = capped(sorted(result.findings + found))


def _units(tree: Tree, chosen: Tree) -> list[Unit]:
    """(registry file if chosen, innovation files) per agency; a chosen innovation brings its whole folder."""
    agencies = {entry.stem: entry for entry in chosen.entries if entry.kind == "opd"}
    folders = {entry.folder for entry in chosen.entries if entry.kind == "inovasi"}
    files: dict[str, list[Entry]] = {}
    for entry in tree.entries:
        if entry.kind == "inovasi" and entry.folder in folders:
            files.setdefault(entry.folder, []).append(entry)
    return [(agencies.get(kode), files.get(kode, [])) for kode in sorted(agencies.keys() | folders)]


class _Shared(NamedTuple):
    """What every unit of a run is judged with, handed to each worker once."""

    run: Run
    base: Context  # the rules' context, before a file's path is set
    registry: Registry  # base.agencies: the tree's registry, each unit's own agency added as judged
    packed: bool  # results cross processes: records as plain data, the memo's new judgements sent back
    salt: bytes | None  # what a memo key adds to a file's content (see `_salt`)


Fresh = list[tuple[Key, Judgement]]  # what a worker judged anew, for the parent's memo


def _check_unit(unit: Unit, shared: _Shared) -> tuple[list[FileResult], Fresh]:
    """One agency's files, with the checks across its innovations; runs in a worker process when parallel.

    Also what a worker added to its copy of the memo, for the parent's (nothing when not parallel).
    """
    (agency, entries), (run, base, registry, packed, salt) = unit, shared
    memo = run.memo
    if packed and memo is not None:
        memo.keep_fresh()
    results = []
    if agency is not None:
        results.append(_judge(agency, run, base, salt)[0])
        record = results[0].record
        # Its innovations are judged by the agency as judged here (with a memo, not read again).
        own = {agency.stem: record if isinstance(record, Agency) else None}
        base = replace(base, agencies=registry.with_entries(own))
    kept = _pack(run, unit) if entries else None
    judged = [_judge(entry, run, base, salt, kept) for entry in entries]
    if kept is not None:
        kept.save()
    innovations = [result for result, _ in judged]
    _check_across(innovations, [(r.path, r.record) for r in innovations if r.record is not None], base,
                  _folder_rules())
    _keep(judged, run.records, packed, kept)
    return results + innovations, memo.fresh_judgements() if packed and memo is not None else []


def _pack(run: Run, unit: Unit | Part) -> Pack | None:
    """The judgement cache's pack of a unit (None without a cache); its hits give summaries when the run keeps them."""
    cache = run.cache
    return cache.pack(cache.unit_name(unit), summaries=callable(run.records)) if cache is not None else None


def _keep(judged: list[tuple[FileResult, object]], records: bool | Callable[[Innovation], Summary],
          packed: bool, kept: Pack | None = None) -> None:
    """Each innovation as the caller asked: let go, kept as its summary, or whole (across processes: its data).

    A judgement the cache held has no record (its name, `Named`): its summary is the pack's (`_check_run` keeps
    the cache only for runs that keep summaries or nothing).
    """
    for result, data in judged:
        if not records or result.record is None:
            result.record = None
        elif isinstance(result.record, Named) and kept is not None:
            result.record = kept.summary.get(result.path)
        elif callable(records):
            record = result.record  # judged now, or recalled from a history's memo (its summary made then)
            result.record = records(record) if isinstance(record, Innovation) else (
                record.summary if isinstance(record, Recalled) else None)
        elif packed:  # a record crosses processes as its plain data, validated again in the parent
            try:
                result.record = parallel.Packed.of(data)
            except ValueError:  # not plain data after all (a model that accepts any value): send the record
                pass


@cache
def _folder_rules() -> tuple[ModuleType, ...]:
    """The rules that compare the innovations of one folder (R007)."""
    return tuple(rule for rule in rules.ALL if hasattr(rule, "check_all") and any(
        issubclass(kind, Innovation) or issubclass(Innovation, kind) for kind in rule.RECORDS))


def _unpack(memo: Memo | None, blobs: Mapping[str, str], unit: tuple[list[FileResult], Fresh]) -> list[FileResult]:
    """In the parent, as each agency arrives: validate packed data again into the same record; fill the memo."""
    results, fresh = unit
    if fresh and memo is not None:
        memo.receive(fresh, _record_of, blobs)
    for result in results:
        if isinstance(result.record, parallel.Packed):
            data = result.record.data()
            result.record = validate_innovation(data)[0] if isinstance(data, dict) else None
    return results


def _record_of(rel: str, data: object) -> Agency | Innovation | None:
    """The record of a file's loaded data, as judging it made it (None when the schema rejects it)."""
    if not isinstance(data, dict):
        return None
    return (validate_innovation if rel.startswith(INNOVATIONS + "/") else validate_agency)(data)[0]


def _check_any(item: Unit | Part, shared: _Shared) -> tuple[list[FileResult], Fresh] | PartResult:
    return _check_part(item, shared) if isinstance(item, Part) else _check_unit(item, shared)


def _check_part(part: Part, shared: _Shared) -> PartResult:
    """Some files of a huge folder, as `_check_unit` judges a folder's, but their checks across files left to
    `_check_parts`, on names: records are let go (or kept) here, part by part, not held for the whole folder."""
    run, base, _, packed, salt = shared
    memo = run.memo
    if packed and memo is not None:
        memo.keep_fresh()
    kept = _pack(run, part)
    judged = [_judge(entry, run, base, salt, kept) for entry in part.entries]
    if kept is not None:
        kept.save()
    names = [(r.path, Named(r.record.opd, r.record.nama)) for r, _ in judged
             if isinstance(r.record, (Innovation, Named))]
    _keep(judged, run.records, packed, kept)
    fresh = memo.fresh_judgements() if packed and memo is not None else []
    return PartResult(part.folder, [result for result, _ in judged], names, fresh)


def _arrived(memo: Memo | None, blobs: Mapping[str, str], done: tuple[list[FileResult], Fresh] | PartResult,
             ) -> list[FileResult] | PartResult:
    if isinstance(done, PartResult):
        _unpack(memo, blobs, (done.results, done.fresh))
        return done
    return _unpack(memo, blobs, done)


def _check_parts(parts: list[PartResult], base: Context) -> None:
    """The checks across one folder's innovations (R007), for folders judged in parts: on their records' names."""
    folders: dict[str, tuple[list[FileResult], list[tuple[str, object]]]] = {}
    for part in parts:
        results, names = folders.setdefault(part.folder, ([], []))
        results += part.results
        names += part.names
    for results, names in folders.values():
        _check_across(results, names, base, _folder_rules())


def check_text(root: Path, settings: Settings, rel: str, text: str, today: date | None = None) -> list[Finding]:
    """The findings of one record as if its file held `text` (ooi isi judges an answer before saving it).

    The checks of the file itself; those across files (a name used twice in a folder) come with `check`.
    """
    base = Context(root=root, settings=settings, today=today or clock.today(settings.zona_waktu), sectors=sectors(),
                   agencies=Registry(root))
    kind = "inovasi" if rel.startswith(INNOVATIONS + "/") else "opd"
    try:
        return _judge_document(Entry(str(root / rel), rel, kind), parse(text.encode("utf-8")), base)[0].findings
    finally:
        wording.forget()


def _salt(run: Run, base: Context, registry: list[Entry] | None) -> bytes:
    """What a judgement depends on besides its file and the as-of date: settings, registry, CODEOWNERS.

    `registry`: the agency files, when already discovered (None: listed here).
    """
    digest = hashlib.blake2b(repr(run.settings).encode("utf-8", "surrogatepass"), digest_size=16)
    for entry in registry if registry is not None else discover(run.root, within=[AGENCIES]).entries:
        blob = _blob_of(run, entry)[0]
        digest.update(f"{entry.rel}\0{blob}\0".encode("utf-8", "surrogatepass"))
    digest.update((base.codeowners or "").encode("utf-8", "surrogatepass"))
    return digest.digest()


def _blob_of(run: Run, entry: Entry) -> tuple[str, bytes | None]:
    """The git blob id of a file: known to the run, else computed from its bytes (returned too, read once)."""
    known = run.blobs.get(entry.rel)
    if known is not None:
        return known, None
    raw = read(entry.path)
    return blob_id(raw), raw


def _judge(entry: Entry, run: Run, base: Context, salt: bytes | None = None, kept: Pack | None = None,
           ) -> tuple[FileResult, object]:
    """Load, validate and judge one file (positions only if it has findings); also the loaded data.

    With a memo, a file whose content was judged before for the same inputs is not read again
    when its blob id is known (a snapshot of a commit), nor parsed or validated again.
    `discover` found the entry inside the root with its links followed (a link out is Y012 there),
    so it is read without resolving its path again: two realpath calls were a tenth of a file's time.
    `kept`: the judgement cache's pack of the file's unit, asked as a memo is (a run without a memo).
    """
    memo: Memo | Pack | None = run.memo if run.memo is not None else kept
    if memo is None:
        return _judge_document(entry, load(entry.path), base)
    try:
        blob, raw = _blob_of(run, entry)
    except Refused:  # judged as load judges it: one finding, nothing kept
        return _judge_document(entry, load(entry.path), base)
    key = (entry.rel, blob, salt, base.filed.get(entry.rel) if base.filed is not None else None)
    judged = memo.get(key, base.today)
    if judged is not None:
        return (FileResult(entry.rel, entry.kind, judged.record, list(judged.findings) or NO_FINDINGS,
                           judged.signature, judged.places), judged.data)
    if raw is None:
        try:
            raw = read(entry.path)
        except Refused:
            return _judge_document(entry, load(entry.path), base)
    result, data = _judge_document(entry, parse(raw), base)
    memo.put(key, base.today, result, data)
    return result, data


def _judge_document(entry: Entry, document: Document, base: Context) -> tuple[FileResult, object]:
    settings = base.settings
    findings = [_stamp_issue(entry.rel, issue, settings) for issue in document.issues]
    if document.data is None:
        return FileResult(entry.rel, entry.kind, None, findings), None
    validate = validate_agency if entry.kind == "opd" else validate_innovation
    record, problems = validate(document.data)
    # A file the schema rejects is still judged, on a lenient view, so its first check lists everything.
    judged = record if record is not None else draft(entry.kind, document.data)
    if judged is not None:
        context = replace(base, path=entry.rel, text=document.text)
        taken = None if record is not None else [problem.keys for problem in problems]
        for rule in rules.for_record(judged):
            problems += [_with_code(p, rule) for p in _judged(rule, judged, context, taken)]
    locator = document.locator()
    if problems:
        findings += [stamp(entry.rel, problem, locator.locate(problem.keys), settings) for problem in problems]
    findings.sort()
    signature = similarity.signature(record) if isinstance(record, Innovation) else None
    places = shared_places({key: locator.locate((key,)) for key in _ACROSS_KEYS}) if record is not None else None
    return FileResult(entry.rel, entry.kind, record, findings, signature, places), document.data


# The keys the checks across files point at (R001 `induk`, R007 and R015 `nama`): placed while the tree is at hand,
# so a finding across files never parses its file again. A rule across files that points elsewhere adds its key here.
_ACROSS_KEYS = ("nama", "induk")


def _place(result: FileResult, keys: tuple[str | int, ...]) -> tuple[int, int]:
    """Where a finding across files points: its key's place, found when the file was judged (else the file's start)."""
    if result.kind == "lain" or not keys or result.places is None:
        return 1, 1
    return result.places.get(str(keys[0]), (1, 1))


def _judged(rule: ModuleType, record: object, context: Context, taken: list[tuple[str | int, ...]] | None,
            ) -> list[Problem]:
    """A rule's problems; on a draft (`taken`: where the schema already spoke), what it can judge, said once."""
    if taken is None:
        return list(rule.check(record, context))
    found: list[Problem] = []
    try:
        for problem in rule.check(record, context):
            found.append(problem)
    except Unjudged:  # the rule reached a value not written yet: what it found before that stands
        pass
    return [problem for problem in found if not overlaps(problem.keys, taken)]


def _check_across(results: list[FileResult], records: Iterable[tuple[str, object]], context: Context,
                  chosen: Iterable[ModuleType], memo: Memo | Cache | None = None) -> None:
    """Rules that compare files add their findings to the files they name (records outside the run: none)."""
    for rule in chosen:
        found = list(_found_across(rule, records, context, memo))
        if found:  # the usual case, nothing found, makes no two sets of 100,000 paths (~8 MiB at once)
            mine, theirs = {r.path for r in results}, {path for path, _ in records}
            found = [(path, problem) for path, problem in found if path in mine or path not in theirs]
        _add_across(results, found, context, rule)


def _add_across(results: list[FileResult], found: list[tuple[str, Problem]], context: Context,
                rule: ModuleType) -> None:
    """A rule's findings across files, each added to the file it names."""
    if not found:  # the usual case: no table of every file made for a rule that found nothing
        return
    by_path = {r.path: r for r in results}
    for path, problem in found:
        result = by_path.get(path)
        if result is None:  # not a record: one finding about the whole file
            result = by_path[path] = FileResult(path, "lain")
            results.append(result)
        finding = stamp(path, _with_code(problem, rule), _place(result, problem.keys), context.settings)
        result.findings = sorted([*result.findings, finding])


def _found_across(rule: ModuleType, records: Iterable[tuple[str, object]], context: Context, memo: Memo | Cache | None,
                  ) -> Iterable[tuple[str, Problem]]:
    """What a rule finds across files; R015 compares the same signatures once, in a history or in a cache's runs."""
    compare = getattr(rule, "check_all", None)
    if compare is None:
        return ()
    if memo is None or rule is not similarity:
        now: Iterable[tuple[str, Problem]] = compare(records, context)
        return now
    compared = _compared(context.settings.kemiripan_maks, records)
    found: list[tuple[str, Problem]] = memo.once(rule.CODE, compared, lambda: list(compare(records, context)))
    return found


def _compared(threshold: float, records: Iterable[tuple[str, object]]) -> str:
    """What R015 compares, as a digest: the threshold, each record's path and signature (whose bytes hold its name's
    hash). A history's memo keeps this until the next point, not a list of 100,000 pairs (~6 MiB)."""
    digest = hashlib.blake2b(repr(threshold).encode(), digest_size=16)
    for path, signed in records:
        named = path.encode("utf-8", "surrogatepass")
        signed = signed if isinstance(signed, similarity.Signature) else b""
        digest.update(b"%d:%d:" % (len(named), len(signed)) + named + signed)
    return digest.hexdigest()


def _with_code(problem: Problem, rule: ModuleType) -> Problem:
    return problem if problem.code else replace(problem, code=rule.CODE)


def _stamp_issue(path: str, issue: Issue, settings: Settings) -> Finding:
    return Finding(path, issue.line, issue.column, issue.code, severity(issue.code, settings.aturan), issue.field,
                   issue.message, issue.hint)
