"""The CI workflow and the pre-commit hook are valid, and the commands they run work on the shipped data."""

from __future__ import annotations

import json
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


BASE_SHA = "${{ github.event.pull_request.base.sha }}"


def test_workflow_shape():
    data = workflow()
    assert set(data["on"]) == {"pull_request", "push"} and data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    assert data["concurrency"]["cancel-in-progress"] is True
    job = data["jobs"]["validate"]
    assert "permissions" not in job  # the workflow's read-only token, nothing more
    checkouts = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
    assert [step["with"].get("persist-credentials") for step in checkouts] == [False, False]
    assert checkouts[0]["with"]["fetch-depth"] == 0 and "if" not in checkouts[0]
    assert (checkouts[1]["if"], checkouts[1]["with"]["ref"], checkouts[1]["with"]["path"]) == (
        "github.event_name == 'pull_request'", BASE_SHA, ".ooi-pemeriksa")
    setup = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "3.11"
    runs = [step["run"] for step in steps("pull_request") if "run" in step]
    assert runs[0] == "pip install ./.ooi-pemeriksa"  # the base branch's validator, not the pull request's
    assert runs[2:] == ['ooi validate --changed-since "origin/$BASE_REF" --format github',
                        'ooi status --compare "origin/$BASE_REF" --format markdown >> "$GITHUB_STEP_SUMMARY"']
    assert [s["run"] for s in steps("push") if "run" in s] == ["pip install .", "ooi validate --format github"]
    changed = next(s for s in steps("pull_request") if "--changed-since" in s.get("run", ""))
    assert changed["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert all("${{" not in step.get("run", "") for step in job["steps"])  # PR text only through env:


def cache_steps(event: str) -> list[tuple[str, dict]]:
    """(action, inputs) of each step that runs on `event` and uses actions/cache (pinned: the part before @)."""
    return [(step["uses"].split("@")[0], step["with"]) for step in steps(event)
            if step.get("uses", "").startswith("actions/cache")]


def test_the_cache_is_restored_in_every_job_and_saved_only_by_a_push_to_main():
    """A pull request can never write a cache main trusts: its job only restores (README "Cache penilaian")."""
    base = "hashFiles('.ooi-pemeriksa/pyproject.toml', '.ooi-pemeriksa/src/ooi/**')"  # the base's ooi judges
    assert cache_steps("pull_request") == [("actions/cache/restore", {
        "path": ".ooi-cache", "key": f"ooi-${{{{ {base} }}}}-${{{{ github.event.pull_request.base.sha }}}}",
        "restore-keys": f"ooi-${{{{ {base} }}}}-"})]
    own = "ooi-${{ hashFiles('pyproject.toml', 'src/ooi/**') }}-"
    assert cache_steps("push") == [("actions/cache/restore", {"path": ".ooi-cache", "key": own + "${{ github.sha }}",
                                                              "restore-keys": own}),
                                   ("actions/cache/save", {"path": ".ooi-cache", "key": own + "${{ github.sha }}"})]
    job = workflow()["jobs"]["validate"]["steps"]
    names = [step.get("run", step.get("uses", "")) for step in job]
    assert job[-1]["if"] == "always() && github.event_name == 'push'"  # after the findings, whatever they are
    # Restored after the checkouts (which would clean it away) and before ooi first runs.
    assert max(i for i, n in enumerate(names) if n.startswith("actions/checkout@")) < \
        min(i for i, n in enumerate(names) if n.startswith("actions/cache/restore@")) < \
        min(i for i, n in enumerate(names) if n.startswith("ooi "))


def test_every_action_is_pinned_to_a_commit_with_its_version():
    pins = re.findall(r"uses: (\S+)@(\S+)(.*)", WORKFLOW.read_text(encoding="utf-8"))
    assert {(action, sha, comment.strip()) for action, sha, comment in pins} == {
        ("actions/checkout", "11bd71901bbe5b1630ceea73d27597364c9af683", "# v4.2.2"),
        ("actions/setup-python", "a26af69be951a213d495a4c3e4e4022e16d87065", "# v5.6.0"),
        ("actions/cache/restore", "0057852bfaa89a56745cba8c7296529d2fc39830", "# v4.3.0"),
        ("actions/cache/save", "0057852bfaa89a56745cba8c7296529d2fc39830", "# v4.3.0"),
    }
    code = [line.split("#", 1)[0] for line in WORKFLOW.read_text(encoding="utf-8").splitlines()]
    assert not [line for line in code if "pull_request_target" in line or "write" in line]


def test_zizmor_finds_nothing_of_medium_severity_or_above():
    """The static auditor of GitHub Actions (offline: no network in tests)."""
    zizmor = shutil.which("zizmor", path=str(Path(sys.executable).parent)) or shutil.which("zizmor")
    assert zizmor, "zizmor is missing: install the test extra (pip install -e '.[test]')"
    done = subprocess.run([zizmor, "--offline", "--min-severity", "medium", "--format", "json",
                           str(WORKFLOW.parent)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and json.loads(done.stdout) == [], done.stdout + done.stderr


@pytest.fixture
def checkout(tmp_path, git_identity):
    """A clone-like copy of this repository (tool and data): `main` (also as origin/main) and a pull-request branch."""
    root = tmp_path / "repo"
    for folder in ("data", ".github", "src"):
        shutil.copytree(TOP / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("ooi.yaml", "pyproject.toml"):
        shutil.copy(TOP / name, root / name)
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "data"),
                 ("update-ref", "refs/remotes/origin/main", "HEAD"), ("checkout", "-q", "-b", "usulan")):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)
    return root, tmp_path / "bin"


def install(line: str, root: Path, bin_dir: Path) -> None:
    """`pip install DIR` as the workflow runs it: `ooi` on PATH runs the source of DIR (no network in tests)."""
    source = (root / line.removeprefix("pip install ")).resolve() / "src"
    bin_dir.mkdir(exist_ok=True)
    (bin_dir / "ooi").write_text(f'#!/bin/sh\nPYTHONPATH="{source}" exec "{sys.executable}" -m ooi "$@"\n',
                                 encoding="utf-8")
    (bin_dir / "ooi").chmod(0o755)


def fetch_base(step: dict, root: Path) -> None:
    """The second actions/checkout: the base commit, in its own folder."""
    assert step["with"]["ref"] == BASE_SHA
    place = root / step["with"]["path"]
    shutil.rmtree(place, ignore_errors=True)  # each run starts from a fresh checkout
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(root), str(place)], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(place), "checkout", "-q", "origin/main"], check=True, capture_output=True)


def run_steps(event: str, root: Path, bin_dir: Path, only: str = "") -> list[subprocess.CompletedProcess]:
    summary = root.parent / "summary.md"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "BASE_REF": "main",
           "GITHUB_STEP_SUMMARY": str(summary), "OOI_LANG": "id"}
    for name in ("OOI_ROOT", "PYTHONPATH"):
        env.pop(name, None)
    done = []
    shutil.rmtree(root / ".ooi-cache", ignore_errors=True)  # each job starts on a fresh runner
    store = root.parent / "actions-cache"  # what actions/cache keeps between jobs: here, main's latest save
    for step in steps(event):
        uses = step.get("uses", "")
        if uses.startswith("actions/checkout@") and "path" in step.get("with", {}):
            fetch_base(step, root)
        elif uses.startswith("actions/cache/restore@") and store.is_dir():
            shutil.copytree(store, root / step["with"]["path"])
        elif uses.startswith("actions/cache/save@"):
            shutil.rmtree(store, ignore_errors=True)
            shutil.copytree(root / step["with"]["path"], store)
        elif step.get("run", "").startswith("pip install "):
            install(step["run"], root, bin_dir)
        elif "run" in step and only in step["run"]:
            done.append(subprocess.run(["bash", "-c", step["run"]], cwd=root, env=env, capture_output=True,
                                       text=True, timeout=120))
    return done


def saved_cache(root: Path) -> dict[str, bytes]:
    """What actions/cache keeps between jobs, file by file (the markers, and the packs in their folder)."""
    store = root.parent / "actions-cache"
    return {path.relative_to(store).as_posix(): path.read_bytes() for path in store.rglob("*") if path.is_file()}


def commit_all(root: Path, message: str) -> None:
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True, capture_output=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", message], check=True, capture_output=True)


def test_workflow_steps_on_a_copy_of_the_shipped_data(checkout):
    root, bin_dir = checkout
    # On main: everything is validated, and the shipped data is clean.
    [everything] = run_steps("push", root, bin_dir)
    assert everything.returncode == 0 and everything.stdout == "", everything.stdout + everything.stderr
    saved = saved_cache(root)
    assert len(saved) > 12  # a pack per agency, git's history, the markers
    # A pull request that touches one good file: clean, nothing flagged, coverage in the job summary.
    changed = next((root / "data/inovasi").glob("*/*.yaml"))
    changed.write_text(changed.read_text(encoding="utf-8") + "# diperbarui\n", encoding="utf-8")
    commit_all(root, "ubah")
    outside, validate, status = run_steps("pull_request", root, bin_dir)
    assert (outside.returncode, outside.stdout) == (0, ""), outside.stderr
    assert validate.returncode == 0 and validate.stdout == "", validate.stdout + validate.stderr
    assert status.returncode == 0, status.stderr
    assert (root / ".ooi-cache").is_dir()  # restored, and written to by the run, but never saved back
    assert saved_cache(root) == saved
    summary = (root.parent / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("### Status cakupan")
    # The coverage the pull request makes: base against head, the earlier status beside each agency's.
    assert "**Dibandingkan dengan `origin/main`: tercapai 12 → 12 OPD, kepatuhan pelaporan 77,1% → 77,1%**" in summary
    assert "| No | OPD | Sebelumnya | Status |" in summary
    # A pull request that adds a broken file fails, with annotations on that file only.
    broken = root / "data/inovasi/dinkes/baru.yaml"
    broken.write_text("# yaml-language-server: $schema=../../../schema/inovasi.schema.json\nnama: Baru\n",
                      encoding="utf-8")
    commit_all(root, "baru")
    [validate] = run_steps("pull_request", root, bin_dir, only="--changed-since")
    assert validate.returncode == 1
    lines = validate.stdout.splitlines()
    assert lines and all(line.startswith("::error file=data/inovasi/dinkes/baru.yaml,line=") for line in lines)


def test_a_pull_request_cannot_change_the_validator_that_judges_it(checkout):
    """The head changes src/ so that its own ooi passes anything, drops a sector code, and adds a broken file."""
    root, bin_dir = checkout
    command = root / "src/ooi/cli/validate.py"
    command.write_text(command.read_text(encoding="utf-8").replace(
        "raise typer.Exit(1 if result.errors else 0)", "raise typer.Exit(0)"), encoding="utf-8")
    sectors = root / "src/ooi/data/urusan.yaml"
    lines = sectors.read_text(encoding="utf-8").splitlines(keepends=True)
    sectors.write_text("".join(line for line in lines if not line.lstrip().startswith('"1.02"')), encoding="utf-8")
    assert sectors.read_text(encoding="utf-8") != "".join(lines)
    (root / "data/inovasi/dinkes/baru.yaml").write_text("nama: Baru\n", encoding="utf-8")
    commit_all(root, "ubah pemeriksa")
    # The head's own ooi would have let it through:
    own = subprocess.run([sys.executable, "-m", "ooi", "validate", "--changed-since", "origin/main"], cwd=root,
                         env={**os.environ, "PYTHONPATH": str(root / "src"), "OOI_LANG": "id"},
                         capture_output=True, text=True, timeout=120)
    assert own.returncode == 0, own.stdout + own.stderr
    outside, validate, status = run_steps("pull_request", root, bin_dir)
    assert outside.stdout == ("::warning title=Perlu tinjauan sekretariat::2 berkas di luar data/, ooi.yaml dan "
                              ".github/CODEOWNERS berubah; yang memeriksa tetap ooi dari cabang tujuan\n")
    assert validate.returncode == 1  # the base branch's ooi judged it
    assert validate.stdout.splitlines()[0].startswith("::error file=data/inovasi/dinkes/baru.yaml,line=1,col=1,")
    summary = (root.parent / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("### Perlu tinjauan sekretariat: 2 berkas di luar data/ berubah\n\n"
                              "    src/ooi/cli/validate.py\n    src/ooi/data/urusan.yaml\n\n### Status cakupan")


def test_file_names_outside_data_cannot_forge_commands_or_the_summary(checkout):
    root, bin_dir = checkout
    forged = "x\n::error::Semua lolos\n### ✅ Capaian target: 35 dari 35 OPD (100,0%)\n<!--"
    (root / "src" / forged).write_text("", encoding="utf-8")
    commit_all(root, "nama berkas")
    [outside] = run_steps("pull_request", root, bin_dir, only="outside=")
    assert outside.stdout.count("\n") == 1 and outside.stdout.startswith("::warning title=Perlu tinjauan")
    summary = (root.parent / "summary.md").read_text(encoding="utf-8").splitlines()
    assert summary[2] == '    "src/x\\n::error::Semua lolos\\n### \\342\\234\\205 Capaian target: 35 dari 35 OPD ' \
                         '(100,0%)\\n<!--"'
    assert len(summary) == 4


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


TESTS_WORKFLOW = TOP / ".github/workflows/tes.yml"


def test_the_project_tests_run_on_linux_windows_and_macos_as_the_readme_says():
    """tes.yml: read-only, no kept token, pinned actions; Windows and macOS run the README's own commands."""
    text = TESTS_WORKFLOW.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["on"] = data.pop(True, data.get("on"))
    assert set(data["on"]) == {"pull_request", "push"} and data["permissions"] == {"contents": "read"}
    jobs = data["jobs"]
    assert {name: job["runs-on"] for name, job in jobs.items()} == {
        "linux": "ubuntu-latest", "windows": "windows-latest", "macos": "macos-latest"}
    for job in jobs.values():
        assert "permissions" not in job
        checkouts = [step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@")]
        assert [step["with"] for step in checkouts] == [{"persist-credentials": False}]
        assert all("${{" not in step.get("run", "") for step in job["steps"])
    runs = {name: [step["run"] for step in job["steps"] if "run" in step] for name, job in jobs.items()}
    assert runs["linux"] == ["bash .ci/run"]
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    windows = re.findall(r"```powershell\n(.*?)\n```", readme, re.S)
    assert runs["windows"] == windows == [
        "py -m venv .venv; .venv\\Scripts\\activate; pip install -e .; ooi status",
        "py -m venv .venv; .venv\\Scripts\\activate; pip install -e '.[test]'; python -m pytest"]
    assert jobs["windows"]["defaults"]["run"]["shell"] == "pwsh"
    assert runs["macos"] == re.findall(r"```sh\n(python3 -m venv .*)\n```", readme)[:2]
    pins = set(re.findall(r"uses: (\S+)@(\S+)  # (\S+)", text))
    assert pins <= set(re.findall(r"uses: (\S+)@(\S+)  # (\S+)", WORKFLOW.read_text(encoding="utf-8")))  # same pins
    assert all(re.fullmatch(r"[0-9a-f]{40}", sha) for _, sha, _ in pins)
