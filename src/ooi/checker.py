"""load → validate → rules → Result, for a whole data root or some of its files. Never prints."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ooi import codeowners, rules
from ooi.catalogue import default_severity
from ooi.config import Settings
from ooi.context import Context
from ooi.discovery import Entry, Tree, discover, select
from ooi.findings import Finding, Problem, Severity, field_name
from ooi.loading import Issue, load
from ooi.positions import Locator
from ooi.sectors import sectors
from ooi.validation import validate_agency, validate_innovation
from ooi.waivers import apply as apply_waivers


@dataclass
class FileResult:
    """One file: its kind (`opd`, `inovasi`, or `lain` for a misplaced file), record and findings.

    `record` is set whenever the file passed the schema, even if rules found errors in it;
    whether it counts is for the caller to decide from `errors`.
    """

    path: str
    kind: str
    record: object = None
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity is Severity.WARNING and not f.waived_by for f in self.findings)

    @property
    def folder(self) -> str:
        parts = self.path.split("/")
        return parts[2] if self.kind == "inovasi" and len(parts) > 3 else ""


@dataclass
class Result:
    root: Path
    settings: Settings
    files: list[FileResult]

    @property
    def findings(self) -> list[Finding]:
        return sorted(f for result in self.files for f in result.findings)

    @property
    def errors(self) -> int:
        return sum(result.errors for result in self.files)

    @property
    def warnings(self) -> int:
        return sum(result.warnings for result in self.files)

    @property
    def agencies(self) -> dict:
        return {r.record.kode: r.record for r in self.files if r.kind == "opd" and r.record is not None}


def check(root: Path, settings: Settings, targets: list[Path] | None = None, today: date | None = None) -> Result:
    """Check every file (or the files under `targets`) with the registry as context."""
    tree = discover(root)
    base = Context(root=root, settings=settings, today=today or date.today(), sectors=sectors(),
                   codeowners=codeowners.read(root, targets or None))
    registry = [check_file(entry, base) for entry in tree.entries if entry.kind == "opd"]
    agencies = {r.record.kode: r.record for r in registry if r.record is not None}
    base = replace(base, agencies=agencies)
    chosen = select(tree, root, targets) if targets else tree
    wanted = {entry.rel for entry in chosen.entries} | {rel for rel, _ in chosen.misplaced}
    innovations = [check_file(entry, base) for entry in _with_siblings(tree, chosen) if entry.kind == "inovasi"]
    checked = registry + innovations
    _check_across(checked, base)  # may add results for files that are not records (.github/CODEOWNERS)
    files = [r for r in checked if r.path in wanted or r.kind == "lain"]
    files += [FileResult(rel, "lain", None, [_stamp_issue(rel, issue, settings)]) for rel, issue in chosen.misplaced]
    files += apply_waivers(files, root, settings, base.today, targets)  # marks waived findings, drops none
    files.sort(key=lambda r: r.path)
    return Result(root, settings, files)


def _with_siblings(tree: Tree, chosen: Tree) -> list[Entry]:
    """The chosen innovation files and the rest of their agency folders, for the cross-file checks."""
    if chosen is tree:
        return tree.entries
    folders = {entry.folder for entry in chosen.entries if entry.kind == "inovasi"}
    return [entry for entry in tree.entries if entry.kind == "inovasi" and entry.folder in folders]


def check_file(entry: Entry, base: Context) -> FileResult:
    """Load, validate and judge one file; positions are computed only if it has findings."""
    document = load(entry.path)
    settings = base.settings
    findings = [_stamp_issue(entry.rel, issue, settings) for issue in document.issues]
    if document.data is None:
        return FileResult(entry.rel, entry.kind, None, findings)
    validate = validate_agency if entry.kind == "opd" else validate_innovation
    record, problems = validate(document.data)
    if record is not None:
        context = replace(base, path=entry.rel, text=document.text)
        for rule in rules.for_record(record):
            problems += [_with_code(p, rule) for p in rule.check(record, context)]
    if problems:
        locator = Locator(document.text)
        findings += [_stamp(entry.rel, problem, locator.locate(problem.keys), settings) for problem in problems]
    findings.sort()
    return FileResult(entry.rel, entry.kind, record, findings)


def _check_across(results: list[FileResult], context: Context) -> None:
    """Rules that compare files add their findings to the files they name."""
    by_path = {r.path: r for r in results}
    records = [(r.path, r.record) for r in results if r.record is not None]
    for rule in rules.ALL:
        for path, problem in getattr(rule, "check_all", lambda *_: ())(records, context):
            result = by_path.get(path)
            if result is None:  # not a record: one finding about the whole file
                result = by_path[path] = FileResult(path, "lain")
                results.append(result)
            place = (1, 1) if result.kind == "lain" else Locator(load(context.root / path).text).locate(problem.keys)
            finding = _stamp(path, _with_code(problem, rule), place, context.settings)
            result.findings = sorted([*result.findings, finding])


def _with_code(problem: Problem, rule) -> Problem:
    return problem if problem.code else replace(problem, code=rule.CODE)


def _stamp(path: str, problem: Problem, place: tuple[int, int], settings: Settings) -> Finding:
    code = problem.code
    severity = settings.aturan.get(code) or problem.severity or default_severity(code)
    return Finding(path, place[0], place[1], code, severity, field_name(problem.keys), problem.message, problem.hint)


def _stamp_issue(path: str, issue: Issue, settings: Settings) -> Finding:
    severity = settings.aturan.get(issue.code) or default_severity(issue.code)
    return Finding(path, issue.line, issue.column, issue.code, severity, issue.field, issue.message, issue.hint)
