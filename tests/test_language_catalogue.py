"""A scan of the message catalogue: every text has both languages, and neither speaks the other's words.

The catalogue is every `tr(id, en)` and `helps(id, en)` at its call, every `@english` command
help, the field docs, the code titles and documentation (codes, data/kode.yaml, the rule
docstrings). Words inside backticks, quotes, braces or parentheses that name a key, a value or an
example are left out: `jenis: regulasi` is data, not language.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ooi.model import fields
from ooi.model.codes import CODES
from ooi.rules.catalogue import entries

SOURCE = Path(__file__).parent.parent / "src" / "ooi"
# Function words: a text in one language that uses these of the other is mixed or untranslated.
INDONESIAN = {"yang", "dan", "atau", "belum", "tidak", "dengan", "untuk", "harus", "tulis", "masih", "kosong",
              "sudah", "dari", "pada", "bukan", "ini", "itu", "tanpa", "setiap", "bila", "agar", "lebih", "dalam",
              "akan", "berkas", "isi", "hanya", "oleh", "tetapi", "kata"}
ENGLISH = {"the", "and", "or", "must", "should", "is", "are", "with", "of", "not", "file", "files", "to", "for",
           "this", "that", "be", "write", "add", "only", "from", "has", "have", "no", "was", "it", "its", "word",
           "words", "show", "exit", "see"}
# Names that are the same in both languages (proper nouns, the movement, regulations).
NAMES = re.compile(r"Satu Instansi Satu Inovasi|One Agency One Innovation|Pemerintah Kota \w+|Kota Batu|"
                   r"Radio Kota Batu FM|Kelurahan \w+|Instagram @[\w.]+|PP \d+/\d+[^,;)]*|UU \d+/\d+|"
                   r"Permen\w+ [\w ]+\d+/\d+|Permendagri \d+/\d+")


def words(text: str) -> set[str]:
    """The prose words of a text: code, values, names and placeholders taken out."""
    text = NAMES.sub(" ", text)
    text = re.sub(r"\b[A-Z][A-Z0-9_-]+\b", " ", text)  # metavars and abbreviations: FILE, KODE, OPD, IID
    text = re.sub(r"\booi [a-z]+( [A-Z]+)?|\w+_\w+|\S+/\S+", " ", text)  # commands, keys, value lists
    text = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'|\{[^}]*\}|\[[^\]]*\]|https?://\S+|\S+\.(yaml|json|py|pdf)\b", " ", text)
    return set(re.findall(r"[a-z]+", text.casefold()))


def calls() -> list[tuple[str, str, str]]:
    """(where, id, en) of every tr/helps call with two literal texts, and every @english beside its docstring."""
    found = []
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in ("tr", "helps"):
                texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                if len(texts) == 2:
                    found.append((f"{path.name}:{node.lineno}", *texts))
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "english":
                        found.append((f"{path.name}:{node.lineno}", ast.get_docstring(node) or "",
                                      decorator.args[0].value))
    return found


def catalogue() -> list[tuple[str, str, str]]:
    texts = calls()
    for docs in (fields.AGENCY, fields.INNOVATION):
        texts += [(f"fields:{key}", doc.text("id"), doc.text("en")) for key, doc in docs.items()]
    texts += [(f"codes:{code}", row.title_id, row.title_en) for code, row in CODES.items()]
    for item in entries():
        texts += [(f"{item.code}:{part}", getattr(item, part).id, getattr(item, part).en) for part in ("what", "why")]
    return texts


def test_the_scan_sees_the_whole_catalogue():
    where = {place.split(":")[0] for place, _, _ in catalogue()}
    assert len(catalogue()) > 500
    assert {"validation.py", "text.py", "language.py", "app.py", "fields", "codes", "P4", "S010", "R008"} <= where


@pytest.mark.parametrize(("place", "id_text", "en_text"), catalogue(), ids=lambda value: str(value)[:40])
def test_each_text_is_in_both_languages_and_not_mixed(place, id_text, en_text):
    assert id_text.strip() and en_text.strip(), "a text is missing in one language"
    id_words, en_words = words(id_text), words(en_text)
    if id_words & INDONESIAN:  # a real Indonesian sentence: its English must be a translation
        assert id_text != en_text, "not translated"
    assert not en_words & INDONESIAN, f"Indonesian in the English text: {sorted(en_words & INDONESIAN)}"
    assert not id_words & ENGLISH, f"English in the Indonesian text: {sorted(id_words & ENGLISH)}"


def test_every_help_of_the_command_line_has_its_english():
    from typer.main import get_command

    from ooi import i18n
    from ooi.cli import app
    from ooi.cli.language import HELPS, localize

    command = get_command(app)
    indonesian = {cmd.name: (cmd.help, [p.help for p in cmd.params]) for cmd in command.commands.values()}
    i18n.use("en")
    localize(command)
    for cmd in (command, *command.commands.values()):
        helps = [cmd.help, *(p.help for p in cmd.params if getattr(p, "help", None))]
        assert all(text in {message.en for message in HELPS.values()} for text in helps), (cmd.name, helps)
    assert indonesian["validate"][0].startswith("Periksa berkas OPD")
