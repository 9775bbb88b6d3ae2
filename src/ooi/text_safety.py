"""Text from records, file names and settings made safe to show or compare: terminals, Markdown, CSV, names.

A leaf below every layer (it imports nothing of ooi), so reporters, the CLI's error line,
the template writer and the rules all use the same functions and cannot drift apart.
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Shown as they are although str.isprintable() says no: spaces (U+00A0 …) and private use.
_SHOWN_CATEGORIES = ("Zs", "Co")


def visible(text: object) -> str:
    """`text` with every control, format (bidi, zero-width), line-separator and unassigned character escaped.

    `\\x1b[2K` reaches a terminal as the six characters `\\x1b[2K`, U+202E as `\\u202e`, a
    newline as `\\n`: nothing a record says can move the cursor, hide text, reorder a line
    or start a new one (a forged finding, or a `::notice::` workflow command).
    """
    text = str(text)
    if text.isprintable():  # the common case costs one C-level scan
        return text
    return "".join(character if character.isprintable() or unicodedata.category(character) in _SHOWN_CATEGORIES
                   else _escape(character) for character in text)


def _escape(character: str) -> str:
    if character in _NAMED:
        return _NAMED[character]
    point = ord(character)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def describe(character: str) -> str:
    """`U+0430 CYRILLIC SMALL LETTER A`."""
    kind = "CONTROL CHARACTER" if unicodedata.category(character) == "Cc" else "UNNAMED"  # controls have no name
    return f"U+{ord(character):04X} {unicodedata.name(character, kind)}"


# --- Markdown (GitHub-flavoured), for job summaries and pull-request comments -------------

# Inline punctuation that starts emphasis, links, images, code, HTML, entities, tables or
# strikethrough; block syntax (`#`, `>`, `-`) needs a line start, which `visible` never leaves.
# Besides: `@` would notify a person or team (`@everyone`, `@org/team`) and is shown in a code span, which
# mentions skip; `://` and `www.` would become links of their own (GFM autolinks), and an escape stops that.
_MARKDOWN = re.compile(r"[\\`*_\[\]<>&|~!@]|:(?=//)|(?<=www)\.", re.IGNORECASE)
_HTML = {"<": "&lt;", ">": "&gt;", "&": "&amp;", "@": "`@`"}


def markdown(text: object) -> str:
    """Text for a Markdown line or table cell: shown as written, never read as Markdown or HTML.

    `<!--` cannot hide the rest of a summary, `&#x202E;` cannot turn into a bidi override,
    a backtick cannot close a code span, `|` cannot open a table cell, a newline cannot
    start a forged heading such as `### ✅ Capaian target: 35 dari 35 OPD`, `[x](https://…)`
    and `https://…` stay text, and `@everyone` notifies no one.
    """
    return _MARKDOWN.sub(lambda match: _HTML.get(match.group(), "\\" + match.group()), visible(text))


def code(text: object) -> str:
    """Text as a Markdown code span: fenced with more backticks than it holds, `|` escaped for tables."""
    shown = visible(text).replace("|", "\\|")
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") or not shown.strip() else ""
    return f"{fence}{pad}{shown}{pad}{fence}"


# --- Names in tables and reports ------------------------------------------------------------

NAME_LIMIT = 150  # characters of a name shown in a table or report (S011 holds `nama` to it)


def name(text: str) -> str:
    """A record's name as tables and reports show it: at most NAME_LIMIT characters, cut with `…`.

    A name past the bound is already an error (S011); twenty such files must not make a 17 MB report.
    """
    return text if len(text) <= NAME_LIMIT else text[:NAME_LIMIT - 1] + "…"


# --- CSV, opened in a spreadsheet ---------------------------------------------------------

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(text: object) -> str:
    """An xlsx cell: every control and format character escaped as `visible` does, except the line breaks and
    tabs a long text keeps. (A CSV may be read on a terminal or in a CI log, where a kept line break could
    start a forged `::error` line: its cells go through `spreadsheet`.)"""
    text = str(text)
    if text.isprintable():
        return text
    return "\n".join("\t".join(visible(part) for part in line.split("\t")) for line in text.split("\n"))


# A piece a spreadsheet would run: at the start, or after either separator, past any spaces or quotes (a cell
# opened with the other separator than it was written with is split there).
_OPENS = re.compile(r"(^|[,;])([\s\"]*)(?=[=+\-@])")
_NUMBER_LIKE = re.compile(r"\s*\d[\d\s.,/:%-]*")  # digits and what numbers and dates are written with
JOINER = "\u2060"  # WORD JOINER: invisible, and a cell that starts with it is text to every spreadsheet


def spreadsheet(text: object) -> str:
    """A CSV cell a spreadsheet keeps as the text it is, whichever separator it is opened with.

    Control characters (line breaks included: a CSV may go to a terminal or a CI log) are shown as
    `visible` does; no piece can start a formula (an apostrophe before it); a text that would read as
    a number or a date (a NIP, a sector code `2.20`) keeps its digits behind an invisible WORD JOINER.
    """
    text = visible(text)
    if _NUMBER_LIKE.fullmatch(text):
        return JOINER + text
    return _OPENS.sub(r"\1\2'", text)


def looks_like_formula(text: str) -> bool:
    """A spreadsheet would run this cell as a formula: it starts with `=`, `+`, `-` or `@` (OWASP)."""
    return text.startswith(_FORMULA)


# --- Texts compared as a reader sees them (R007, R015, R021) --------------------------------------------

# Characters that render as nothing, beyond the format category (Cf): fillers and joiners.
_INVISIBLE = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u3164\uffa0") | frozenset(
    chr(point) for point in range(0xFE00, 0xFE10))
# Cyrillic and Greek letters drawn like Latin ones in common fonts (a subset of Unicode's
# confusables.txt: the letters that make a Latin-script Indonesian name look unchanged).
_CONFUSABLES = str.maketrans({
    **dict(zip("аԁеһіјӏорԛѕԝхуъ", "adehijlopqswxyb")),
    **dict(zip("АВЕНІЈКМОРЅТХУ", "ABEHIJKMOPSTXY")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιρυνχκα", "ABEZHIKMNOPTYXoipuvxka")),
    "ı": "i", "ȷ": "j", "ɡ": "g", "ℓ": "l",
})


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # ASCII controls other than a tab or a line break

# Characters that render as nothing yet stand for a space between words (a line may break there).
_AS_SPACE = str.maketrans(dict.fromkeys("\u200b\u2060\ufeff", " "))


def fold(text: str) -> str:
    """The form two texts are compared in, as a reader sees them: NFKC (fullwidth `ＳＩＧＡＰ` is `SIGAP`), a
    zero-width space or word joiner read as the space it stands for, other invisible characters removed,
    Cyrillic/Greek look-alikes read as Latin, case and spacing ignored. (R007 names and R015 texts.)"""
    return " ".join(folded(text).split())


def folded(text: str) -> str:
    """`fold` without joining the words again: for a caller that splits the text itself (R015's shingles)."""
    if text.isascii() and (text.isprintable() or not _CONTROL.search(text)):
        return text.casefold()  # nearly every text: nothing to normalise, remove or read as Latin
    return _fold_any(text)


def _fold_any(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_AS_SPACE)
    # Decided once per distinct character, then removed in one C-level pass: a long text has few distinct ones.
    gone = {ord(c): None for c in set(text) if c in _INVISIBLE or unicodedata.category(c) in ("Cf", "Cc")
            and c not in " \t\n"}
    text = text.translate(gone) if gone else text
    return unicodedata.normalize("NFKC", text.translate(_CONFUSABLES)).casefold()


def invisible(text: str) -> list[str]:
    """The distinct characters of `text` that render as nothing (format, filler, or control other than a line
    break or tab), named, in order of appearance."""
    if text.isascii():
        return [describe(c) for c in dict.fromkeys(text) if c < " " and c not in "\t\n\r" or c == "\x7f"]
    return [describe(c) for c in dict.fromkeys(text)
            if c in _INVISIBLE or unicodedata.category(c) in ("Cf", "Cc") and c not in "\t\n\r"]


_LETTERS = re.compile(r"[^\W\d_]+")


def mixed_words(text: str) -> list[str]:
    """The words of `text` that mix scripts (`Ѕigap`: a Cyrillic `Ѕ` before Latin letters), in order, once each."""
    if text.isascii():
        return []
    found = []
    for word in _LETTERS.findall(unicodedata.normalize("NFC", text)):
        if not word.isascii() and len({_script(c) for c in word}) > 1 and word not in found:
            found.append(word)
    return found


def _script(letter: str) -> str:
    """The script a letter is written in, from its Unicode name (`CYRILLIC SMALL LETTER A` → CYRILLIC)."""
    if letter.isascii():
        return "LATIN"
    name = unicodedata.name(letter, "")
    return "LATIN" if name.startswith("LATIN") else name.split(" ", 1)[0]


def differing(first: str, second: str) -> list[str]:
    """The non-ASCII characters of `first` that `second` lacks, named: what makes two equal names look distinct."""
    return [describe(c) for c in dict.fromkeys(first) if c not in second and not c.isascii()]
