"""The speed benchmark of issue 6: ooi against the libyaml floor and check-jsonschema, side by side.

    python bench/run.py                 # N = 1,000 and 10,000 (a few minutes)
    python bench/run.py --large         # also N = 20,000 and 100,000 (about 20 minutes)
    python bench/run.py --sizes 2000 --repeat 3
    python bench/run.py --corpora realistic   # only the corpus with warnings (default: clean,realistic)
    python bench/run.py --sizes 50000 --corpora clean,one-folder   # all in one folder, beside the spread-out

`validate` is timed cold (--no-cache) and warm: with the judgement cache of an earlier run, nothing
changed, one file changed, one agency's innovations changed (issue 29); the warm run must print
the cold run's bytes. On the realistic corpus `report` (with its trend of 24 month ends) and `history`
(12 month ends) also run once each, at every size, for their peak memory (issue 29). Standard library
only. Every figure is the median of --repeat runs of a fresh process (the machine is shared and noisy);
memory is the peak resident size of the largest process of a run (os.wait4). Corpora are written once by bench/corpus.py and kept in
--work (default: <tmp>/ooi-bench) for the next run.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import corpus

PY = sys.executable
OOI = (PY, "-m", "ooi")
FLOOR = """
import os, sys, yaml
count = 0
for folder, dirs, files in os.walk(os.path.join(sys.argv[1], "data")):
    dirs.sort()
    for name in sorted(files):
        if name.endswith(".yaml"):
            with open(os.path.join(folder, name), "rb") as stream:
                yaml.load(stream.read(), Loader=yaml.CSafeLoader)
            count += 1
"""
# Each rule's own cost per record: the corpus's first --rule-sample records loaded and validated
# once, then every rule run over them once, in one process: CPU time of a cold pass, as a run pays it
# (a second pass would hit the rules' text caches and look cheaper than any run is).
RULES = """
import sys, time
from dataclasses import replace
from datetime import date
from pathlib import Path
from ooi import rules
from ooi.engine.registry import Registry
from ooi.input.config import load_settings
from ooi.input.discovery import discover
from ooi.input.loading import load
from ooi.model.sectors import sectors
from ooi.rules.context import Context
from ooi.schema.validation import validate_agency, validate_innovation
root, sample = Path(sys.argv[1]), int(sys.argv[2])
base = Context(root=root, settings=load_settings(root), today=date(2024, 1, 1), sectors=sectors(), agencies=Registry(root))
records = []
for entry in discover(root).entries:
    if entry.kind == "inovasi" and len(records) < sample:
        document = load(entry.path, root)
        record = validate_innovation(document.data)[0]
        if record is not None:
            records.append((entry.rel, record, replace(base, path=entry.rel, text=document.text)))
def best(run):
    start = time.process_time()
    run()
    return (time.process_time() - start) / len(records) * 1e6
for rule in rules.ALL:
    if any(isinstance(record, rule.RECORDS) for _, record, _ in records[:1]):
        cost = best(lambda: [list(rule.check(record, context)) for _, record, context in records])
        print(f"{'/'.join(rules.codes_of(rule))}\t{cost:.1f}")
    if hasattr(rule, "check_all"):
        pairs = [(path, record) for path, record, _ in records]
        print(f"{'/'.join(rules.codes_of(rule))} across\t{best(lambda: list(rule.check_all(pairs, base))):.1f}")
"""
LARGE = 20000  # records past which only the rows issue 18 asks of a national run are timed
GIT = ("git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false")


def once(command, cwd=None, env=None) -> tuple[float, int, int, float]:
    """One run of a fresh process: (seconds, peak KiB of its largest process, exit code, CPU seconds).

    CPU is user + system time of the process and the processes it waited for (workers, git):
    on a shared machine it moves less than the seconds on the clock do.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, command))} failed ({code}):\n{error[-2000:]}")
    return seconds, usage.ru_maxrss, code, usage.ru_utime + usage.ru_stime


def summary(runs: list[tuple[float, int, int, float]]) -> tuple[float, int, int, float, float]:
    """(median seconds, peak KiB, exit code, median CPU seconds, fastest seconds) of several runs."""
    seconds = [run[0] for run in runs]
    return (statistics.median(seconds), max(run[1] for run in runs), runs[-1][2],
            statistics.median(run[3] for run in runs), min(seconds))


def timed(command, repeat: int, cwd=None, env=None) -> tuple[float, int, int, float, float]:
    """`summary` of `repeat` runs of one command in a row."""
    return summary([once(command, cwd, env) for _ in range(repeat)])


def supports(*args: str) -> str:
    done = subprocess.run([*OOI, *args, "--help"], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


def prepare(work: Path, records: int, realistic: bool = False, one_folder: bool = False) -> Path:
    """The corpus of `records`, with its schemas and a git commit (for --changed-since); reused when current."""
    shape = f"{records}{realistic}" + ("one-folder" if one_folder else "")
    stamp = hashlib.sha256((Path(corpus.__file__).read_bytes() + shape.encode())).hexdigest()[:16]
    root = work / f"{'f' if one_folder else 'r' if realistic else 'n'}{records}"
    kept = _stamp_of(root)
    if (root / ".bench-stamp").exists():  # where an earlier bench kept it
        (root / ".bench-stamp").replace(kept)
    if kept.exists() and kept.read_text() == stamp:
        return root
    print(f"  writing {records:,} records to {root} …", file=sys.stderr, flush=True)
    corpus.write(root, records, realistic=realistic, one_folder=one_folder)
    if supports("schema"):
        subprocess.run([*OOI, "schema", "--root", str(root), "--force"], check=True, capture_output=True)
    if shutil.which("git"):  # dated git_sejak (corpus.SETTINGS), so the records are imports
        env = {**os.environ, "GIT_AUTHOR_DATE": "2023-12-31T10:00:00+07:00", "GIT_COMMITTER_DATE": "2023-12-31T10:00:00+07:00"}
        for args in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "corpus")):
            subprocess.run([*GIT, *args], cwd=root, check=True, capture_output=True, env=env)
    kept.write_text(stamp)
    return root


def _stamp_of(root: Path) -> Path:
    """What a corpus was written from, kept beside it: inside, it would be a file git calls untracked."""
    return root.with_name(root.name + ".stamp")


def history_case(work: Path, records: int, commits: int, repeat: int) -> dict:
    """`ooi history` (12 monthly points of 2023) against one `ooi status` on a repository with a year of commits."""
    import history_repo

    stamp = hashlib.sha256(Path(corpus.__file__).read_bytes() + Path(history_repo.__file__).read_bytes()
                           + f"{records},{commits}".encode()).hexdigest()[:16]
    root = work / f"history-n{records}-c{commits}"
    if not _stamp_of(root).exists() or _stamp_of(root).read_text() != stamp:
        print(f"  writing {records:,} records in {commits} commits to {root} …", file=sys.stderr, flush=True)
        shutil.rmtree(root, ignore_errors=True)
        history_repo.write(root, records, commits)
        _stamp_of(root).write_text(stamp)
    base = ("--root", str(root), "--format", "json")
    return {"status": timed([*OOI, "status", *base], repeat),
            "history (12 months)": timed([*OOI, "history", *base, "--tahun", "2023", "--sampai", "2023-12-31"],
                                         repeat)}


R015 = """
import sys, time
from pathlib import Path
from ooi.input.config import load_settings
from ooi.input.discovery import discover
from ooi.input.loading import load
from ooi.rules import similarity
from ooi.rules.context import Context
from ooi.schema.validation import validate_innovation
root = Path(sys.argv[1])
context = Context(root=root, settings=load_settings(root), today=None)
signatures, signing = [], 0.0
for entry in discover(root).entries:  # as the engine does: a signature per record, and the record let go
    if entry.kind == "inovasi":
        record = validate_innovation(load(entry.path).data)[0]
        start = time.process_time()
        signatures.append((entry.rel, similarity.signature(record)))
        signing += time.process_time() - start
records = signatures
middle = time.process_time()
found = list(similarity.check_all(signatures, context))
end = time.process_time()
tick = time.process_time()
for _ in range(2000):
    sum(range(1000))
calibration = (time.process_time() - tick) / 2000 * 1e6  # ~8 µs on an idle core: how loaded the machine is
print(len(records), signing / len(records) * 1e6, (end - middle) / len(records) * 1e6, len(found),
      calibration)
"""


def near_duplicates(root: Path, repeat: int) -> tuple[float, float, int, float]:
    """R015's own cost in CPU µs per record (best of `repeat`): signatures, then the index and the pairs found."""
    best = None
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", R015, str(root)], capture_output=True, text=True, check=True).stdout.split()
        figures = (float(out[1]), float(out[2]), int(out[3]), float(out[4]))
        best = figures if best is None or sum(figures[:2]) < sum(best[:2]) else best
    return best


def one_changed(root: Path) -> Path:
    """A record in the middle of the corpus: the file a pull request changes."""
    folders = sorted((root / "data/inovasi").iterdir())
    return sorted(folders[len(folders) // 2].iterdir())[0]


def some_agencies(root: Path, count: int = 20) -> list[Path]:
    """`count` agency files spread over the registry (kecamatan among them): the agencies a pull request changes."""
    files = sorted((root / "data/opd").iterdir())
    return files[:: max(1, len(files) // count)][:count]


def changed_since(root: Path, files: list[Path], prime: list[str] | None = None) -> tuple[float, int, int, float]:
    """One `validate --changed-since HEAD` with `files` changed in the work tree (the judgement cache made whole
    again after with `prime`, untimed, for the warm rows)."""
    return edited(files, [*OOI, "validate", "--root", str(root), "--changed-since", "HEAD"], prime)


def edited(files: list[Path], command: list[str], then: list[str] | None = None) -> tuple[float, int, int, float]:
    """One run of `command` with a comment added to each of `files`; their bytes put back after, then `then` run
    (untimed)."""
    originals = {path: path.read_bytes() for path in files}
    try:
        for path, original in originals.items():
            path.write_bytes(original + b"# diubah untuk bench/run.py\n")
        return once(command)
    finally:
        for path, original in originals.items():
            path.write_bytes(original)
        if then:
            once(then)


def one_agency(root: Path) -> list[Path]:
    """Every innovation of one agency in the middle of the corpus: what an agency's pull request changes."""
    folders = sorted((root / "data/inovasi").iterdir())
    return sorted(folders[len(folders) // 3].iterdir())


def warm_after(command: list[str], files: list[Path]) -> tuple[float, int, int, float]:
    """One warm run with `files` changed since the cache was written; the cache made whole again after (untimed),
    so the next warm row starts from the same cache."""
    return edited(files, command, command)


def written(root: Path, command: list[str]) -> tuple[float, int, int, float]:
    """A cold run that writes the judgement cache (what the first run pays for the next ones)."""
    shutil.rmtree(root / ".ooi-cache", ignore_errors=True)
    return once(command)


def same_bytes(cold: list[str], warm: list[str]) -> None:
    """The warm run prints the cold run's bytes (SPEC §17): the bench stops otherwise."""
    outputs = [subprocess.run(command, capture_output=True).stdout for command in (cold, warm, warm)]
    if len(set(outputs)) != 1:
        raise SystemExit(f"a warm run printed other bytes than {' '.join(cold)}")


def measure(root: Path, records: int, repeat: int, jobs: int | None, realistic: bool = False,
            few: bool = False) -> dict:
    """Every row for one corpus, each command run once per round for `repeat` rounds (alternating, so a
    busy minute of the shared machine falls on all of them); `few`: the floor, validate and status only.

    Past 20,000 records (where issue 18's targets are memory and --changed-since) the one-process
    run, the report and the exports are not timed: each would add minutes for figures 20,000 gives.
    """
    large = records > LARGE
    base = ("--root", str(root))
    out = Path(tempfile.mkdtemp(prefix="ooi-bench-out-"))
    warm = [*OOI, "validate", *base, "--format", "json"]
    cold = ["--no-cache"] if "--no-cache" in supports("validate") else []  # issue 29: the judgement cache
    commands = {"floor": [PY, "-c", FLOOR, str(root)], "validate": [*warm, *cold]}
    if not large:
        commands["validate -j1"] = [*warm, *cold, "--jobs", "1"]
    if jobs:
        commands[f"validate -j{jobs}"] = [*warm, *cold, "--jobs", str(jobs)]
    if supports("status"):
        commands["status"] = [*OOI, "status", *base, "--format", "json"]
    if supports("report") and not (few or large):  # issue 14: at most 1.5× status on the same root
        commands["report"] = [*OOI, "report", *base, "--output", str(out / "laporan.html")]
    if supports("export") and not (few or large):
        for fmt in ("xlsx", "csv"):
            commands[f"export {fmt}"] = [*OOI, "export", *base, "-f", fmt, "--output", str(out / f"e.{fmt}")]
    runs = {name: (lambda command=command: once(command)) for name, command in commands.items()}
    if cold:  # the cache written once before the rounds (and checked to give the same bytes)
        same_bytes([*warm, *cold], warm)
        runs["validate, cache written"] = lambda: written(root, warm)
        runs["validate warm"] = lambda: once(warm)
        runs["validate warm, 1 file changed"] = lambda: warm_after(warm, [one_changed(root)])
        runs["validate warm, 1 agency changed"] = lambda: warm_after(warm, one_agency(root))
    if not few and "--changed-since" in supports("validate") and (root / ".git").exists():
        prime = warm if cold else None
        runs["changed-since (1 file)"] = lambda: changed_since(root, [one_changed(root)], prime)
        if records >= 10000:  # issue 18: 20 agencies in 1,000 or more, each bringing its folder and kelurahan
            runs["changed-since (20 agencies)"] = lambda: changed_since(root, some_agencies(root), prime)
    samples: dict[str, list] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            samples[name].append(run())
    rows = {name: summary(found) for name, found in samples.items()}
    if rows["validate"][2] != int(realistic):  # the realistic corpus holds a few errors (exit 1)
        raise SystemExit(f"the corpus of {records} records is not as written: run ooi validate --root {root}")
    if realistic and not few:  # issue 29: the memory of report (its trend) and history, run once each
        if supports("report") and "report" not in rows:
            rows["report"] = summary([once(commands.get("report") or [*OOI, "report", *base, "--output",
                                                                       str(out / "laporan.html")])])
        if supports("history"):  # 12 month ends of 2023 (the corpus's target year), before and at its commit
            history = [*OOI, "history", *base, "--format", "json"]
            rows["history (once)"] = summary([once(history)])
            # one uncommitted edit: each point is laid out from git's objects, as a repository's past points are
            rows["history, 1 edit (once)"] = summary([edited([one_changed(root)], history)])
    if "report" in rows:
        rows["report"] += ((out / "laporan.html").stat().st_size,)
    shutil.rmtree(out, ignore_errors=True)
    checker = shutil.which("check-jsonschema")
    if checker and not few and (root / "schema").is_dir() and records <= 10000:  # ~8 ms a file: minutes beyond
        rows["check-jsonschema"] = competitor(checker, root, max(1, repeat // 2))
    return rows


def competitor(checker: str, root: Path, repeat: int) -> tuple[float, int, int, float, float]:
    """check-jsonschema on the same records and agencies, one run per schema (its total)."""
    parts = [timed([checker, "--schemafile", f"schema/{schema}.schema.json",
                    *sorted(str(p.relative_to(root)) for p in (root / folder).rglob("*.yaml"))], repeat, cwd=root)
             for schema, folder in (("inovasi", "data/inovasi"), ("opd", "data/opd"))]
    return (sum(p[0] for p in parts), max(p[1] for p in parts), max(p[2] for p in parts), sum(p[3] for p in parts),
            sum(p[4] for p in parts))


def rule_costs(root: Path, sample: int) -> list[tuple[str, float]]:
    """(rule codes, µs per record) for each rule, on the first `sample` records of the corpus."""
    done = subprocess.run([PY, "-c", RULES, str(root), str(sample)], capture_output=True, text=True)
    if done.returncode != 0:
        print(f"  (rule costs not measured: {done.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return []
    return [(name, float(cost)) for name, cost in (line.split("\t") for line in done.stdout.splitlines())]


def startup(repeat: int) -> dict:
    commands = {"python -c pass": [PY, "-c", "pass"], "python -c 'import yaml'": [PY, "-c", "import yaml"],
                "python -c 'import typer'": [PY, "-c", "import typer"], "ooi --help": [*OOI, "--help"]}
    return {name: timed(command, repeat)[0] for name, command in commands.items()}


def report(results: dict, starts: dict, costs: dict) -> None:
    print("\n## ooi speed (median and fastest of alternating runs; µs/record and × floor from the median)\n")
    print(f"{'N':>8}  {'what':<28} {'seconds':>9} {'fastest':>8} {'cpu s':>7} {'µs/record':>10} {'× floor':>8} "
          f"{'× (fastest)':>11} {'peak MiB':>9}")
    for (records, kind), rows in results.items():
        print(f"  {kind} corpus")
        floor, fastest_floor = rows["floor"][0], rows["floor"][4]
        for name, (seconds, peak, code, cpu, fastest, *size) in rows.items():
            flag = ("" if code == 0 else f"  (exit {code})") + (f"  ({size[0] / 1024:,.0f} KiB)" if size else "")
            print(f"{records:>8,}  {name:<28} {seconds:>9.2f} {fastest:>8.2f} {cpu:>7.2f} "
                  f"{seconds / records * 1e6:>10.0f} {seconds / floor:>8.2f} {fastest / fastest_floor:>11.2f} "
                  f"{peak / 1024:>9.0f}{flag}")
        print()
    for kind, rows in costs.items():
        print(f"## each rule's cost, {kind} corpus (µs per record, CPU time of one pass)\n")
        for name, cost in rows:
            print(f"  {name:<40} {cost:>8.1f}")
        per_record = sum(cost for name, cost in rows if not name.endswith("across"))
        print(f"  {'all per-record rules':<40} {per_record:>8.1f}  (target ≤ 30)")
        print(f"  {'all cross-file checks':<40} {sum(c for n, c in rows if n.endswith('across')):>8.1f}  (target ≤ 50)\n")
    print("## start-up (median of runs)\n")
    for name, seconds in starts.items():
        print(f"  {name:<26} {seconds * 1000:>6.0f} ms")
    print("\n## targets (issues 6, 14 and 18)\n")
    help_ms = starts["ooi --help"] * 1000
    over_yaml = help_ms - starts["python -c 'import yaml'"] * 1000
    over_typer = help_ms - starts["python -c 'import typer'"] * 1000
    lines = [f"ooi --help − python -c 'import yaml': {over_yaml:+.0f} ms (target ≤ +150)",
             f"ooi --help − python -c 'import typer': {over_typer:+.0f} ms (issue 18: within 15)"]
    for (records, kind), rows in results.items():
        ratio = rows["validate"][0] / rows["floor"][0]
        one = (f", --jobs 1 / floor = {rows['validate -j1'][0] / rows['floor'][0]:.2f}"
               if "validate -j1" in rows else "")
        lines.append(f"N={records:,} {kind}: validate / floor = {ratio:.2f}{one} "
                     f"(issue 18 targets at 20,000: clean ≤ 0.5 and ≤ 0.9, realistic ≤ 0.6 and ≤ 1.0; issue 29, "
                     f"realistic, the cache off: ≤ 0.75 and ≤ 1.1)")
        lines.append(f"N={records:,} {kind}: peak MiB validate {rows['validate'][1] / 1024:.0f}, status "
                     f"{rows['status'][1] / 1024:.0f} (issue 18 target ≤ 300 at 100,000)")
        if "check-jsonschema" in rows:
            lines.append(f"N={records:,}: check-jsonschema / validate = "
                         f"{rows['check-jsonschema'][0] / rows['validate'][0]:.1f}× (target ≥ 15 at 10,000)")
        if "history (once)" in rows:
            lines.append(f"N={records:,} {kind}: peak MiB report {rows['report'][1] / 1024:.0f}, history "
                         f"{rows['history (once)'][1] / 1024:.0f}, history from git's objects "
                         f"{rows['history, 1 edit (once)'][1] / 1024:.0f} (issue 29 target ≤ 300 at 100,000; "
                         "largest process)")
        for name in ("report", "export xlsx", "export csv"):
            if name in rows and "status" in rows:
                lines.append(f"N={records:,}: {name} / status = {rows[name][0] / rows['status'][0]:.2f} (target ≤ 1.5)")
        if "validate warm" in rows:
            cold = rows["validate"][0]
            lines.append(f"N={records:,} {kind}: warm validate / cold = {rows['validate warm'][0] / cold:.2f} "
                         f"(issue 29 target ≤ 0.2, same bytes), one file changed / cold = "
                         f"{rows['validate warm, 1 file changed'][0] / cold:.2f} (target ≤ 0.3), one agency changed "
                         f"/ cold = {rows['validate warm, 1 agency changed'][0] / cold:.2f}, writing the cache / cold "
                         f"= {rows['validate, cache written'][0] / cold:.2f}")
        if "changed-since (1 file)" in rows:
            lines.append(f"N={records:,}: --changed-since, one file: {rows['changed-since (1 file)'][0]:.2f} s "
                         "(issue 18 target ≤ 0.5 s at 100,000)")
        if kind == "one-folder" and (records, "clean") in results:
            spread = results[records, "clean"]
            for name in ("validate", "validate -j1", "status"):
                if name in rows and name in spread:
                    lines.append(f"N={records:,}: {name}, one folder / spread out = "
                                 f"{rows[name][0] / spread[name][0]:.2f} per record (CPU {rows[name][3] / spread[name][3]:.2f}; "
                                 f"issue 18 target ≤ 1.3), peak {rows[name][1] / 1024:.0f} MiB")
        if "changed-since (20 agencies)" in rows:
            lines.append(f"N={records:,}: --changed-since, 20 agencies: {rows['changed-since (20 agencies)'][0]:.2f} s "
                         "(issue 18 target ≤ 0.5 s in 1,000 agency files)")
    print("\n".join(f"  {line}" for line in lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="record counts, comma-separated")
    parser.add_argument("--large", action="store_true", help="add N = 20,000 and 100,000")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (the median is shown)")
    parser.add_argument("--jobs", type=int, default=0, help="also time validate with this many processes")
    parser.add_argument("--corpora", default="clean,realistic", help="which corpora, comma-separated")
    parser.add_argument("--rule-sample", type=int, default=2000, help="records for each rule's cost (0: skip)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ooi-bench")
    parser.add_argument("--history", metavar="RECORDS,COMMITS", default="3000,300",
                        help="the history case: a repository of RECORDS records and COMMITS dated commits ('' skips)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",") if size] + ([20000, 100000] if args.large else [])
    args.work.mkdir(parents=True, exist_ok=True)
    # As an installed package has them: an editable install under PYTHONDONTWRITEBYTECODE
    # would otherwise compile every module of ooi again at every start (~150 ms).
    package = subprocess.run([PY, "-c", "import ooi, os; print(os.path.dirname(ooi.__file__))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([PY, "-m", "compileall", "-q", package], check=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {load:.2f}", file=sys.stderr)
    results, costs, duplicates, last = {}, {}, {}, None
    kinds = [kind for kind in args.corpora.split(",") if kind]
    if set(kinds) - {"clean", "realistic", "one-folder"}:
        raise SystemExit("--corpora takes clean, realistic and/or one-folder")
    for records in sizes:
        for kind in kinds:
            root = prepare(args.work, records, kind == "realistic", kind == "one-folder")
            print(f"  measuring N = {records:,}, {kind} corpus …", file=sys.stderr, flush=True)
            results[records, kind] = measure(root, records, args.repeat, args.jobs, kind == "realistic",
                                             few=kind == "one-folder")
            if kind == "one-folder":
                continue  # the same records as the clean corpus: no rule costs or R015 of their own
            last = root
            if args.rule_sample and kind not in costs:
                costs[kind] = rule_costs(root, args.rule_sample)
        if last is not None and records <= LARGE:  # the last corpus: the realistic one by default
            duplicates[records] = near_duplicates(last, args.repeat)
    report(results, startup(max(5, args.repeat)), costs)
    if duplicates:
        print("\n## R015 near-duplicates (issue 13): CPU µs per record, best of runs\n")
        for records, (signing, pairing, found, calibration) in duplicates.items():
            print(f"  N={records:,}: signatures {signing:.1f} + index and pairs {pairing:.1f} = "
                  f"{signing + pairing:.1f} µs/record (target ≤ 50 at 20,000); {found} finding(s); "
                  f"sum(range(1000)) took {calibration:.1f} µs (≈ 8 on an idle core)")
    if args.history and shutil.which("git"):
        records, commits = (int(part) for part in args.history.split(","))
        print(f"  measuring the history case ({records:,} records, {commits} commits) …", file=sys.stderr, flush=True)
        rows = history_case(args.work, records, commits, args.repeat)
        print(f"\n## history (issue 13): {records:,} records, {commits} commits through 2023\n")
        for name, (seconds, peak, *_) in rows.items():
            print(f"  {name:<22} {seconds:>7.2f} s  {peak / 1024:>6.0f} MiB")
        ratio = rows["history (12 months)"][0] / rows["status"][0]
        print(f"  history / status = {ratio:.2f} (target ≤ 3)")


if __name__ == "__main__":
    main()
