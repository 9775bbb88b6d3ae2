"""Hints that give the answer: the value a person meant, from what they wrote (pure: value in, value out).

`ooi validate` puts these in its hints and `ooi isi` may offer them as the default answer.
Each returns None when it cannot be sure; a guess that might be a different thing is worse
than no guess.
"""

from __future__ import annotations

import re
from datetime import date

from ooi.model.facts import synonyms
from ooi.model.names import did_you_mean

_MONTHS = {name: number for number, names in enumerate((
    ("januari", "jan", "january"), ("februari", "feb", "pebruari", "peb", "february"), ("maret", "mar", "march"),
    ("april", "apr"), ("mei", "may"), ("juni", "jun", "june"), ("juli", "jul", "july"),
    ("agustus", "agu", "agt", "ags", "aug", "august"), ("september", "sep", "sept"), ("oktober", "okt", "oct", "october"),
    ("november", "nov", "nop", "nopember"), ("desember", "des", "dec", "december")), start=1) for name in names}
_WORDS_DATE = re.compile(r"(\d{1,2})\s*[ .\-/]?\s*([a-z]+)\.?\s*[ .\-/,]?\s*(\d{4})")
_NUMERIC_DATE = re.compile(r"(\d{1,4})\s*([./\-])\s*(\d{1,2})\s*\2\s*(\d{1,4})")
_SCALE = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000, "jt": 1_000_000, "miliar": 1_000_000_000,
          "milyar": 1_000_000_000, "m": 1_000_000_000, "triliun": 1_000_000_000_000}
_NUMBER = re.compile(r"\d[\d.,]*")
_SEPARATORS = re.compile(r"[\s._\-/]+")
SHORTEST_GUESS = 4  # a did-you-mean for fewer letters than this is a coin toss (`sk` is not `skm`)
GUESS_CUTOFF = 0.8  # how alike a typo must look to the choice it suggests


def date_meant(value: object) -> str | None:
    """`3 Juli 2023`, `03/07/2023`, `3-7-2023`, `2023/7/3` → `2023-07-03` (day first, as Indonesia writes)."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"^(tanggal|tgl\.?)\s+", "", " ".join(value.casefold().split()))
    text = re.sub(r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad),?\s+", "", text)
    words = _WORDS_DATE.fullmatch(text)
    if words and words.group(2) in _MONTHS:
        return _iso(int(words.group(3)), _MONTHS[words.group(2)], int(words.group(1)))
    numbers = _NUMERIC_DATE.fullmatch(text)
    if not numbers:
        return None
    first, _, middle, last = numbers.groups()
    if len(first) == 4:
        return _iso(int(first), int(middle), int(last))
    if len(last) == 4:
        return _iso(int(last), int(middle), int(first))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def nip_meant(value: object) -> str | None:
    """`19750812 200003 2 004` or `19750812.200003.2.004` → its 18 digits; None when it is not 18 digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = re.sub(r"^nip\.?\s*:?\s*", "", value.strip(), flags=re.IGNORECASE)
    digits = re.sub(r"[\s.\-]", "", text)
    return digits if re.fullmatch(r"[0-9]{18}", digits) and digits != value else None


def number_meant(value: object, whole: bool = True) -> int | float | None:
    """`200 orang` → 200, `25.000.000` or `Rp 25.000.000,-` → 25000000, `1,5 juta` → 1500000, `83,5` → 83.5.

    Dots group thousands and a comma marks decimals, as Indonesian writes; a text with two
    numbers (`200-300 orang`) is not guessed. `whole`: the field takes whole numbers only.
    """
    if not isinstance(value, str):
        return None
    text = value.casefold().replace("rp.", " ").replace("rp", " ").replace(",-", " ")
    found = _NUMBER.findall(text)
    if len(found) != 1:
        return None
    written = found[0].rstrip(".,")
    after = text[text.index(found[0]) + len(found[0]):].split()
    scale = _SCALE.get(after[0].strip(".,"), 1) if after else 1
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", written) or re.fullmatch(r"\d+(,\d+)?", written):
        number = float(written.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d+\.\d{1,2}", written):  # 83.5: a decimal point, as YAML would have read it
        number = float(written)
    else:
        return None
    number *= scale
    if number.is_integer():
        return int(number)
    return None if whole else number


def normal(text: str) -> str:
    """How words are compared with the synonym table: lowercase, one space for any run of separators."""
    return _SEPARATORS.sub(" ", text.casefold()).strip()


def choice_meant(field: str, value: object, choices) -> tuple[str | None, bool]:
    """The choice `value` stands for in `field` (`bukti.jenis`), and whether it is a sure meaning.

    (choice, True): the value is the choice written another way, or a word of the synonym table
    (`SK Kepala Dinas` → `regulasi`). (choice, False): it looks like a typo of that choice
    (`pelayanan_pubik`). (None, False): no safe guess; a word of the table that means no choice of
    this field is never turned into one that merely looks alike.
    """
    if not isinstance(value, str):
        return None, False
    choices = list(choices)
    wanted = normal(value)
    for choice in choices:
        if normal(choice) == wanted:
            return choice, True
    table = synonyms().get(field, {})
    for choice, words in table.items():
        if wanted in (normal(word) for word in words.get("sama", ())):
            return choice, True
    starts = [(len(normal(word)), choice) for choice, words in table.items() for word in words.get("awalan", ())
              if wanted == normal(word) or wanted.startswith(normal(word) + " ")]
    if starts:
        return max(starts)[1], True
    if len(wanted.replace(" ", "")) < SHORTEST_GUESS or _is_known_word(wanted):
        return None, False
    close = did_you_mean(wanted.replace(" ", "_"), choices, cutoff=GUESS_CUTOFF)
    return close, False


def _is_known_word(wanted: str) -> bool:
    """Whether any field's table has this word: then it means something, and not what it resembles."""
    return any(wanted == normal(word) for table in synonyms().values() for words in table.values()
               for word in words.get("sama", ()))


def link_meant(value: object) -> str | None:
    """`dinsos.batukota.go.id/sk` or `http://dinsos.batukota.go.id/sk` → `https://dinsos.batukota.go.id/sk`.

    Only an address that names a host with a dot and holds no space: a note ("lihat map di meja")
    gets no guess.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if " " in text or "." not in text.split("/")[0 if "://" not in text else 2]:
        return None
    if text.lower().startswith("http://"):
        return "https://" + text[7:]
    if "://" not in text and re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+(/\S*)?", text, re.IGNORECASE):
        return "https://" + text
    return None
