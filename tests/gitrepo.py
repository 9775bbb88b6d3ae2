"""Scripted git repositories with fixed dates, so each case of SPEC §10 reads like the workflow it describes.

Every commit fixes GIT_AUTHOR_DATE and GIT_COMMITTER_DATE: a day (`2023-03-10`) is noon in
Jakarta, anything longer is taken as written (`2023-03-10T23:59:59+07:00`).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from datetime import date
from pathlib import Path

from conftest import SETTINGS, dump, make_root, sample
from typer.testing import CliRunner

from ooi.cli import app
from ooi.engine import clock

PLAN = "data/inovasi/dispendukcapil/penak-pkk.yaml"
TODAY = date(2023, 12, 1)  # the day every command runs on unless a test says otherwise


def stamp(when: str) -> str:
    return f"{when}T12:00:00+07:00" if len(when) == 10 else when


class Repo:
    """A data root in its own git repository (branch `main`), driven as an agency and a secretariat would."""

    def __init__(self, root: Path):
        self.root = root

    @classmethod
    def made(cls, base: Path, settings: str = SETTINGS, when: str | None = "2023-01-02", **files) -> Repo:
        """Settings and the registry (and `files`), committed on `when` (None: not committed)."""
        repo = cls(make_root(base, files or None, settings=settings))
        repo.git("init", "-q", "-b", "main")
        if when is not None:
            repo.commit(when, "awal")
        return repo

    def git(self, *args: str, when: str | None = None, author: str | None = None, check: bool = True) -> str:
        env = dict(os.environ)
        if when is not None:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = stamp(when)
        if author is not None:
            env["GIT_AUTHOR_DATE"] = stamp(author)
        done = subprocess.run(["git", "-C", str(self.root), *args], check=check, capture_output=True, env=env)
        return done.stdout.decode("utf-8", "surrogateescape")

    def write(self, rel: str, content: dict | str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            content = dump(content)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    def commit(self, when: str, message: str = "ubah", author: str | None = None) -> str:
        """Everything in the work tree, committed on `when` (authored on `author`, default the same)."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when, author=author)
        return self.head()

    def head(self, ref: str = "HEAD") -> str:
        return self.git("rev-parse", ref).strip()

    def branch(self, name: str, start: str = "main") -> None:
        self.git("checkout", "-q", "-b", name, start)

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(self, branch: str, when: str) -> str:
        """GitHub's "Create a merge commit": a merge on main dated at the merge, the branch's commits as they were."""
        self.checkout("main")
        self.git("merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, when=when)
        return self.head()

    def squash(self, branch: str, when: str) -> str:
        """GitHub's "Squash and merge": one commit on main, authored and committed at the merge."""
        self.checkout("main")
        self.git("merge", "-q", "--squash", branch)
        self.git("commit", "-q", "-m", f"Squash {branch}", when=when)
        return self.head()

    def rebase_merge(self, branch: str, when: str) -> str:
        """GitHub's "Rebase and merge": each commit replayed on main, keeping its author date, committed at the merge."""
        self.checkout("main")
        for commit in self.git("rev-list", "--reverse", f"main..{branch}").split():
            author = self.git("log", "-1", "--format=%aI", commit).strip()
            self.git("cherry-pick", "--allow-empty", "-x", commit, when=when, author=author)
        return self.head()

    def fast_forward(self, branch: str) -> str:
        self.checkout("main")
        self.git("merge", "-q", "--ff-only", branch)
        return self.head()

    # A tree git can store but would never check out: built object by object.
    def blob(self, data: bytes) -> str:
        done = subprocess.run(["git", "-C", str(self.root), "hash-object", "-w", "--stdin"], input=data,
                              capture_output=True, check=True)
        return done.stdout.decode().strip()

    def tree(self, entries: list[tuple[str, bytes, str]]) -> str:
        """A tree of (mode, name, object id) entries exactly as given: duplicates, links beside folders and all."""
        raw = b"".join(mode.lstrip("0").encode() + b" " + name + b"\0" + bytes.fromhex(oid)
                       for mode, name, oid in sorted(entries, key=_in_git_order))
        done = subprocess.run(["git", "-C", str(self.root), "hash-object", "-w", "-t", "tree", "--literally",
                               "--stdin"], input=raw, capture_output=True, check=True)
        return done.stdout.decode().strip()

    def commit_tree(self, tree: str, when: str, message: str = "pohon") -> str:
        """A commit of `tree` on top of main, made main's tip (the work tree is left as it was)."""
        commit = self.git("commit-tree", tree, "-p", "HEAD", "-m", message, when=when).strip()
        self.git("update-ref", "refs/heads/main", commit)
        return commit

    def grafted(self, folder: str, extra: list[tuple[str, bytes, str]], ref: str = "HEAD") -> str:
        """`ref`'s tree with `extra` entries added to `folder` (made when missing), exactly as given."""
        parts = folder.split("/") if folder else []

        def build(depth: int) -> str:
            entries = self.tree_of(f"{ref}:{'/'.join(parts[:depth])}")
            if depth == len(parts):
                return self.tree(entries + extra)
            name = parts[depth].encode()
            entries = [entry for entry in entries if entry[1] != name] + [("40000", name, build(depth + 1))]
            return self.tree(entries)

        return build(0)

    def tree_of(self, ref: str = "HEAD") -> list[tuple[str, bytes, str]]:
        """The tree `ref` names (`HEAD:data/opd`) as (mode, name, id) entries; none when it has no such folder."""
        out = subprocess.run(["git", "-C", str(self.root), "ls-tree", "-z", ref], capture_output=True).stdout
        found = []
        for line in out.split(b"\0"):
            if line:
                meta, name = line.split(b"\t", 1)
                mode, _, oid = meta.decode().split(" ")
                found.append((mode, name, oid))
        return found

    # What ooi says, with today fixed.
    def ooi(self, *args: str, today: date = TODAY):
        with clock.frozen(today):
            return CliRunner().invoke(app, [*args, "--root", str(self.root)], env={"OOI_LANG": None, "OOI_ROOT": None})

    def status(self, *args: str, today: date = TODAY) -> dict:
        outcome = self.ooi("status", "--format", "json", *args, today=today)
        assert outcome.exit_code == 0, outcome.output
        return json.loads(outcome.stdout)

    def validate(self, *args: str, today: date = TODAY) -> dict:
        outcome = self.ooi("validate", "--format", "json", *args, today=today)
        assert outcome.exit_code in (0, 1), outcome.output
        return json.loads(outcome.stdout)

    def history(self, *args: str, today: date = TODAY) -> dict:
        outcome = self.ooi("history", "--format", "json", *args, today=today)
        assert outcome.exit_code == 0, outcome.output
        return json.loads(outcome.stdout)


def _in_git_order(entry: tuple[str, bytes, str]) -> bytes:
    mode, name, _ = entry
    return name + b"/" if mode.lstrip("0") == "40000" else name


def plan(**changes) -> dict:
    """A valid plan of dispendukcapil, reported on 2023-03-10 unless `changes` say otherwise."""
    record = sample("inisiatif")
    record.update({"tanggal_lapor": "2023-03-10", **changes})
    return record


def other_plan(name: str, **changes) -> dict:
    """A plan whose texts differ from `plan()`'s, so two of them are not near-duplicates (R015)."""
    record = plan(**changes)
    record["nama"] = f"Inovasi {name}"
    for key in ("latar_belakang", "rancang_bangun", "tujuan", "manfaat"):
        if isinstance(record.get(key), str):
            record[key] = f"{record[key]} ({name}, {hashlib.sha1(name.encode()).hexdigest()[:8]})"
    return record


def statuses(report: dict) -> dict[str, str]:
    return {agency["kode"]: agency["status"] for agency in report["agencies"]}
