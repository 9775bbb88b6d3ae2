"""The layered house (STYLE.md): the import-linter contract holds and no module imports itself in a circle."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

# The source tree beside this test, whether the package is installed from it (`-e`) or copied into site-packages.
TOP = Path(__file__).resolve().parents[1]
SOURCE = TOP / "src"
PACKAGE = SOURCE / "ooi"


@pytest.fixture
def source_first(monkeypatch):
    """`lint-imports` reads the source tree (and the contract in its pyproject.toml), not an installed copy."""
    monkeypatch.setenv("PYTHONPATH", str(SOURCE))


def test_the_layers_contract_holds(source_first):
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert lint, "lint-imports is missing: install the test extra (pip install -e '.[test]')"
    done = subprocess.run([lint], capture_output=True, text=True, cwd=TOP)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def cycles(graph) -> list[list[str]]:
    """Every strongly connected group of modules (Tarjan), i.e. every import cycle."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for other in graph.find_modules_directly_imported_by(module):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in on_stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_in_a_circle():
    assert cycles(grimp.build_graph("ooi")) == []


def test_cycles_are_found_when_there_are_some():
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert cycles(graph) == [["a.b", "a.c"]]


def test_every_package_says_what_lives_there():
    for init in sorted(PACKAGE.rglob("__init__.py")):
        doc = init.read_text(encoding="utf-8").split('"""')
        assert len(doc) >= 3 and doc[1].strip(), f"{init.relative_to(PACKAGE)} has no docstring"
