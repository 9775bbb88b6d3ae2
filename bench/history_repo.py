"""A generated repository with a year of history for `ooi history`: imports, then one record filed per commit.

    python bench/history_repo.py OUT --records 3000 --commits 300

Standard library only, deterministic (the corpus of bench/corpus.py, commit dates fixed):
the first commit (2022-12-31) holds every record but `--commits` of them, as imports
(`git_sejak: 2022-12-31`); then, day after day through 2023, each commit files one held-back
record with its `tanggal_lapor` set to that day. So a monthly point differs from the one
before by about `--commits` / 12 files, as in a city's real year.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import corpus

GIT = ("git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false")
START = date(2022, 12, 31)


def _commit(root: Path, day: date, message: str) -> None:
    stamp = f"{day.isoformat()}T10:00:00+07:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True, capture_output=True)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=root, check=True, capture_output=True, env=env)


def write(root: Path, records: int, commits: int) -> Path:
    corpus.write(root, records)
    settings = root / "ooi.yaml"
    text = re.sub(r"(?m)^git_sejak: .*$", f"git_sejak: {START}", settings.read_text(encoding="utf-8"))
    settings.write_text(text, encoding="utf-8")
    files = sorted((root / "data/inovasi").glob("*/*.yaml"))
    step = max(1, len(files) // max(commits, 1))
    held = {path: path.read_text(encoding="utf-8") for path in files[::step][:commits]}
    for path in held:
        path.unlink()
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=root, check=True, capture_output=True)
    _commit(root, START, "impor")
    days = max(1, 364 // max(len(held), 1))
    for index, (path, text) in enumerate(sorted(held.items())):
        day = START + timedelta(days=1 + index * days % 364)
        path.write_text(re.sub(r"(?m)^tanggal_lapor: .*$", f"tanggal_lapor: {day}", text), encoding="utf-8")
        _commit(root, day, f"lapor {path.stem}")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--commits", type=int, default=300)
    args = parser.parse_args()
    write(args.out, args.records, args.commits)


if __name__ == "__main__":
    main()
