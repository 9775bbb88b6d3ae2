"""The CI workflow and the pre-commit hook are valid, and the commands they run work on the shipped data."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ooi.cli import app

TOP = Path(__file__).resolve().parents[1]
WORKFLOW = TOP / ".github/workflows/ooi.yml"
HOOKS = TOP / ".pre-commit-hooks.yaml"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(event: str) -> list[dict]:
    """The steps that run on `event`, judged from their `if:` the way Actions would for these simple tests."""
    chosen = []
    for step in workflow()["jobs"]["validate"]["steps"]:
        condition = step.get("if", "")
        if not condition or f"github.event_name == '{event}'" in condition:
            chosen.append(step)
    return chosen


def test_workflow_shape():
    data = workflow()
    assert set(data["on"]) == {"pull_request", "push"} and data["on"]["push"]["branches"] == ["main"]
    uses = {step.get("uses", "").split("@")[0]: step for step in data["jobs"]["validate"]["steps"]}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert uses["actions/setup-python"]["with"]["python-version"] == "3.11"
    runs = [step["run"] for step in steps("pull_request") if "run" in step]
    assert runs == ["pip install .", 'ooi validate --changed-since "origin/$BASE_REF" --format github',
                    'ooi status --format markdown >> "$GITHUB_STEP_SUMMARY"']
    assert [s["run"] for s in steps("push") if "run" in s] == ["pip install .", "ooi validate --format github"]
    changed = next(s for s in steps("pull_request") if "--changed-since" in s.get("run", ""))
    assert changed["env"]["BASE_REF"] == "${{ github.base_ref }}"


@pytest.fixture
def checkout(tmp_path, git_identity):
    """A clone-like copy of the shipped data: `main` (also as origin/main) and a pull-request branch."""
    root = tmp_path / "repo"
    shutil.copytree(TOP / "data", root / "data")
    shutil.copytree(TOP / ".github", root / ".github")
    shutil.copy(TOP / "ooi.yaml", root / "ooi.yaml")
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "data"),
                 ("update-ref", "refs/remotes/origin/main", "HEAD"), ("checkout", "-q", "-b", "usulan")):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    bin_dir = tmp_path / "bin"  # `ooi` as the workflow calls it, whatever the test runner's PATH holds
    bin_dir.mkdir()
    (bin_dir / "ooi").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m ooi "$@"\n', encoding="utf-8")
    (bin_dir / "ooi").chmod(0o755)
    return root, bin_dir


def run_steps(event: str, root: Path, bin_dir: Path, only: str = "") -> list[subprocess.CompletedProcess]:
    summary = root.parent / "summary.md"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "BASE_REF": "main",
           "GITHUB_STEP_SUMMARY": str(summary), "OOI_LANG": "id"}
    env.pop("OOI_ROOT", None)
    done = []
    for step in steps(event):
        if "run" in step and not step["run"].startswith("pip install") and only in step["run"]:
            done.append(subprocess.run(["bash", "-c", step["run"]], cwd=root, env=env, capture_output=True,
                                       text=True, timeout=120))
    return done


def commit_all(root: Path, message: str) -> None:
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", message], check=True, capture_output=True)


def test_workflow_steps_on_a_copy_of_the_shipped_data(checkout):
    root, bin_dir = checkout
    # On main: everything is validated, and the shipped data is clean.
    [everything] = run_steps("push", root, bin_dir)
    assert everything.returncode == 0 and everything.stdout == "", everything.stdout + everything.stderr
    # A pull request that touches one good file: clean, and the coverage table goes to the job summary.
    changed = next((root / "data/inovasi").glob("*/*.yaml"))
    changed.write_text(changed.read_text(encoding="utf-8") + "# diperbarui\n", encoding="utf-8")
    commit_all(root, "ubah")
    validate, status = run_steps("pull_request", root, bin_dir)
    assert validate.returncode == 0 and validate.stdout == "", validate.stdout + validate.stderr
    assert status.returncode == 0, status.stderr
    assert "|" in (root.parent / "summary.md").read_text(encoding="utf-8")  # a markdown table
    # A pull request that adds a broken file fails, with annotations on that file only.
    broken = root / "data/inovasi/dinkes/baru.yaml"
    broken.write_text("# yaml-language-server: $schema=../../../schema/inovasi.schema.json\nnama: Baru\n",
                      encoding="utf-8")
    commit_all(root, "baru")
    [validate] = run_steps("pull_request", root, bin_dir, only="--changed-since")
    assert validate.returncode == 1
    lines = validate.stdout.splitlines()
    assert lines and all(line.startswith("::error file=data/inovasi/dinkes/baru.yaml,line=") for line in lines)


def test_pre_commit_hook(monkeypatch):
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert hook["id"] == "ooi-validate" and hook["language"] == "python" and hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert pattern.search("data/inovasi/dinkes/sigap-bumil.yaml") and pattern.search("data/opd/dinkes.yaml")
    assert not pattern.search("README.md") and not pattern.search("src/ooi/data/urusan.yaml")
    files = sorted(p.relative_to(TOP).as_posix() for p in (TOP / "data").rglob("*") if p.is_file())
    staged = [path for path in files if pattern.search(path)]
    assert len(staged) > 35
    monkeypatch.chdir(TOP)  # pre-commit runs the entry at the top of the repository with relative names
    command, *arguments = hook["entry"].split()
    assert command == "ooi"
    outcome = CliRunner().invoke(app, [*arguments, *staged], env={"OOI_LANG": None, "OOI_ROOT": None})
    assert outcome.exit_code == 0, outcome.output
    assert f"{len(staged)} berkas diperiksa: 0 error, 0 peringatan" in outcome.stdout


def test_readme_tells_agencies_how_to_file():
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    assert readme.index("## Untuk operator OPD") < readme.index("## Aturan pemeriksaan") < readme.index("## English")
    assert readme.index("## English") < readme.index("### For agency staff")
    [hook] = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    config = yaml.safe_load(re.search(r"```yaml\n(repos:.*?)```", readme, re.S).group(1))
    [local] = config["repos"][0]["hooks"]
    assert (local["id"], local["entry"], local["files"]) == (hook["id"], hook["entry"], hook["files"])
